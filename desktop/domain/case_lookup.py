"""Looking a case up on central: what the attendant typed (a reference, a NIF or a name), the
cases found, one case in full with its history, and the pure rules of editing it.

A search by NIF is checked with the shared `rules` before anything is sent: a wrong check
digit is the attendant's typo, and sending it would only put a citizen's number in central's
read log for nothing. Edits carry the version they were based on; when central has moved on,
`ConflictError` holds central's case as it is now, so both versions can be shown side by side.

Nothing here does I/O, and nothing here is ever logged (names, NIFs and free text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from typing import Any

from desktop.domain.cases import CitizenBlock, FieldError, parse_provisional_reference
from desktop.domain.errors import BalcaoError
from desktop.domain.values import optional_int, parse_time, require_time
from rules.case_kinds import DESCRIPTION_MAX, REQUIRED, SUBJECT_MAX, TEXT300_MAX, TOO_LONG
from rules.contact import email_error, normalize_phone, phone_error
from rules.nif import nif_error
from rules.nif import normalize as normalize_nif
from rules.postal_code import postal_code_error

__all__ = [
    "CONFLICT",
    "CONTACT",
    "EDITABLE",
    "ETHICS_KIND",
    "NAME_TOO_SHORT",
    "NOTE_MAX",
    "NOTHING_CHANGED",
    "NOTHING_TYPED",
    "RECEIPT_NOT_KEPT",
    "CaseAttachment",
    "CaseEdit",
    "CaseFile",
    "CaseHit",
    "CaseNote",
    "CaseRecord",
    "ConflictError",
    "Lookup",
    "LookupQuery",
    "ReadPurpose",
    "SearchBy",
    "StatusEntry",
    "differing_fields",
    "edit_body",
    "edit_errors",
    "parse_query",
]

# The desktop's own codes for what stops a lookup or an edit before it is sent.
NOTHING_TYPED = "client.lookup_empty"
NAME_TOO_SHORT = "client.lookup_name_too_short"
NOTHING_CHANGED = "client.case_unchanged"
RECEIPT_NOT_KEPT = "client.receipt_not_reprintable"
CONFLICT = "case.version_mismatch"  # central's 412 code

ETHICS_KIND = "ethics_report"
NOTE_MAX = 4000
NAME_MIN = 2

# Final references are `<prefix>-<year>-<number>` (LX-2026-000123); provisional ones are the
# desktop's `P-<counter>-<n>`.
_FINAL_REFERENCE = re.compile(r"^[A-Za-z0-9]{1,12}-\d{4}-\d{1,9}$")


class SearchBy(StrEnum):
    REFERENCE = "reference"
    NIF = "nif"
    NAME = "name"


class ReadPurpose(StrEnum):
    """Why personal data is read; central records it with every read (its `ReadPurpose`)."""

    CITIZEN_REQUEST = "citizen_request"
    FOLLOW_UP = "follow_up"
    ANSWER_PREPARATION = "answer_preparation"
    SUPERVISION = "supervision"
    DATA_SUBJECT_REQUEST = "data_subject_request"
    ETHICS_INVESTIGATION = "ethics_investigation"


@dataclass(frozen=True)
class LookupQuery:
    by: SearchBy
    value: str

    def to_json(self, purpose: ReadPurpose, limit: int = 50) -> dict[str, Any]:
        return {self.by.value: self.value, "purpose": ReadPurpose(purpose).value, "limit": limit}


def parse_query(text: str) -> LookupQuery | FieldError:
    """What the attendant typed as a search: digits only → a NIF (checked here), a reference
    (final or provisional) → that, anything else → words of a name. A `FieldError` says why
    nothing can be searched (its code is central's `nif.*` or the desktop's own)."""
    typed = " ".join(text.split())
    if not typed:
        return FieldError(("query",), NOTHING_TYPED)
    compact = normalize_nif(typed)
    if compact.isascii() and compact.isdigit():
        problem = nif_error(compact)
        if problem is not None:
            return FieldError(("nif",), problem)
        return LookupQuery(SearchBy.NIF, compact)
    if _FINAL_REFERENCE.match(typed):
        return LookupQuery(SearchBy.REFERENCE, typed.upper())
    if parse_provisional_reference(typed.upper()) is not None:
        return LookupQuery(SearchBy.REFERENCE, typed.upper())
    if any(c.isdigit() for c in typed) and " " not in typed:
        return LookupQuery(SearchBy.REFERENCE, typed)  # some other reference: central decides
    if len(typed) < NAME_MIN:
        return FieldError(("name",), NAME_TOO_SHORT)
    return LookupQuery(SearchBy.NAME, typed)


# --- what central answers ----------------------------------------------------------------------


@dataclass(frozen=True)
class CaseHit:
    """One case found (`CaseFound`): no free text; the citizen's name when there is one."""

    reference: str
    provisional_reference: str | None
    type_code: str
    kind: str
    status: str
    received_at: datetime
    version: int
    citizen_name: str | None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CaseHit:
        return cls(
            reference=str(data["reference"]),
            provisional_reference=_opt(data.get("provisional_reference")),
            type_code=str(data["type_code"]),
            kind=str(data["kind"]),
            status=str(data["status"]),
            received_at=require_time(data["received_at"]),
            version=int(data["version"]),
            citizen_name=_opt(data.get("citizen_name")),
        )


@dataclass(frozen=True)
class CaseNote:
    id: int
    at: datetime
    user_id: int
    text: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CaseNote:
        return cls(
            int(data["id"]), require_time(data["at"]), int(data["user_id"]), str(data["text"])
        )


@dataclass(frozen=True)
class CaseAttachment:
    id: int
    filename: str
    media_type: str
    size: int
    created_at: datetime

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CaseAttachment:
        return cls(
            id=int(data["id"]),
            filename=str(data["filename"]),
            media_type=str(data["media_type"]),
            size=int(data["size"]),
            created_at=require_time(data["created_at"]),
        )


@dataclass(frozen=True)
class StatusEntry:
    """One step of the status history: who (a user id; None for central itself), when, and
    the public note given to the citizen."""

    status: str
    at: datetime
    user_id: int | None
    public_note: str | None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> StatusEntry:
        return cls(
            status=str(data["status"]),
            at=require_time(data["at"]),
            user_id=optional_int(data.get("user_id")),
            public_note=_opt(data.get("public_note")),
        )


@dataclass(frozen=True)
class CaseRecord:
    """A case as central shows it (`CaseDetail`), with what the lookup screen uses."""

    reference: str
    provisional_reference: str | None
    type_code: str
    type_name: str
    kind: str
    channel: str
    status: str
    subject: str | None
    description: str
    address: str | None
    concerned_service: str | None
    received_at: datetime
    updated_at: datetime
    entered_at: datetime | None
    closed_at: datetime | None
    version: int
    citizen: CitizenBlock | None
    notes: tuple[CaseNote, ...] = ()
    attachments: tuple[CaseAttachment, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CaseRecord:
        citizen = data.get("citizen")
        return cls(
            reference=str(data["reference"]),
            provisional_reference=_opt(data.get("provisional_reference")),
            type_code=str(data["type_code"]),
            type_name=str(data.get("type_name") or data["type_code"]),
            kind=str(data["kind"]),
            channel=str(data.get("channel") or ""),
            status=str(data["status"]),
            subject=_opt(data.get("subject")),
            description=str(data.get("description") or ""),
            address=_opt(data.get("address")),
            concerned_service=_opt(data.get("concerned_service")),
            received_at=require_time(data["received_at"]),
            updated_at=require_time(data["updated_at"]),
            entered_at=parse_time(data.get("entered_at")),
            closed_at=parse_time(data.get("closed_at")),
            version=int(data["version"]),
            citizen=CitizenBlock.from_json(citizen) if isinstance(citizen, Mapping) else None,
            notes=tuple(CaseNote.from_json(n) for n in data.get("notes") or ()),
            attachments=tuple(CaseAttachment.from_json(a) for a in data.get("attachments") or ()),
        )

    @property
    def is_closed(self) -> bool:
        return self.status == "closed"

    @property
    def language(self) -> str:
        """The citizen's language (for the receipt); Portuguese when unknown."""
        return self.citizen.language if self.citizen is not None else "pt"

    def edit(self) -> CaseEdit:
        """The editable fields as they are in this version."""
        citizen = self.citizen
        return CaseEdit(
            subject=self.subject or "",
            description=self.description,
            email=(citizen.email or "") if citizen else "",
            phone=(citizen.phone or "") if citizen else "",
            postal_code=(citizen.postal_code or "") if citizen else "",
            postal_address=(citizen.postal_address or "") if citizen else "",
        )


# --- editing ------------------------------------------------------------------------------------

# The fields the lookup screen edits; the contact fields only when the case has a citizen.
EDITABLE = ("subject", "description", "email", "phone", "postal_code", "postal_address")
CONTACT = frozenset({"email", "phone", "postal_code", "postal_address"})


@dataclass(frozen=True)
class CaseEdit:
    """The editable fields as text (blank: none)."""

    subject: str = ""
    description: str = ""
    email: str = ""
    phone: str = ""
    postal_code: str = ""
    postal_address: str = ""

    def value(self, name: str) -> str:
        return str(getattr(self, name))

    def cleaned(self) -> CaseEdit:
        """As central keeps it: trimmed, email lower case, phone without spaces."""
        email = self.email.strip().lower()
        phone = normalize_phone(self.phone) if self.phone.strip() else ""
        return CaseEdit(
            subject=self.subject.strip(),
            description=self.description.strip(),
            email=email,
            phone=phone,
            postal_code=self.postal_code.strip(),
            postal_address=self.postal_address.strip(),
        )


def edit_errors(edit: CaseEdit, has_citizen: bool) -> tuple[FieldError, ...]:
    """What central would refuse in these values (the shared rules), before sending them."""
    clean = edit.cleaned()
    errors: list[FieldError] = []
    if not clean.description:
        errors.append(FieldError(("description",), REQUIRED))
    elif len(clean.description) > DESCRIPTION_MAX:
        errors.append(FieldError(("description",), TOO_LONG))
    if len(clean.subject) > SUBJECT_MAX:
        errors.append(FieldError(("subject",), TOO_LONG))
    if not has_citizen:
        return tuple(errors)
    checks = (
        ("email", email_error),
        ("phone", phone_error),
        ("postal_code", postal_code_error),
    )
    for name, check in checks:
        value = clean.value(name)
        problem = check(value) if value else None
        if problem is not None:
            errors.append(FieldError(("citizen", name), problem))
    if len(clean.postal_address) > TEXT300_MAX:
        errors.append(FieldError(("citizen", "postal_address"), TOO_LONG))
    return tuple(errors)


def differing_fields(left: CaseEdit, right: CaseEdit) -> tuple[str, ...]:
    """The editable fields whose cleaned values differ, in screen order."""
    a, b = left.cleaned(), right.cleaned()
    return tuple(f.name for f in fields(CaseEdit) if a.value(f.name) != b.value(f.name))


def edit_body(base: CaseRecord, edit: CaseEdit) -> dict[str, Any]:
    """The PATCH body: only what differs from `base`; the citizen block is sent whole (central
    replaces it), with its other fields as `base` has them."""
    changed = differing_fields(base.edit(), edit)
    clean = edit.cleaned()
    body: dict[str, Any] = {}
    for name in changed:
        if name in CONTACT:
            continue
        body[name] = clean.value(name) or None
    citizen = base.citizen
    if citizen is not None and CONTACT.intersection(changed):
        block = citizen.to_json()
        for name in CONTACT:
            block[name] = clean.value(name) or None
        body["citizen"] = block
    return body


class ConflictError(BalcaoError):
    """Central has a newer version than the one the edit was based on (412). `current` is the
    case as it is now; `mine` what the attendant wanted."""

    def __init__(self, reference: str, mine: CaseEdit, current: CaseRecord) -> None:
        super().__init__(
            CONFLICT,
            "The case was changed in the meantime.",
            {"reference": reference, "current_version": current.version},
        )
        self.reference = reference
        self.mine = mine
        self.current = current


@dataclass(frozen=True)
class CaseFile:
    """A case opened on the lookup screen: the case and its status history."""

    record: CaseRecord
    history: tuple[StatusEntry, ...] = ()


@dataclass(frozen=True)
class Lookup:
    """A search's answer with the query it answers (the view may have moved on)."""

    query: LookupQuery
    hits: tuple[CaseHit, ...] = field(default_factory=tuple)


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)
