"""Case entry at the counter, offline first.

- `save_draft` autosaves what the attendant types (a draft, or a case that needs attention).
- `submit` checks the draft against the cached reference data (the shared `rules` for the
  citizen's fields), then in ONE transaction of the local store marks it pending with its
  provisional reference (`P-<counter>-<n>`) and writes the outbox row central will receive:
  both or neither. `CaseSync` sends it later, whatever happens to the network or the PC.
- Attachments (`AttachmentFile`, checked by `desktop.domain.attachments`) are written with the
  case in that same transaction, each with a parked `case.add_attachment` outbox row that
  `CaseSync` releases once central gave the final reference (`AttachmentRepo`).
- An ethics report gets its follow-up code here (`new_follow_up_code`), so the reporter is
  given it at once even offline; it is returned on the submitted case only, travels inside the
  outbox row, and is gone with the whole local case once central has it.
- Reference data (types, incident categories, addressees) is refreshed from central when
  possible and read from the store's cache, so entry works offline.

Nothing here logs personal data: local ids, provisional references and codes only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from desktop.api.api_client import ApiClient
from desktop.api.cases_api import CasesApi
from desktop.domain.attachments import ADD_ATTACHMENT, AttachmentFile, LocalAttachment
from desktop.domain.cases import (
    FILE_CASE,
    INVALID,
    NO_REFERENCE_DATA,
    NOT_EDITABLE,
    CaseDraft,
    CaseKind,
    CaseReferenceData,
    CaseState,
    FieldError,
    LocalCase,
    VisitLink,
    filing_body,
    new_follow_up_code,
    provisional_reference,
    validate_draft,
)
from desktop.domain.errors import BalcaoError
from desktop.store.attachment_repo import AttachmentRepo
from desktop.store.case_repo import CaseRepo
from desktop.store.local_store import LocalStore
from desktop.store.outbox_repo import OutboxRepo
from desktop.store.reference_cache_repo import ReferenceCacheRepo

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class CaseInvalid(BalcaoError):
    """A draft that cannot be submitted: `fields` says what to fix, per field."""

    def __init__(self, fields: tuple[FieldError, ...]) -> None:
        super().__init__(INVALID, "The case has errors.", {"fields": [f.to_json() for f in fields]})
        self.fields = fields


class CaseService:
    """`centre_id` and `counter_label` (the counter's number, printed in provisional
    references) are the desk the cases are filed at; `set_desk` changes them after a login."""

    def __init__(
        self,
        store: LocalStore,
        api: ApiClient,
        *,
        centre_id: int,
        counter_label: str | int,
        clock: Clock = utc_now,
        on_outbox: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.api = CasesApi(api)
        self.centre_id = centre_id
        self.counter_label = str(counter_label)
        self._clock = clock
        # Called after something was put in the outbox: the app wakes `CaseSync` with it.
        self.on_outbox = on_outbox
        self._cases = CaseRepo()
        self._outbox = OutboxRepo()
        self._reference = ReferenceCacheRepo()
        self._attachments = AttachmentRepo()

    def set_desk(self, centre_id: int, counter_label: str | int) -> None:
        self.centre_id, self.counter_label = centre_id, str(counter_label)

    # --- reference data -------------------------------------------------------------------------

    def refresh_reference_data(self) -> CaseReferenceData:
        """Read it from central and cache it; `OfflineError` (and the cache untouched) when
        central cannot be reached."""
        now = self._clock()
        data = replace(self.api.reference_data(), fetched_at=now)
        with self.store.writing() as session:
            self._reference.save(session, data, now)
        log.info(
            "case reference data cached: %d types, %d categories, %d addressees",
            len(data.case_types),
            len(data.incident_categories),
            len(data.addressees),
        )
        return data

    def reference_data(self) -> CaseReferenceData:
        """The cached copy (empty, `fetched_at` None, if never fetched)."""
        with self.store.reading() as session:
            return self._reference.load(session)

    # --- reading --------------------------------------------------------------------------------

    def list_cases(self, states: Iterable[CaseState] | None = None) -> tuple[LocalCase, ...]:
        with self.store.reading() as session:
            return self._cases.list(session, states)

    def get(self, local_id: str) -> LocalCase:
        with self.store.reading() as session:
            return self._cases.require(session, local_id)

    def attachments(self, local_id: str) -> tuple[LocalAttachment, ...]:
        """The files of a case still waiting for central (none once they all arrived)."""
        with self.store.reading() as session:
            return self._attachments.for_case(session, local_id)

    def pending_count(self) -> int:
        with self.store.reading() as session:
            return self._outbox.count(session)

    def validate(self, draft: CaseDraft) -> tuple[FieldError, ...]:
        """Per-field errors against the cached reference data (for the form, while typing)."""
        return validate_draft(draft, self.reference_data())

    def similar_incidents(
        self,
        category_code: str,
        *,
        latitude: float | None = None,
        longitude: float | None = None,
        text: str | None = None,
    ) -> list[dict[str, Any]]:
        """Open incidents of the category near the place or with similar words (a read on
        central: `OfflineError` when it cannot be reached)."""
        return self.api.similar_incidents(
            category_code, latitude=latitude, longitude=longitude, text=text
        )

    # --- writing --------------------------------------------------------------------------------

    def save_draft(self, draft: CaseDraft) -> LocalCase:
        """Autosave: keep what was typed (a new draft gets its `local_id` here). An ethics
        report is never linked to the visit, not even in a draft."""
        case_type = self.reference_data().case_type(draft.type_code)
        if case_type is not None and case_type.kind is CaseKind.ETHICS_REPORT:
            draft = replace(draft, visit=VisitLink())
        with self.store.writing() as session:
            return self._cases.save_draft(session, draft, self._clock())

    def discard_draft(self, local_id: str) -> None:
        with self.store.writing() as session:
            case = self._cases.require(session, local_id)
            if case.state is not CaseState.DRAFT:
                raise BalcaoError(NOT_EDITABLE, "only a draft can be discarded")
            self._cases.delete(session, local_id)

    def submit(self, draft: CaseDraft, attachments: Sequence[AttachmentFile] = ()) -> LocalCase:
        """Check the draft, then write the pending case and its outbox row in one transaction,
        with the `attachments` (already checked) and a parked outbox row for each of the case's
        files (those of an earlier submit too: the case's outbox is written anew). Returns the
        case with its provisional reference (and, for an ethics report, the follow-up code to
        show now: it is not kept). `CaseInvalid` when the draft has errors
        (the draft is saved all the same, nothing is lost)."""
        reference = self.reference_data()
        case_type = reference.case_type(draft.type_code)
        if case_type is None and reference.is_empty:
            raise BalcaoError(NO_REFERENCE_DATA, "case types were never read from central")
        errors = validate_draft(draft, reference)
        if errors or case_type is None:
            if draft.local_id is None or self._editable(draft.local_id):
                self.save_draft(draft)
            raise CaseInvalid(errors)
        ethics = case_type.kind is CaseKind.ETHICS_REPORT
        if ethics:
            # Anonymous by design: nothing of the visit and no citizen is kept, even locally.
            draft = replace(draft, citizen=None, visit=VisitLink())
        code = new_follow_up_code() if ethics else None
        now = self._clock()
        with self.store.writing() as session:
            saved = self._cases.save_draft(session, draft, now)
            previous = saved.provisional_reference
            if previous is None:
                number = self._cases.next_number(session, f"provisional:{self.counter_label}")
                previous = provisional_reference(self.counter_label, number)
            centre_id = saved.centre_id if saved.centre_id is not None else self.centre_id
            body = filing_body(
                case_type,
                draft.fields,
                draft.citizen,
                draft.visit,
                provisional_reference=previous,
                entered_at=now,
                follow_up_code=code,
            )
            self._outbox.remove_for_case(session, saved.local_id)
            pending = self._cases.mark_pending(
                session,
                saved.local_id,
                centre_id=centre_id,
                provisional_reference=previous,
                now=now,
            )
            self._outbox.add(
                session,
                case_local_id=saved.local_id,
                command=FILE_CASE,
                centre_id=centre_id,
                payload=body,
                now=now,
            )
            for file in attachments:
                self._attachments.add(session, saved.local_id, file, now)
            self._queue_attachments(session, saved.local_id, centre_id, code, now)
        log.info("case %s submitted as %s", pending.local_id, pending.provisional_reference)
        if self.on_outbox is not None:
            self.on_outbox()
        return replace(pending, follow_up_code=code)

    def attach_to_filed_case(
        self, local_id: str, files: Sequence[AttachmentFile] = ()
    ) -> LocalCase:
        """A case central filed that needs attention because it refused one of its files:
        the replacement `files` (none: the attendant lets it be) are queued, due at once, and
        the case waits for them ("pending"), or is synced when nothing is left to send."""
        now = self._clock()
        with self.store.writing() as session:
            case = self._cases.require(session, local_id)
            final = case.final_reference
            if final is None or case.state is not CaseState.NEEDS_ATTENTION:
                raise BalcaoError(NOT_EDITABLE, "not a filed case that needs attention")
            centre_id = case.centre_id if case.centre_id is not None else self.centre_id
            for file in files:
                added = self._attachments.add(session, local_id, file, now)
                self._outbox.add(
                    session,
                    case_local_id=local_id,
                    command=ADD_ATTACHMENT,
                    centre_id=centre_id,
                    payload={"attachment_id": added.id},
                    now=now,
                )
            self._attachments.hold_pending(session, local_id)
            if self._attachments.count_for_case(session, local_id) == 0:
                result = self._cases.mark_synced(session, local_id, final, now)
            else:
                result = self._cases.require(session, local_id)
        log.info("case %s: %d files queued again", final, len(files))
        if files and self.on_outbox is not None:
            self.on_outbox()
        return result

    def _queue_attachments(
        self, session: Session, local_id: str, centre_id: int, code: str | None, now: datetime
    ) -> None:
        """One parked `case.add_attachment` row per file of the case. An ethics report's rows
        carry its follow-up code: central accepts the reporter's documents with it."""
        for attachment in self._attachments.for_case(session, local_id):
            payload: dict[str, Any] = {"attachment_id": attachment.id}
            if code is not None:
                payload["follow_up_code"] = code
            entry = self._outbox.add(
                session,
                case_local_id=local_id,
                command=ADD_ATTACHMENT,
                centre_id=centre_id,
                payload=payload,
                now=now,
            )
            self._attachments.park(session, entry.id)

    def correct_and_resubmit(
        self, draft: CaseDraft, attachments: Sequence[AttachmentFile] = ()
    ) -> LocalCase:
        """A case central refused (needs attention), corrected: submitted again with the same
        provisional reference and a new outbox row (a new Idempotency-Key: the refused request
        stored nothing on central)."""
        if draft.local_id is None:
            raise BalcaoError(NOT_EDITABLE, "only a saved case can be corrected")
        case = self.get(draft.local_id)
        if case.state is not CaseState.NEEDS_ATTENTION:
            raise BalcaoError(NOT_EDITABLE, "the case does not need attention")
        return self.submit(draft, attachments)

    def _editable(self, local_id: str) -> bool:
        with self.store.reading() as session:
            case = self._cases.get(session, local_id)
        return case is None or case.is_editable
