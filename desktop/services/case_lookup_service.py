"""Case lookup on central: search, open a case with its history, edit it with its version,
add an internal note. Blocking and Qt-free: the view runs every call through the TaskRunner.

Every read of a case names a purpose (central records it in the read log); a search by NIF was
checked by `parse_query` before it got here. An edit sends `If-Match` with the version the
attendant saw; when central has a newer one, the 412 becomes `ConflictError` with central's case
as it is now (central puts it in the answer), so the view can show both versions without
another read. Each command has a key of its own: keeping one's version after a conflict is a
new command (another `If-Match`), not a retry.

Nothing here logs what was searched or written: references and codes only.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from desktop.api.cases_api import CasesApi
from desktop.domain.case_lookup import (
    CONFLICT,
    NOTHING_CHANGED,
    CaseEdit,
    CaseFile,
    CaseHit,
    CaseRecord,
    ConflictError,
    Lookup,
    LookupQuery,
    ReadPurpose,
    StatusEntry,
    edit_body,
    edit_errors,
)
from desktop.domain.cases import INVALID, FieldError
from desktop.domain.errors import BAD_ANSWER, ApiError, BalcaoError

log = logging.getLogger(__name__)

SEARCH_LIMIT = 50


class EditInvalid(BalcaoError):
    """Values central would refuse: `fields` says which and why (the shared rules' codes)."""

    def __init__(self, fields: tuple[FieldError, ...]) -> None:
        super().__init__(INVALID, "The edit has errors.", {"fields": [f.to_json() for f in fields]})
        self.fields = fields


def _new_key() -> str:
    return str(uuid.uuid4())


class CaseLookupService:
    def __init__(self, api: CasesApi, *, new_key: Callable[[], str] = _new_key) -> None:
        self.api = api
        self._new_key = new_key

    def search(self, query: LookupQuery, purpose: ReadPurpose) -> Lookup:
        rows = self.api.search(query.to_json(purpose, SEARCH_LIMIT))
        hits = _parse(lambda: tuple(CaseHit.from_json(r) for r in rows), "case search")
        log.info("case search by %s: %d found", query.by.value, len(hits))
        return Lookup(query, hits)

    def open_case(self, reference: str, purpose: ReadPurpose) -> CaseFile:
        """The case in full (a recorded read) and its status history."""
        detail = self.api.case_detail(reference, ReadPurpose(purpose).value)
        record = _parse(lambda: CaseRecord.from_json(detail), "case detail")
        changes = self.api.case_history(record.reference)
        history = _parse(lambda: tuple(StatusEntry.from_json(c) for c in changes), "history")
        return CaseFile(record, history)

    def save(self, base: CaseRecord, edit: CaseEdit, purpose: ReadPurpose) -> CaseFile:
        """Send what differs from `base` with `If-Match: base.version`; the case as it is then.
        `ConflictError` when central has another version (keep mine: call again with
        `base=error.current`)."""
        errors = edit_errors(edit, base.citizen is not None)
        if errors:
            raise EditInvalid(errors)
        body = edit_body(base, edit)
        if not body:
            raise BalcaoError(NOTHING_CHANGED, "Nothing was changed.")
        try:
            self.api.update_case(base.reference, base.version, body, self._new_key())
        except ApiError as exc:
            if exc.code != CONFLICT:
                raise
            raise _conflict(base.reference, edit, exc) from exc
        log.info("case %s edited (was version %d)", base.reference, base.version)
        return self.open_case(base.reference, purpose)

    def add_note(self, reference: str, text: str, purpose: ReadPurpose) -> CaseFile:
        """An internal note (never shown to the citizen); the case as it is then."""
        self.api.add_note(reference, text.strip(), self._new_key())
        log.info("note added to case %s", reference)
        return self.open_case(reference, purpose)


def _conflict(reference: str, mine: CaseEdit, error: ApiError) -> BalcaoError:
    current = error.details.get("current")
    if not isinstance(current, Mapping):
        return error  # an older central: the view says "changed meanwhile" and reloads
    try:
        record = CaseRecord.from_json(current)
    except (KeyError, TypeError, ValueError) as exc:
        return ApiError(412, BAD_ANSWER, f"unreadable conflict: {type(exc).__name__}")
    log.info("case %s: version conflict (now %d)", reference, record.version)
    return ConflictError(reference, mine, record)


def _parse(build: Callable[[], Any], what: str) -> Any:
    try:
        return build()
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ApiError(200, BAD_ANSWER, f"unreadable {what}: {type(exc).__name__}") from exc
