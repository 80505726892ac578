"""`AttachmentRepo`: the files of a case kept in the local store until central has them.

The bytes live in the SQLite file itself (a BLOB, at most `rules.attachments.MAX_BYTES` each),
not in files beside it: the case, its files and their outbox rows then commit in ONE
transaction (both or neither, whatever happens to the PC), a deleted file is overwritten in
place (`secure_delete`), and there is no second place to back up, clean up or protect.

Each file has a `case.add_attachment` outbox row. It cannot be sent before the case is filed
(it needs central's reference), so it is written *parked* (due at `PARKED`, far in the future)
and `release`d, made due now, in the transaction that records the filing. Like every repo,
nothing here commits: the caller's `Session` is the unit of work.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import delete, func, literal_column, select, update
from sqlalchemy.orm import Session

from desktop.domain.attachments import ADD_ATTACHMENT, AttachmentFile, LocalAttachment
from desktop.domain.cases import CaseState
from desktop.store.store_tables import AttachmentRow, CaseRow, OutboxRow

# The due time of an attachment's outbox row while its case is not filed yet.
PARKED = datetime(9999, 1, 1, tzinfo=UTC)


def _to_attachment(row: AttachmentRow) -> LocalAttachment:
    return LocalAttachment(
        id=row.id,
        case_local_id=row.case_local_id,
        filename=row.filename,
        media_type=row.media_type,
        size=row.size,
        sha256=row.sha256,
        created_at=row.created_at,
    )


class AttachmentRepo:
    def add(
        self, session: Session, case_local_id: str, file: AttachmentFile, now: datetime
    ) -> LocalAttachment:
        row = AttachmentRow(
            id=str(uuid.uuid4()),
            case_local_id=case_local_id,
            filename=file.filename,
            media_type=file.media_type,
            size=file.size,
            sha256=file.sha256,
            content=file.content,
            created_at=now,
        )
        session.add(row)
        session.flush()
        return _to_attachment(row)

    def get(self, session: Session, attachment_id: str) -> LocalAttachment | None:
        row = session.get(AttachmentRow, attachment_id)
        return _to_attachment(row) if row is not None else None

    def content(self, session: Session, attachment_id: str) -> bytes | None:
        query = select(AttachmentRow.content).where(AttachmentRow.id == attachment_id)
        return session.execute(query).scalar_one_or_none()

    def for_case(self, session: Session, case_local_id: str) -> tuple[LocalAttachment, ...]:
        """In the order they were attached."""
        query = (
            select(AttachmentRow)
            .where(AttachmentRow.case_local_id == case_local_id)
            .order_by(AttachmentRow.created_at, literal_column("case_attachments.rowid"))
        )
        return tuple(_to_attachment(row) for row in session.execute(query).scalars())

    def count_for_case(self, session: Session, case_local_id: str) -> int:
        query = select(func.count()).where(AttachmentRow.case_local_id == case_local_id)
        return int(session.execute(query).scalar_one())

    def remove(self, session: Session, attachment_id: str) -> None:
        session.execute(delete(AttachmentRow).where(AttachmentRow.id == attachment_id))

    # --- their outbox rows and their case -------------------------------------------------------

    def park(self, session: Session, outbox_id: str) -> None:
        """Not due until `release` (the case is not filed yet)."""
        session.execute(
            update(OutboxRow).where(OutboxRow.id == outbox_id).values(next_attempt_at=PARKED)
        )

    def release(self, session: Session, case_local_id: str, now: datetime) -> int:
        """The case is filed: its files' outbox rows are due now. Returns how many."""
        result = session.execute(
            update(OutboxRow)
            .where(OutboxRow.case_local_id == case_local_id, OutboxRow.command == ADD_ATTACHMENT)
            .values(next_attempt_at=now)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def hold_pending(self, session: Session, case_local_id: str) -> None:
        """A case filed (final reference kept, personal data gone) whose files are still on
        their way: it stays "pending", not "synced", until the last one arrived (a refusal it
        needed attention for is settled)."""
        session.execute(
            update(CaseRow)
            .where(CaseRow.local_id == case_local_id)
            .values(
                state=CaseState.PENDING.value,
                synced_at=None,
                rejection_code=None,
                rejection_message=None,
                rejection_fields_json=None,
                version=CaseRow.version + 1,
            )
        )
