"""Request and answer bodies of the cases API.

Citizen fields are checked with the shared `rules` package; a bad value is refused with its
own code in `details.fields[].type` (`nif.invalid_check_digit`) and never echoed back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

from central.cases import references
from central.cases.inputs import CaseData, CitizenData, NewCase, VisitLink
from central.cases.kinds import CaseStatus, ContactBy, ReadPurpose, SuggestionScope
from central.cases.service import CaseBrief, CaseView, Filed, ReferenceData, SimilarIncident
from rules.case_kinds import (
    ATTRIBUTE_MAX,
    DESCRIPTION_MAX,
    LANGUAGE_PATTERN,
    TEXT200_MAX,
    TEXT300_MAX,
)
from rules.contact import email_error, normalize_phone, phone_error
from rules.nif import nif_error
from rules.nif import normalize as normalize_nif
from rules.postal_code import postal_code_error


def _rule(check: Callable[[str], str | None]) -> Callable[[str], str]:
    def validate(value: str) -> str:
        code = check(value)
        if code is not None:
            # The code is the error's type; the message never contains the value.
            raise PydanticCustomError(code, "The value is not valid.")
        return value

    return validate


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _nif_clean(value: Any) -> Any:
    return normalize_nif(value) if isinstance(value, str) else value


def _phone_clean(value: Any) -> Any:
    return normalize_phone(value) if isinstance(value, str) else value


def _email_clean(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


Nif = Annotated[str, BeforeValidator(_nif_clean), AfterValidator(_rule(nif_error))]
Email = Annotated[str, BeforeValidator(_email_clean), AfterValidator(_rule(email_error))]
Phone = Annotated[str, BeforeValidator(_phone_clean), AfterValidator(_rule(phone_error))]
PostalCode = Annotated[str, BeforeValidator(_strip), AfterValidator(_rule(postal_code_error))]
Text200 = Annotated[str, BeforeValidator(_strip), Field(max_length=TEXT200_MAX)]
Text300 = Annotated[str, BeforeValidator(_strip), Field(max_length=TEXT300_MAX)]
Code = Annotated[str, Field(min_length=1, max_length=40)]
# Answers to an incident category's extra questions, by the question's code.
Attributes = dict[
    Annotated[str, Field(max_length=40)], Annotated[str, Field(max_length=ATTRIBUTE_MAX)]
]


def _follow_up_code(value: str) -> str:
    normalized = references.normalize_code(value)
    if len(normalized) != 16 or any(c not in references.CODE_ALPHABET for c in normalized):
        raise PydanticCustomError("case.follow_up_code_invalid", "Not a follow-up code.")
    return value


FollowUpCode = Annotated[str, AfterValidator(_follow_up_code)]

MEDIA_URL_MAX = 500  # as `cases.media_url` and Open311's POST


def _media_url(value: str) -> str:
    parts = urlsplit(value)
    spaced = any(c.isspace() for c in value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or spaced:
        raise PydanticCustomError("case.media_url_invalid", "Not an http(s) URL.")
    return value


# A photo of an incident, hosted elsewhere (Open311's `media_url`); incidents only.
MediaUrl = Annotated[
    str, BeforeValidator(_strip), Field(max_length=MEDIA_URL_MAX), AfterValidator(_media_url)
]


class _Strict(BaseModel):
    # Unknown fields are refused, not ignored: an ethics report must not carry a stray "nif".
    model_config = ConfigDict(extra="forbid")


# --- reference data -------------------------------------------------------------------------


class CaseTypeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name: str
    kind: str
    service_area: str
    citizen_policy: str
    legal_basis: str
    retention_class: str
    retention_years: int


class IncidentCategoryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name: str
    description: str
    group_name: str
    keywords: str
    attributes: list[dict[str, Any]]


class AddresseeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name: str
    office: str
    portfolio: str


class CaseReferenceRead(BaseModel):
    case_types: list[CaseTypeRead]
    incident_categories: list[IncidentCategoryRead]
    addressees: list[AddresseeRead]

    @classmethod
    def of(cls, data: ReferenceData) -> CaseReferenceRead:
        return cls.model_validate(data, from_attributes=True)


# --- filing ---------------------------------------------------------------------------------


class CitizenIn(_Strict):
    name: Text200 | None = None
    nif: Nif | None = None
    email: Email | None = None
    phone: Phone | None = None
    postal_code: PostalCode | None = None
    postal_address: Text300 | None = None
    language: str = Field(default="pt", pattern=LANGUAGE_PATTERN)
    contact_by: ContactBy = ContactBy.NONE

    def to_data(self) -> CitizenData:
        return CitizenData(
            name=self.name or None,
            nif=self.nif,
            email=self.email,
            phone=self.phone,
            postal_code=self.postal_code,
            postal_address=self.postal_address or None,
            language=self.language,
            contact_by=self.contact_by.value,
        )


class _CaseFields(_Strict):
    subject: Text200 | None = None
    citizen: CitizenIn | None = None
    category_code: Code | None = None
    address: Text300 | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    attributes: Attributes | None = Field(default=None, max_length=30)
    addressee_code: Code | None = None
    answer_may_be_public: bool | None = None
    concerned_service: Text200 | None = None
    suggestion_scope: SuggestionScope | None = None
    media_url: MediaUrl | None = None


class CaseCreate(_CaseFields):
    type_code: Code
    description: str = Field(min_length=1, max_length=DESCRIPTION_MAX)
    # The desktop's offline reference (`P-<counter>-<n>`), printed on the provisional receipt.
    provisional_reference: str | None = Field(
        default=None, min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]*$"
    )
    ticket_id: int | None = None
    service_id: int | None = None
    counter_id: int | None = None
    # When the attendant wrote it on the desktop (perhaps offline, long before it arrived).
    entered_at: datetime | None = None
    # Ethics reports only: a code the desktop generated and already showed (offline entry).
    follow_up_code: FollowUpCode | None = None

    def to_new_case(self) -> NewCase:
        return NewCase(
            type_code=self.type_code,
            data=CaseData(
                description=self.description.strip(),
                subject=self.subject or None,
                citizen=self.citizen.to_data() if self.citizen is not None else None,
                category_code=self.category_code,
                address=self.address or None,
                latitude=self.latitude,
                longitude=self.longitude,
                attributes=self.attributes,
                addressee_code=self.addressee_code,
                answer_may_be_public=self.answer_may_be_public,
                concerned_service=self.concerned_service or None,
                suggestion_scope=self.suggestion_scope.value if self.suggestion_scope else None,
                media_url=self.media_url or None,
            ),
            provisional_reference=self.provisional_reference,
            visit=VisitLink(self.ticket_id, self.service_id, self.counter_id),
            entered_at=self.entered_at,
            follow_up_code=self.follow_up_code,
        )


class CaseUpdate(_CaseFields):
    """Only the fields sent change; `citizen` replaces the whole block (`null` removes it)."""

    description: str | None = Field(default=None, min_length=1, max_length=DESCRIPTION_MAX)

    def changes(self) -> dict[str, Any]:
        changes: dict[str, Any] = {}
        for name in self.model_fields_set:
            value = getattr(self, name)
            if name == "citizen":
                value = value.to_data() if value is not None else None
            elif name == "suggestion_scope" and value is not None:
                value = value.value
            elif name == "description" and value is None:
                continue  # the description cannot be removed
            changes[name] = value
        return changes


class CaseReceipt(BaseModel):
    """The answer to every change of a case: what the receipt needs, no personal data."""

    id: int
    reference: str
    provisional_reference: str | None
    centre_id: int
    type_code: str
    kind: str
    status: str
    received_at: datetime
    updated_at: datetime
    version: int

    @classmethod
    def of(cls, case: Any, type_code: str) -> CaseReceipt:
        return cls(
            id=case.id,
            reference=case.reference,
            provisional_reference=case.provisional_reference,
            centre_id=case.centre_id,
            type_code=type_code,
            kind=case.kind,
            status=case.status,
            received_at=case.received_at,
            updated_at=case.updated_at,
            version=case.version,
        )


class FiledReceipt(CaseReceipt):
    # Ethics reports, in the first answer only: show it to the reporter now, it is not kept
    # (a replay of the same command answers without this field).
    follow_up_code: str | None = None

    @classmethod
    def filed(cls, filed: Filed) -> FiledReceipt:
        receipt = CaseReceipt.of(filed.case, filed.case_type.code)
        return cls(**receipt.model_dump(), follow_up_code=filed.follow_up_code)


BATCH_MAX = 100  # cases in one `POST /centres/{id}/cases/batch`
IDEMPOTENCY_KEY_MAX = 128  # as the Idempotency-Key header


class CaseBatchItem(_Strict):
    """One case of a batch, with the Idempotency-Key it would carry alone. `case` is checked
    with `CaseCreate` item by item, so a bad case is that item's 422, not the batch's."""

    key: str = Field(min_length=1, max_length=IDEMPOTENCY_KEY_MAX)
    case: dict[str, Any]


class CaseBatch(_Strict):
    items: list[CaseBatchItem] = Field(min_length=1, max_length=BATCH_MAX)


class CaseBatchResult(BaseModel):
    """What the single route would have answered for this item: its status (201 filed, the
    recorded status on a replay, 4xx refused) and body (`FiledReceipt` or `{"error": …}`)."""

    key: str
    status: int
    body: dict[str, Any]
    replayed: bool = False


class CaseBatchAnswer(BaseModel):
    results: list[CaseBatchResult]


class StatusChange(_Strict):
    status: CaseStatus
    # Shown to the citizen (Open311 status_notes, the ethics follow-up): no personal data.
    public_note: str | None = Field(default=None, max_length=1000)


class NoteCreate(_Strict):
    text: str = Field(min_length=1, max_length=4000)


class NoteReceipt(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    case_id: int
    at: datetime
    user_id: int


# --- reading --------------------------------------------------------------------------------


class CitizenRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str | None
    nif: str | None
    email: str | None
    phone: str | None
    postal_code: str | None
    postal_address: str | None
    language: str
    contact_by: str


class NoteRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    user_id: int
    text: str


class AttachmentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    case_id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    created_at: datetime


class StatusChangeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    status: str
    at: datetime
    user_id: int | None
    public_note: str | None


class CaseDetail(BaseModel):
    id: int
    reference: str
    provisional_reference: str | None
    centre_id: int
    type_code: str
    type_name: str
    kind: str
    channel: str
    status: str
    subject: str | None
    description: str
    category_code: str | None
    address: str | None
    latitude: float | None
    longitude: float | None
    attributes: dict[str, Any] | None
    media_url: str | None
    addressee_code: str | None
    answer_may_be_public: bool | None
    concerned_service: str | None
    suggestion_scope: str | None
    ticket_id: int | None
    service_id: int | None
    counter_id: int | None
    attendant_id: int | None
    legal_basis: str
    retention_class: str
    retention_years: int
    retain_until: date | None
    entered_at: datetime | None
    received_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    # Set once the retention job erased the personal data (the text fields then read
    # "[erased]", and there is no citizen and no attachment).
    erased_at: datetime | None
    version: int
    citizen: CitizenRead | None
    notes: list[NoteRead]
    attachments: list[AttachmentRead]

    @classmethod
    def of(cls, view: CaseView) -> CaseDetail:
        case = view.case
        fields = {
            name: getattr(case, name)
            for name in cls.model_fields
            if hasattr(case, name) and name not in ("citizen", "notes", "attachments")
        }
        return cls(
            **fields,
            type_code=view.case_type.code,
            type_name=view.case_type.name,
            category_code=view.category.code if view.category else None,
            addressee_code=view.addressee.code if view.addressee else None,
            citizen=CitizenRead.model_validate(view.citizen) if view.citizen else None,
            notes=[NoteRead.model_validate(n) for n in view.notes],
            attachments=[AttachmentRead.model_validate(a) for a in view.attachments],
        )


class CaseSummary(BaseModel):
    """A case in a list: no personal data, no free text."""

    id: int
    reference: str
    provisional_reference: str | None
    centre_id: int
    type_code: str
    kind: str
    status: str
    received_at: datetime
    updated_at: datetime
    version: int

    @classmethod
    def of(cls, brief: CaseBrief) -> CaseSummary:
        case = brief.case
        return cls(
            id=case.id,
            reference=case.reference,
            provisional_reference=case.provisional_reference,
            centre_id=case.centre_id,
            type_code=brief.type_code,
            kind=case.kind,
            status=case.status,
            received_at=case.received_at,
            updated_at=case.updated_at,
            version=case.version,
        )


class CaseFound(CaseSummary):
    citizen_name: str | None

    @classmethod
    def found(cls, brief: CaseBrief) -> CaseFound:
        return cls(**CaseSummary.of(brief).model_dump(), citizen_name=brief.citizen_name)


class CaseSearch(_Strict):
    """Exactly one of reference, NIF or name; why you look is recorded with each hit."""

    reference: str | None = Field(default=None, min_length=1, max_length=40)
    nif: Nif | None = None
    name: str | None = Field(default=None, min_length=2, max_length=200)
    purpose: ReadPurpose
    limit: int = Field(default=20, ge=1, le=100)

    @model_validator(mode="after")
    def _one_criterion(self) -> CaseSearch:
        given = [v for v in (self.reference, self.nif, self.name) if v]
        if len(given) != 1:
            raise PydanticCustomError(
                "case.search_needs_one_criterion", "Give exactly one of reference, nif, name."
            )
        return self


class CitizenReadsQuery(_Strict):
    nif: Nif
    purpose: ReadPurpose


class ReadLogEntry(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    case_id: int
    reference: str
    at: datetime
    user_id: int
    username: str
    full_name: str
    purpose: str
    access: str


class FollowUpQuery(_Strict):
    reference: str = Field(min_length=1, max_length=40)
    code: str = Field(min_length=16, max_length=24)


class StatusChangePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    status: str
    at: datetime
    public_note: str | None


class FollowUpRead(BaseModel):
    """What the reporter may know of an ethics report: its status and the public notes."""

    reference: str
    status: str
    received_at: datetime
    updated_at: datetime
    history: list[StatusChangePublic]


class SimilarQuery(_Strict):
    category_code: Code
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    radius_m: float = Field(default=150, gt=0, le=5000)
    text: str | None = Field(default=None, max_length=4000)
    limit: int = Field(default=10, ge=1, le=50)


class SimilarIncidentRead(BaseModel):
    reference: str
    category_code: str
    status: str
    address: str | None
    latitude: float | None
    longitude: float | None
    received_at: datetime
    distance_m: float | None
    text_score: float
    match: list[Literal["distance", "text"]]

    @classmethod
    def of(cls, hit: SimilarIncident, radius_m: float, threshold: float) -> SimilarIncidentRead:
        case = hit.case
        match: list[Literal["distance", "text"]] = []
        if hit.distance_m is not None and hit.distance_m <= radius_m:
            match.append("distance")
        if hit.text_score >= threshold:
            match.append("text")
        return cls(
            reference=case.reference,
            category_code=hit.category_code,
            status=case.status,
            address=case.address,
            latitude=case.latitude,
            longitude=case.longitude,
            received_at=case.received_at,
            distance_m=round(hit.distance_m, 1) if hit.distance_m is not None else None,
            text_score=hit.text_score,
            match=match,
        )
