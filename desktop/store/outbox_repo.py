"""`OutboxRepo`: commands waiting for central, oldest first, with their retry schedule.

A row's `id` is the Idempotency-Key of every try; the row lives until central has answered
(success or a refusal a retry cannot cure), so a restart finds whatever was still due.
The payload may hold personal data: it is deleted with the row.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, literal_column, select, update
from sqlalchemy.orm import Session

from desktop.domain.cases import OutboxEntry
from desktop.store.store_tables import OutboxRow


def _to_entry(row: OutboxRow) -> OutboxEntry:
    return OutboxEntry(
        id=row.id,
        case_local_id=row.case_local_id,
        command=row.command,
        centre_id=row.centre_id,
        payload=json.loads(row.payload_json),
        created_at=row.created_at,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_error=row.last_error,
    )


class OutboxRepo:
    def add(
        self,
        session: Session,
        *,
        case_local_id: str,
        command: str,
        centre_id: int,
        payload: Mapping[str, Any],
        now: datetime,
    ) -> OutboxEntry:
        row = OutboxRow(
            id=str(uuid.uuid4()),
            case_local_id=case_local_id,
            command=command,
            centre_id=centre_id,
            payload_json=json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
            created_at=now,
            attempts=0,
            next_attempt_at=now,
            last_error=None,
        )
        session.add(row)
        session.flush()
        return _to_entry(row)

    def get(self, session: Session, entry_id: str) -> OutboxEntry | None:
        row = session.get(OutboxRow, entry_id)
        return _to_entry(row) if row is not None else None

    def due(self, session: Session, now: datetime, limit: int = 50) -> tuple[OutboxEntry, ...]:
        """Rows whose next attempt is at or before `now`, oldest first."""
        query = (
            select(OutboxRow)
            .where(OutboxRow.next_attempt_at <= now)
            .order_by(OutboxRow.created_at, literal_column("outbox.rowid"))
            .limit(limit)
        )
        return tuple(_to_entry(row) for row in session.execute(query).scalars())

    def all(self, session: Session) -> tuple[OutboxEntry, ...]:
        query = select(OutboxRow).order_by(OutboxRow.created_at, literal_column("outbox.rowid"))
        return tuple(_to_entry(row) for row in session.execute(query).scalars())

    def for_case(self, session: Session, case_local_id: str) -> tuple[OutboxEntry, ...]:
        query = select(OutboxRow).where(OutboxRow.case_local_id == case_local_id)
        return tuple(_to_entry(row) for row in session.execute(query).scalars())

    def next_due(self, session: Session) -> datetime | None:
        """When the soonest row is due (None: the outbox is empty)."""
        value = session.execute(select(func.min(OutboxRow.next_attempt_at))).scalar_one()
        return datetime.fromisoformat(value) if isinstance(value, str) else value

    def count(self, session: Session) -> int:
        return int(session.execute(select(func.count()).select_from(OutboxRow)).scalar_one())

    def reschedule(
        self, session: Session, entry_id: str, *, next_attempt_at: datetime, error: str
    ) -> None:
        """A failed try: one more attempt counted, the next one not before `next_attempt_at`.
        `error` is a code (never a body: it could hold personal data)."""
        row = session.get(OutboxRow, entry_id)
        if row is None:
            return
        row.attempts += 1
        row.next_attempt_at = next_attempt_at
        row.last_error = error[:80]
        session.flush()

    def remove(self, session: Session, entry_id: str) -> None:
        session.execute(delete(OutboxRow).where(OutboxRow.id == entry_id))

    def remove_many(self, session: Session, entry_ids: Iterable[str]) -> None:
        session.execute(delete(OutboxRow).where(OutboxRow.id.in_(list(entry_ids))))

    def release(
        self, session: Session, case_local_ids: Iterable[str], command: str, now: datetime
    ) -> dict[str, int]:
        """Rows of `command` of these cases (parked until their case was filed) are due now;
        how many each case had."""
        ids = list(case_local_ids)
        which = (OutboxRow.case_local_id.in_(ids), OutboxRow.command == command)
        counted = session.execute(
            select(OutboxRow.case_local_id, func.count())
            .where(*which)
            .group_by(OutboxRow.case_local_id)
        ).all()
        if counted:
            session.execute(update(OutboxRow).where(*which).values(next_attempt_at=now))
        return {str(case_id): int(n) for case_id, n in counted}

    def remove_for_case(self, session: Session, case_local_id: str) -> None:
        session.execute(delete(OutboxRow).where(OutboxRow.case_local_id == case_local_id))
