"""`CaseRepo`: drafts and cases in the local store, as `LocalCase` values.

Every method takes the caller's `Session` and never commits: the service decides what goes in
one transaction (a case and its outbox row commit together or not at all).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.orm import Session

from desktop.domain.cases import (
    NOT_EDITABLE,
    NOT_FOUND,
    CaseDraft,
    CaseFields,
    CaseState,
    CitizenBlock,
    FieldError,
    LocalCase,
    Rejection,
    VisitLink,
)
from desktop.domain.errors import BalcaoError
from desktop.store.store_tables import CaseRow, SequenceRow


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _to_case(row: CaseRow) -> LocalCase:
    rejection = None
    if row.rejection_code is not None:
        fields = json.loads(row.rejection_fields_json) if row.rejection_fields_json else []
        rejection = Rejection(
            row.rejection_code,
            row.rejection_message or "",
            tuple(FieldError.from_json(f) for f in fields),
        )
    return LocalCase(
        local_id=row.local_id,
        type_code=row.type_code,
        state=CaseState(row.state),
        fields=CaseFields.from_json(json.loads(row.fields_json)) if row.fields_json else None,
        citizen=CitizenBlock.from_json(json.loads(row.citizen_json)) if row.citizen_json else None,
        visit=VisitLink(row.ticket_id, row.service_id, row.counter_id, row.attendant_id),
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        centre_id=row.centre_id,
        provisional_reference=row.provisional_reference,
        final_reference=row.final_reference,
        submitted_at=row.submitted_at,
        synced_at=row.synced_at,
        rejection=rejection,
    )


class CaseRepo:
    def get(self, session: Session, local_id: str) -> LocalCase | None:
        row = session.get(CaseRow, local_id)
        return _to_case(row) if row is not None else None

    def require(self, session: Session, local_id: str) -> LocalCase:
        return _to_case(self._row(session, local_id))

    def list(
        self, session: Session, states: Iterable[CaseState] | None = None
    ) -> tuple[LocalCase, ...]:
        """Newest first (by last change)."""
        query = select(CaseRow).order_by(CaseRow.updated_at.desc(), CaseRow.local_id)
        if states is not None:
            query = query.where(CaseRow.state.in_([CaseState(s).value for s in states]))
        return tuple(_to_case(row) for row in session.execute(query).scalars())

    def save_draft(
        self, session: Session, draft: CaseDraft, now: datetime, *, keep_visit: bool = True
    ) -> LocalCase:
        """Insert a new draft or overwrite an editable one (draft, needs attention); a case
        waiting to sync or synced is not editable. Each save bumps `version`."""
        visit = draft.visit if keep_visit else VisitLink()
        citizen = draft.citizen if draft.citizen is not None else None
        if draft.local_id is None:
            row = CaseRow(
                local_id=str(uuid.uuid4()),
                state=CaseState.DRAFT.value,
                created_at=now,
                version=0,
            )
            session.add(row)
        else:
            found = session.get(CaseRow, draft.local_id)
            if found is None:
                row = CaseRow(
                    local_id=draft.local_id,
                    state=CaseState.DRAFT.value,
                    created_at=now,
                    version=0,
                )
                session.add(row)
            else:
                row = found
                if CaseState(row.state) not in (CaseState.DRAFT, CaseState.NEEDS_ATTENTION):
                    raise BalcaoError(NOT_EDITABLE, "the case is no longer a draft")
        row.type_code = draft.type_code
        row.fields_json = _dump(draft.fields.to_json())
        row.citizen_json = _dump(citizen.to_json()) if citizen is not None else None
        row.ticket_id, row.service_id = visit.ticket_id, visit.service_id
        row.counter_id, row.attendant_id = visit.counter_id, visit.attendant_id
        row.updated_at = now
        row.version += 1
        session.flush()
        return _to_case(row)

    def mark_pending(
        self,
        session: Session,
        local_id: str,
        *,
        centre_id: int,
        provisional_reference: str | None,
        now: datetime,
    ) -> LocalCase:
        row = self._row(session, local_id)
        row.state = CaseState.PENDING.value
        row.centre_id = centre_id
        if provisional_reference is not None:
            row.provisional_reference = provisional_reference
        row.rejection_code = row.rejection_message = row.rejection_fields_json = None
        row.submitted_at = row.updated_at = now
        row.version += 1
        session.flush()
        return _to_case(row)

    def mark_synced(
        self, session: Session, local_id: str, final_reference: str, now: datetime
    ) -> LocalCase:
        """Synced: the final reference is kept; the personal data and the free text are
        deleted (central holds them now). The reference, type, state, visit and dates remain."""
        row = self._row(session, local_id)
        row.state = CaseState.SYNCED.value
        row.final_reference = final_reference
        row.fields_json = row.citizen_json = None
        row.rejection_code = row.rejection_message = row.rejection_fields_json = None
        row.synced_at = row.updated_at = now
        row.version += 1
        session.flush()
        return _to_case(row)

    def present(self, session: Session, local_ids: Iterable[str]) -> set[str]:
        """Which of these cases exist (one query, no row read whole)."""
        query = select(CaseRow.local_id).where(CaseRow.local_id.in_(list(local_ids)))
        return set(session.execute(query).scalars())

    def mark_synced_many(
        self, session: Session, final_references: Mapping[str, str], now: datetime
    ) -> None:
        """`mark_synced` of many cases (local id → final reference) in one statement run for
        each: what a batch of filings answered, recorded together."""
        if not final_references:
            return
        table = cast(Table, CaseRow.__table__)  # Core: one UPDATE run for each case
        statement = (
            update(table)
            .where(table.c.local_id == bindparam("b_local_id"))
            .values(
                state=CaseState.SYNCED.value,
                final_reference=bindparam("b_reference"),
                fields_json=None,
                citizen_json=None,
                rejection_code=None,
                rejection_message=None,
                rejection_fields_json=None,
                synced_at=now,
                updated_at=now,
                version=table.c.version + 1,
            )
        )
        rows = [{"b_local_id": k, "b_reference": v} for k, v in final_references.items()]
        session.flush()
        session.execute(statement, rows)
        # Rows this session had read are stale now: read again when asked.
        for row in list(session.identity_map.values()):
            if isinstance(row, CaseRow) and row.local_id in final_references:
                session.expire(row)

    def mark_needs_attention(
        self, session: Session, local_id: str, rejection: Rejection, now: datetime
    ) -> LocalCase:
        row = self._row(session, local_id)
        row.state = CaseState.NEEDS_ATTENTION.value
        row.rejection_code = rejection.code
        row.rejection_message = rejection.message
        row.rejection_fields_json = _dump([f.to_json() for f in rejection.fields])
        row.updated_at = now
        row.version += 1
        session.flush()
        return _to_case(row)

    def delete(self, session: Session, local_id: str) -> None:
        """The case and (by cascade) its outbox rows."""
        session.execute(delete(CaseRow).where(CaseRow.local_id == local_id))

    def next_number(self, session: Session, name: str) -> int:
        """The next value of a local sequence (from 1), in the caller's transaction: a rollback
        gives it back."""
        row = session.get(SequenceRow, name)
        if row is None:
            row = SequenceRow(name=name, last_value=0)
            session.add(row)
        row.last_value += 1
        session.flush()
        return row.last_value

    def _row(self, session: Session, local_id: str) -> CaseRow:
        row = session.get(CaseRow, local_id)
        if row is None:
            raise BalcaoError(NOT_FOUND, "no such case on this desktop")
        return row
