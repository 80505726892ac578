"""Cases filed at the counter: reference data, drafts, local cases and their pure rules.

Case *types* are central's reference data (cached by the store); each names a *kind*, which
decides the fields a case needs, may have and must not have (docs/api.md "Cases"). The kind
and citizen-block rules are the shared `rules` package's, as central's, so the attendant sees a
problem while typing; central checks again on arrival. Nothing is re-implemented here.

Nothing here does I/O. Errors are `FieldError(loc, code)` with the central's codes
(`case.field_required`, `nif.invalid_check_digit`, ...); `loc` is central's without `"body"`.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from desktop.domain.values import parse_time
from rules import case_kinds, citizen_block
from rules.case_kinds import (
    ATTRIBUTE_INVALID,
    ATTRIBUTE_MAX,
    ATTRIBUTE_REQUIRED,
    CITIZEN_REQUIRED,
    CONTACT_REQUIRED,
    COORDINATES_INCOMPLETE,
    COORDINATES_INVALID,
    DESCRIPTION_MAX,
    LANGUAGE_INVALID,
    LANGUAGE_PATTERN,
    NOT_ALLOWED,
    PERSONAL_DATA_NOT_ALLOWED,
    REQUIRED,
    SUBJECT_MAX,
    TEXT200_MAX,
    TEXT300_MAX,
    TOO_LONG,
    UNKNOWN_ADDRESSEE,
    UNKNOWN_ATTRIBUTE,
    UNKNOWN_CATEGORY,
    CaseKind,
    CitizenPolicy,
    ContactBy,
    FieldProblem,
    SuggestionScope,
    is_blank,
)
from rules.contact import email_error, normalize_phone, phone_error
from rules.nif import nif_error
from rules.nif import normalize as normalize_nif
from rules.postal_code import postal_code_error

__all__ = [
    "ATTRIBUTE_INVALID",
    "ATTRIBUTE_MAX",
    "ATTRIBUTE_REQUIRED",
    "CITIZEN_REQUIRED",
    "CODE_ALPHABET",
    "CONTACT_REQUIRED",
    "COORDINATES_INCOMPLETE",
    "COORDINATES_INVALID",
    "DESCRIPTION_MAX",
    "FILE_CASE",
    "INVALID",
    "LANGUAGE_INVALID",
    "NOT_ALLOWED",
    "NOT_EDITABLE",
    "NOT_FOUND",
    "NO_REFERENCE_DATA",
    "PERSONAL_DATA_NOT_ALLOWED",
    "PROVISIONAL_PREFIX",
    "REQUIRED",
    "SUBJECT_MAX",
    "TEXT200_MAX",
    "TEXT300_MAX",
    "TOO_LONG",
    "UNKNOWN_ADDRESSEE",
    "UNKNOWN_ATTRIBUTE",
    "UNKNOWN_CATEGORY",
    "UNKNOWN_TYPE",
    "Addressee",
    "AttributeChoice",
    "CaseDraft",
    "CaseFields",
    "CaseKind",
    "CaseReferenceData",
    "CaseState",
    "CaseType",
    "CategoryAttribute",
    "CitizenBlock",
    "CitizenPolicy",
    "ContactBy",
    "FieldError",
    "FiledCase",
    "IncidentCategory",
    "LocalCase",
    "OutboxEntry",
    "Rejection",
    "SuggestionScope",
    "VisitLink",
    "attribute_errors",
    "case_errors",
    "citizen_errors",
    "filing_body",
    "new_follow_up_code",
    "parse_provisional_reference",
    "provisional_reference",
    "validate_draft",
    "without_personal_data",
]

# --- codes -----------------------------------------------------------------------------------
# Case codes, limits, kinds, policies and contact channels are the shared `rules.case_kinds`.

UNKNOWN_TYPE = "case.unknown_type"
# The desktop's own (services raise them as `BalcaoError` codes).
INVALID = "case.invalid"  # a draft with field errors was submitted (details.fields)
NOT_FOUND = "client.case_not_found"
NOT_EDITABLE = "client.case_not_editable"  # waiting to sync or synced: no longer a draft
NO_REFERENCE_DATA = "client.case_reference_missing"

_LANGUAGE = re.compile(LANGUAGE_PATTERN)


class CaseState(StrEnum):
    """Where a case is on this desktop (not its status on central)."""

    DRAFT = "draft"  # being typed, autosaved
    PENDING = "pending"  # submitted, waiting in the outbox to reach central
    SYNCED = "synced"  # central filed it and gave the final reference
    NEEDS_ATTENTION = "needs_attention"  # central refused it: kept for correction


# --- reference data --------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseType:
    code: str
    name: str
    kind: CaseKind
    citizen_policy: CitizenPolicy
    service_area: str = ""
    legal_basis: str = ""
    retention_class: str = ""
    retention_years: int = 0

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CaseType:
        return cls(
            code=str(data["code"]),
            name=str(data["name"]),
            kind=CaseKind(data["kind"]),
            citizen_policy=CitizenPolicy(data["citizen_policy"]),
            service_area=str(data.get("service_area") or ""),
            legal_basis=str(data.get("legal_basis") or ""),
            retention_class=str(data.get("retention_class") or ""),
            retention_years=int(data.get("retention_years") or 0),
        )


@dataclass(frozen=True)
class AttributeChoice:
    key: str
    name: str


@dataclass(frozen=True)
class CategoryAttribute:
    """One extra question of an incident category (Open311 attribute)."""

    code: str
    description: str
    datatype: str  # string, number, text, singlevaluelist, multivaluelist, ...
    required: bool
    order: int
    values: tuple[AttributeChoice, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CategoryAttribute:
        return cls(
            code=str(data["code"]),
            description=str(data.get("description") or ""),
            datatype=str(data.get("datatype") or "string"),
            required=bool(data.get("required")),
            order=int(data.get("order") or 0),
            values=tuple(
                AttributeChoice(str(v["key"]), str(v.get("name") or v["key"]))
                for v in data.get("values") or ()
            ),
        )

    @property
    def is_list(self) -> bool:
        return self.datatype in ("singlevaluelist", "multivaluelist")


@dataclass(frozen=True)
class IncidentCategory:
    code: str
    name: str
    description: str = ""
    group_name: str = ""
    keywords: str = ""
    attributes: tuple[CategoryAttribute, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> IncidentCategory:
        return cls(
            code=str(data["code"]),
            name=str(data["name"]),
            description=str(data.get("description") or ""),
            group_name=str(data.get("group_name") or ""),
            keywords=str(data.get("keywords") or ""),
            attributes=tuple(
                sorted(
                    (CategoryAttribute.from_json(a) for a in data.get("attributes") or ()),
                    key=lambda a: a.order,
                )
            ),
        )


@dataclass(frozen=True)
class Addressee:
    code: str
    name: str
    office: str = ""
    portfolio: str = ""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Addressee:
        return cls(
            code=str(data["code"]),
            name=str(data["name"]),
            office=str(data.get("office") or ""),
            portfolio=str(data.get("portfolio") or ""),
        )


@dataclass(frozen=True)
class CaseReferenceData:
    """`GET /case-reference`, as cached: active types, categories and addressees, in order.
    `fetched_at` is when the desktop last read it from central (None: never)."""

    case_types: tuple[CaseType, ...] = ()
    incident_categories: tuple[IncidentCategory, ...] = ()
    addressees: tuple[Addressee, ...] = ()
    fetched_at: datetime | None = None

    @classmethod
    def from_json(
        cls, data: Mapping[str, Any], fetched_at: datetime | None = None
    ) -> CaseReferenceData:
        return cls(
            case_types=tuple(CaseType.from_json(t) for t in data.get("case_types") or ()),
            incident_categories=tuple(
                IncidentCategory.from_json(c) for c in data.get("incident_categories") or ()
            ),
            addressees=tuple(Addressee.from_json(a) for a in data.get("addressees") or ()),
            fetched_at=fetched_at,
        )

    @property
    def is_empty(self) -> bool:
        return not self.case_types

    def case_type(self, code: str) -> CaseType | None:
        return next((t for t in self.case_types if t.code == code), None)

    def category(self, code: str) -> IncidentCategory | None:
        return next((c for c in self.incident_categories if c.code == code), None)

    def addressee(self, code: str) -> Addressee | None:
        return next((a for a in self.addressees if a.code == code), None)


# --- what the attendant types ----------------------------------------------------------------


@dataclass(frozen=True)
class CitizenBlock:
    """The citizen's personal data on a case. Never logged; deleted locally once synced."""

    name: str | None = None
    nif: str | None = None
    email: str | None = None
    phone: str | None = None
    postal_code: str | None = None
    postal_address: str | None = None
    language: str = "pt"
    contact_by: ContactBy = ContactBy.NONE

    def is_empty(self) -> bool:
        personal: tuple[str | None, ...] = (self.name, self.nif, self.email, self.phone)
        personal += (self.postal_code, self.postal_address)
        return all(is_blank(v) for v in personal) and self.contact_by is ContactBy.NONE

    def normalized(self) -> CitizenBlock:
        """As central stores it: trimmed, blanks as None, NIF and phone without spaces."""
        return CitizenBlock(
            name=_clean(self.name),
            nif=normalize_nif(self.nif) if self.nif and self.nif.strip() else None,
            email=self.email.strip().lower() if self.email and self.email.strip() else None,
            phone=normalize_phone(self.phone) if self.phone and self.phone.strip() else None,
            postal_code=_clean(self.postal_code),
            postal_address=_clean(self.postal_address),
            language=self.language.strip() or "pt",
            contact_by=ContactBy(self.contact_by),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "nif": self.nif,
            "email": self.email,
            "phone": self.phone,
            "postal_code": self.postal_code,
            "postal_address": self.postal_address,
            "language": self.language,
            "contact_by": ContactBy(self.contact_by).value,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CitizenBlock:
        return cls(
            name=_opt_str(data.get("name")),
            nif=_opt_str(data.get("nif")),
            email=_opt_str(data.get("email")),
            phone=_opt_str(data.get("phone")),
            postal_code=_opt_str(data.get("postal_code")),
            postal_address=_opt_str(data.get("postal_address")),
            language=str(data.get("language") or "pt"),
            contact_by=ContactBy(data.get("contact_by") or ContactBy.NONE),
        )


@dataclass(frozen=True)
class CaseFields:
    """The text and kind-dependent fields of a case (None: not given)."""

    description: str = ""
    subject: str | None = None
    category_code: str | None = None
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    attributes: Mapping[str, str] | None = None
    addressee_code: str | None = None
    answer_may_be_public: bool | None = None
    concerned_service: str | None = None
    suggestion_scope: SuggestionScope | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "subject": self.subject,
            "category_code": self.category_code,
            "address": self.address,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "attributes": dict(self.attributes) if self.attributes is not None else None,
            "addressee_code": self.addressee_code,
            "answer_may_be_public": self.answer_may_be_public,
            "concerned_service": self.concerned_service,
            "suggestion_scope": (
                SuggestionScope(self.suggestion_scope).value if self.suggestion_scope else None
            ),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CaseFields:
        attributes = data.get("attributes")
        scope = data.get("suggestion_scope")
        latitude, longitude = data.get("latitude"), data.get("longitude")
        may_be_public = data.get("answer_may_be_public")
        return cls(
            description=str(data.get("description") or ""),
            subject=_opt_str(data.get("subject")),
            category_code=_opt_str(data.get("category_code")),
            address=_opt_str(data.get("address")),
            latitude=float(latitude) if latitude is not None else None,
            longitude=float(longitude) if longitude is not None else None,
            attributes=(
                {str(k): str(v) for k, v in attributes.items()}
                if isinstance(attributes, Mapping)
                else None
            ),
            addressee_code=_opt_str(data.get("addressee_code")),
            answer_may_be_public=bool(may_be_public) if may_be_public is not None else None,
            concerned_service=_opt_str(data.get("concerned_service")),
            suggestion_scope=SuggestionScope(scope) if scope else None,
        )


@dataclass(frozen=True)
class VisitLink:
    """The visit a case is filed in: the ticket being served, its service, the counter and the
    attendant (the attendant is shown locally; central takes it from the signed-in user).
    Never kept for ethics reports."""

    ticket_id: int | None = None
    service_id: int | None = None
    counter_id: int | None = None
    attendant_id: int | None = None


@dataclass(frozen=True)
class CaseDraft:
    """What the case form holds. `local_id` is None until the draft is first saved."""

    type_code: str
    fields: CaseFields = field(default_factory=CaseFields)
    citizen: CitizenBlock | None = None
    visit: VisitLink = field(default_factory=VisitLink)
    local_id: str | None = None


@dataclass(frozen=True)
class FieldError:
    loc: tuple[str, ...]  # ("citizen", "nif"), ("attributes", "tipo"), ("description",)
    code: str

    def to_json(self) -> dict[str, Any]:
        return {"loc": list(self.loc), "type": self.code}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FieldError:
        loc = tuple(str(part) for part in data.get("loc") or ())
        if loc[:1] == ("body",):
            loc = loc[1:]
        return cls(loc, str(data.get("type") or data.get("code") or ""))


@dataclass(frozen=True)
class Rejection:
    """Why central refused a case (4xx): its code, message and per-field errors."""

    code: str
    message: str
    fields: tuple[FieldError, ...] = ()


@dataclass(frozen=True)
class LocalCase:
    """A case as this desktop holds it. Once synced, `fields` and `citizen` are None (the
    personal data and free text were deleted): the reference, type, state and dates remain.

    `follow_up_code` is set only on the object `CaseService.submit` returns for an ethics
    report, to be shown to the reporter at once; it is never read back from the store."""

    local_id: str
    type_code: str
    state: CaseState
    fields: CaseFields | None
    citizen: CitizenBlock | None
    visit: VisitLink
    created_at: datetime
    updated_at: datetime
    version: int = 1
    centre_id: int | None = None
    provisional_reference: str | None = None
    final_reference: str | None = None
    submitted_at: datetime | None = None
    synced_at: datetime | None = None
    rejection: Rejection | None = None
    follow_up_code: str | None = None

    @property
    def reference(self) -> str | None:
        """The reference to show: the final one once central gave it, else the provisional."""
        return self.final_reference or self.provisional_reference

    @property
    def is_editable(self) -> bool:
        return self.state in (CaseState.DRAFT, CaseState.NEEDS_ATTENTION)

    def draft(self) -> CaseDraft:
        """The form's content, to correct a case that needs attention."""
        return CaseDraft(
            type_code=self.type_code,
            fields=self.fields or CaseFields(),
            citizen=self.citizen,
            visit=self.visit,
            local_id=self.local_id,
        )


@dataclass(frozen=True)
class FiledCase:
    """Central's `FiledReceipt`: no personal data; `follow_up_code` only in the first answer
    to an ethics report filed without a code of the desktop's."""

    id: int
    reference: str
    provisional_reference: str | None
    centre_id: int
    type_code: str
    kind: str
    status: str
    received_at: datetime | None
    version: int
    follow_up_code: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FiledCase:
        return cls(
            id=int(data["id"]),
            reference=str(data["reference"]),
            provisional_reference=_opt_str(data.get("provisional_reference")),
            centre_id=int(data["centre_id"]),
            type_code=str(data["type_code"]),
            kind=str(data["kind"]),
            status=str(data["status"]),
            received_at=parse_time(data.get("received_at")),
            version=int(data.get("version") or 1),
            follow_up_code=_opt_str(data.get("follow_up_code")),
        )


@dataclass(frozen=True)
class OutboxEntry:
    """A command waiting in the outbox. `id` is its Idempotency-Key for every try."""

    id: str
    case_local_id: str
    command: str  # FILE_CASE
    centre_id: int
    payload: Mapping[str, Any]
    created_at: datetime
    attempts: int
    next_attempt_at: datetime
    last_error: str | None = None


FILE_CASE = "case.file"


# --- provisional references and follow-up codes ----------------------------------------------

PROVISIONAL_PREFIX = "P"
_COUNTER_LABEL = re.compile(r"^[A-Za-z0-9]{1,16}$")
_PROVISIONAL = re.compile(r"^P-([A-Za-z0-9]{1,16})-([1-9][0-9]{0,8})$")


def provisional_reference(counter_label: str | int, number: int) -> str:
    """`P-<counter>-<n>`: printed on the provisional receipt until central gives the final
    reference. `counter_label` is the counter's number (or a desk's short label); `n` counts
    the cases filed at it, from 1."""
    label = str(counter_label)
    if not _COUNTER_LABEL.match(label):
        raise ValueError("a counter label is 1-16 letters or digits")
    if number < 1:
        raise ValueError("provisional numbers start at 1")
    return f"{PROVISIONAL_PREFIX}-{label}-{number}"


def parse_provisional_reference(reference: str) -> tuple[str, int] | None:
    """(counter label, number) of a provisional reference, None for anything else."""
    match = _PROVISIONAL.match(reference)
    return (match.group(1), int(match.group(2))) if match else None


# Crockford's base32 (no I, L, O, U), as central's follow-up codes.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_follow_up_code() -> str:
    """A follow-up code for an ethics report filed offline: 16 symbols (80 random bits) from a
    secure source, `XXXX-XXXX-XXXX-XXXX`. Central keeps only its hash."""
    symbols = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
    return "-".join(symbols[i : i + 4] for i in range(0, 16, 4))


# --- validation ------------------------------------------------------------------------------

_MAX_LENGTH: dict[str, int] = {
    "description": DESCRIPTION_MAX,
    "subject": SUBJECT_MAX,
    "address": TEXT300_MAX,
    "concerned_service": TEXT200_MAX,
}


def validate_draft(draft: CaseDraft, reference: CaseReferenceData) -> tuple[FieldError, ...]:
    """Every problem of a draft, per field, as central would find them; () when it can be
    submitted. The type, category and addressee are looked up in the cached reference data."""
    case_type = reference.case_type(draft.type_code)
    if case_type is None:
        return (FieldError(("type_code",), UNKNOWN_TYPE),)
    return case_errors(case_type, draft.fields, draft.citizen, reference)


def case_errors(
    case_type: CaseType,
    fields: CaseFields,
    citizen: CitizenBlock | None,
    reference: CaseReferenceData,
) -> tuple[FieldError, ...]:
    kind = case_type.kind
    # A field the desktop's form does not have (Open311's media_url) is never given.
    problems = case_kinds.kind_field_errors(
        kind, lambda name: getattr(fields, name, None), max_lengths=_MAX_LENGTH
    )
    errors = _field_errors(problems)
    if kind is CaseKind.INCIDENT:
        errors.extend(_incident_errors(fields, reference))
    addressee = (fields.addressee_code or "").strip()
    asks = kind is CaseKind.QUESTION_TO_OFFICIAL
    if asks and addressee and reference.addressee(addressee) is None:
        errors.append(FieldError(("addressee_code",), UNKNOWN_ADDRESSEE))
    errors.extend(citizen_errors(case_type.citizen_policy, citizen))
    return tuple(errors)


def _incident_errors(fields: CaseFields, reference: CaseReferenceData) -> list[FieldError]:
    errors = _field_errors(
        case_kinds.coordinate_errors(fields.latitude, fields.longitude, check_range=True)
    )
    if is_blank(fields.category_code):
        return errors
    category = reference.category(str(fields.category_code))
    if category is None:
        errors.append(FieldError(("category_code",), UNKNOWN_CATEGORY))
        return errors
    errors.extend(attribute_errors(category, fields.attributes or {}))
    return errors


def attribute_errors(category: IncidentCategory, given: Mapping[str, str]) -> list[FieldError]:
    """The category's extra questions: required ones answered, list answers among the choices."""
    rules = [
        case_kinds.AttributeRule(
            code=a.code,
            datatype=a.datatype,
            required=a.required,
            keys=frozenset(choice.key for choice in a.values),
        )
        for a in category.attributes
    ]
    return _field_errors(case_kinds.attribute_errors(rules, given, answer_max=ATTRIBUTE_MAX))


def citizen_errors(policy: CitizenPolicy, citizen: CitizenBlock | None) -> list[FieldError]:
    """The citizen block against the type's policy; each value checked with `rules`."""
    problems = citizen_block.citizen_errors(
        policy, citizen, refuse_empty=False, value_errors=_citizen_value_errors
    )
    return _field_errors(problems)


def _citizen_value_errors(citizen: CitizenBlock) -> list[FieldProblem]:
    """Each value of a block with personal data, normalized as central stores it."""
    problems: list[FieldProblem] = []
    clean = citizen.normalized()
    checks = (
        ("nif", clean.nif, nif_error),
        ("email", clean.email, email_error),
        ("phone", clean.phone, phone_error),
        ("postal_code", clean.postal_code, postal_code_error),
    )
    for name, value, check in checks:
        code = check(value) if value is not None else None
        if code is not None:
            problems.append(FieldProblem((name,), code))
    if clean.name is not None and len(clean.name) > TEXT200_MAX:
        problems.append(FieldProblem(("name",), TOO_LONG))
    if clean.postal_address is not None and len(clean.postal_address) > TEXT300_MAX:
        problems.append(FieldProblem(("postal_address",), TOO_LONG))
    if not _LANGUAGE.match(clean.language):
        problems.append(FieldProblem(("language",), LANGUAGE_INVALID))
    return problems


def _field_errors(problems: list[FieldProblem]) -> list[FieldError]:
    return [FieldError(problem.loc, problem.code) for problem in problems]


# --- what is sent ----------------------------------------------------------------------------


def filing_body(
    case_type: CaseType,
    fields: CaseFields,
    citizen: CitizenBlock | None,
    visit: VisitLink,
    *,
    provisional_reference: str,
    entered_at: datetime,
    follow_up_code: str | None = None,
) -> dict[str, Any]:
    """The `CaseCreate` body for central: only the fields the kind uses and that were given
    (central refuses the others). An ethics report carries no citizen and nothing of the visit
    (no ticket, service, counter or time of entry: any of them could point at the reporter)."""
    body: dict[str, Any] = {
        "type_code": case_type.code,
        "description": fields.description.strip(),
        "provisional_reference": provisional_reference,
    }
    if not is_blank(fields.subject):
        body["subject"] = str(fields.subject).strip()
    for name, kinds in case_kinds.ONLY_FOR.items():
        value = getattr(fields, name, None)
        if case_type.kind in kinds and not is_blank(value):
            body[name] = _wire(value)
    if case_type.kind is CaseKind.ETHICS_REPORT:
        if follow_up_code is not None:
            body["follow_up_code"] = follow_up_code
        return body
    if citizen is not None and not citizen.is_empty():
        body["citizen"] = citizen.normalized().to_json()
    for name in ("ticket_id", "service_id", "counter_id"):
        value = getattr(visit, name)
        if value is not None:
            body[name] = value
    body["entered_at"] = entered_at.isoformat()
    return body


def without_personal_data(case: LocalCase) -> LocalCase:
    """The case as kept once synced: reference, type, state, visit and dates only."""
    return replace(case, fields=None, citizen=None, follow_up_code=None)


def _wire(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items()}
    return value


def _clean(value: str | None) -> str | None:
    return value.strip() if value is not None and value.strip() else None


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)
