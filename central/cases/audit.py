"""The read log: who read which case, when, why and how (GDPR accountability).

Rows are written in the same transaction as the read they record, so a read that is answered
is always logged. Nothing here holds personal data itself: rows point at the case.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.auth.actor import Actor
from central.auth.models import User
from central.auth.roles import Role
from central.cases.kinds import ReadAccess
from central.cases.models import Case, CaseCitizen, CaseReadLog


def record(
    session: Session,
    actor: Actor,
    case_ids: Iterable[int],
    purpose: str,
    access: ReadAccess,
    now: datetime,
) -> None:
    session.add_all(
        CaseReadLog(case_id=case_id, user_id=actor.user_id, at=now, purpose=purpose, access=access)
        for case_id in dict.fromkeys(case_ids)
    )


@dataclass(frozen=True)
class ReadEntry:
    case_id: int
    reference: str
    at: datetime
    user_id: int
    username: str
    full_name: str
    purpose: str
    access: str


def citizen_reads(session: Session, actor: Actor, nif: str) -> list[ReadEntry]:
    """Every logged read of the cases of the citizen with this NIF (within the actor's
    centre; admins see all), oldest first."""
    query = (
        select(CaseReadLog, Case.reference, User.username, User.full_name)
        .join(Case, Case.id == CaseReadLog.case_id)
        .join(CaseCitizen, CaseCitizen.case_id == Case.id)
        .join(User, User.id == CaseReadLog.user_id)
        .where(CaseCitizen.nif == nif)
        .order_by(CaseReadLog.at, CaseReadLog.id)
    )
    if actor.role is not Role.ADMIN:
        query = query.where(Case.centre_id == actor.centre_id)
    return [
        ReadEntry(
            case_id=row.CaseReadLog.case_id,
            reference=row.reference,
            at=row.CaseReadLog.at,
            user_id=row.CaseReadLog.user_id,
            username=row.username,
            full_name=row.full_name,
            purpose=row.CaseReadLog.purpose,
            access=row.CaseReadLog.access,
        )
        for row in session.execute(query)
    ]


def citizen_case_ids(session: Session, actor: Actor, nif: str) -> list[int]:
    query = select(Case.id).join(CaseCitizen, CaseCitizen.case_id == Case.id)
    query = query.where(CaseCitizen.nif == nif)
    if actor.role is not Role.ADMIN:
        query = query.where(Case.centre_id == actor.centre_id)
    return list(session.execute(query).scalars())
