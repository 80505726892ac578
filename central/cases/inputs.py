"""What a case is filed or edited with, once the request is parsed: plain, typed, no framework."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime


@dataclass(frozen=True)
class CitizenData:
    name: str | None = None
    nif: str | None = None
    email: str | None = None
    phone: str | None = None
    postal_code: str | None = None
    postal_address: str | None = None
    language: str = "pt"
    contact_by: str = "none"

    def is_empty(self) -> bool:
        personal = ("name", "nif", "email", "phone", "postal_code", "postal_address")
        return all(getattr(self, name) in (None, "") for name in personal) and (
            self.contact_by == "none"
        )


@dataclass(frozen=True)
class CaseData:
    """The fields of a case that depend on its kind. `None` means not given."""

    description: str
    subject: str | None = None
    citizen: CitizenData | None = None
    category_code: str | None = None
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    attributes: dict[str, str] | None = None
    addressee_code: str | None = None
    answer_may_be_public: bool | None = None
    concerned_service: str | None = None
    suggestion_scope: str | None = None
    media_url: str | None = None


@dataclass(frozen=True)
class VisitLink:
    """The visit a case was filed in; never kept for ethics reports."""

    ticket_id: int | None = None
    service_id: int | None = None
    counter_id: int | None = None


@dataclass(frozen=True)
class NewCase:
    type_code: str
    data: CaseData
    provisional_reference: str | None = None
    visit: VisitLink = field(default_factory=VisitLink)
    entered_at: datetime | None = None
    # Ethics reports: a code the desktop made (offline entry); central makes one otherwise.
    follow_up_code: str | None = None


def data_fields() -> tuple[str, ...]:
    return tuple(f.name for f in fields(CaseData))
