"""Retention by type: erase the personal data of cases kept past their `retain_until`.

A case's type fixes its retention (copied onto the case when filed); `retain_until` is set when
the case is closed (closing day + the type's years) and cleared if it is reopened. Once that day
has passed, the job below erases what could identify the citizen and keeps the rest, so the
case still counts in statistics and its reference, type, category, dates and status history
stay:

- the `case_citizens` row (the only table of personal data) is deleted;
- attachments are deleted, metadata and bytes (a file name alone may name the citizen);
- free text the citizen dictated or staff typed (description, subject, address, the notes'
  text) becomes `ERASED`; the point, the extra answers and the media URL are cleared too,
  since each can lead back to a home or a face;
- `erased_at` is set, the version bumped (a stale edit gets 412) and a history row says why.

The read log (`case_reads`) is kept. Its rows hold no personal data themselves (a case id, a
staff user, a time, a purpose), and once the citizen row is gone they point at no one; they are
the controller's record of who consulted the data while it existed (GDPR art. 5(2), art. 30
and 32), which a data-protection inquiry may still ask for after the data itself is gone.
Their own retention, as the staff's access logs, is a separate decision.

Ethics reports follow their own type's retention class like any other case; they have no
citizen row, but their text and attachments go the same way.

Idempotent: an erased case is never picked again. Done in batches, each its own transaction,
so a large backlog neither holds locks for long nor is lost whole on a failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, delete, func, select, update
from sqlalchemy.orm import Session

from central.cases.kinds import CaseStatus
from central.cases.models import (
    Case,
    CaseAttachment,
    CaseAttachmentContent,
    CaseCitizen,
    CaseNote,
    CaseStatusChange,
)
from central.db import Database

# What erased free text reads as; never a value a person could type by chance in a form.
ERASED = "[erased]"
# The public note of the history row the erasure adds (shown to the citizen: no personal data).
ERASED_NOTE = "Personal data erased: the retention period ended."
# Cases per transaction: each carries its attachments' bytes (up to 10 MB each) into the
# delete, so a batch stays small enough to commit in a moment.
DEFAULT_BATCH = 100


@dataclass
class RetentionReport:
    """What a run erased (or, in a dry run, would erase)."""

    cases: int = 0
    citizens: int = 0
    attachments: int = 0
    notes: int = 0
    batches: int = 0
    dry_run: bool = False


def _due(today: date) -> ColumnElement[bool]:
    # `retain_until` is the last day the data is kept: erased from the day after.
    return and_(
        Case.retain_until.is_not(None),
        Case.retain_until < today,
        Case.erased_at.is_(None),
        Case.status == CaseStatus.CLOSED.value,
    )


def due_count(session: Session, today: date) -> RetentionReport:
    """What a run today would erase, without changing anything."""
    due = select(Case.id).where(_due(today)).scalar_subquery()

    def count(model: type[CaseCitizen] | type[CaseAttachment] | type[CaseNote]) -> int:
        query = select(func.count()).select_from(model).where(model.case_id.in_(due))
        return int(session.execute(query).scalar_one())

    cases = int(session.execute(select(func.count()).where(_due(today))).scalar_one())
    return RetentionReport(
        cases=cases,
        citizens=count(CaseCitizen),
        attachments=count(CaseAttachment),
        notes=count(CaseNote),
        dry_run=True,
    )


def erase_case(session: Session, case: Case, now: datetime, report: RetentionReport) -> None:
    """Erase one case's personal data, inside the caller's transaction."""
    citizen = session.get(CaseCitizen, case.id)
    if citizen is not None:
        session.delete(citizen)
        report.citizens += 1
    attachment_ids = select(CaseAttachment.id).where(CaseAttachment.case_id == case.id)
    session.execute(
        delete(CaseAttachmentContent).where(CaseAttachmentContent.attachment_id.in_(attachment_ids))
    )
    removed = session.execute(delete(CaseAttachment).where(CaseAttachment.case_id == case.id))
    report.attachments += removed.rowcount  # type: ignore[attr-defined]
    # Notes stay as rows (who worked on the case, and when); their text goes.
    noted = session.execute(
        update(CaseNote)
        .where(CaseNote.case_id == case.id, CaseNote.text != ERASED)
        .values(text=ERASED)
    )
    report.notes += noted.rowcount  # type: ignore[attr-defined]
    case.description = ERASED
    if case.subject is not None:
        case.subject = ERASED
    if case.address is not None:
        case.address = ERASED
    case.latitude = None
    case.longitude = None
    case.attributes = None
    case.media_url = None
    case.erased_at = now
    case.version += 1
    case.updated_at = now
    session.add(
        CaseStatusChange(
            case_id=case.id, status=case.status, at=now, user_id=None, public_note=ERASED_NOTE
        )
    )
    report.cases += 1


def erase_batch(session: Session, now: datetime, batch: int, report: RetentionReport) -> int:
    """Erase up to `batch` due cases; returns how many were picked."""
    query = (
        select(Case)
        .where(_due(now.date()))
        .order_by(Case.id)
        .limit(batch)
        # A case someone is reopening at this instant is left for the next run.
        .with_for_update(skip_locked=True)
        .execution_options(populate_existing=True)
    )
    cases = list(session.execute(query).scalars())
    for case in cases:
        erase_case(session, case, now, report)
    session.flush()
    return len(cases)


def run(
    db: Database, now: datetime, *, batch: int = DEFAULT_BATCH, dry_run: bool = False
) -> RetentionReport:
    """Erase every case due at `now` (UTC day), `batch` cases per committed transaction."""
    if batch < 1:
        raise ValueError("batch must be at least 1")
    if dry_run:
        with db.reading() as session:
            return due_count(session, now.date())
    report = RetentionReport()
    while True:
        with db.writing() as session:
            picked = erase_batch(session, now, batch, report)
        if picked:
            report.batches += 1
        if picked < batch:
            return report
