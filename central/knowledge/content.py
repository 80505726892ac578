"""What an editor writes: an article's content as plain frozen data (no ORM, no pydantic), and
its JSON form, which is also the revision snapshot and what the counters cache."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

LANGUAGES = ("pt-PT", "es", "ca", "en")  # pt-PT first: every article has it
FIRST_LANGUAGE = "pt-PT"


class Status:
    DRAFT = "draft"
    PUBLISHED = "published"
    RETIRED = "retired"


class SuggestionKind:
    CORRECTION = "correction"
    NOTE = "note"


class SuggestionStatus:
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Fee:
    label: str
    amount: str  # decimal as text ("12.50"): money never goes through a float
    currency: str
    note: str  # e.g. "valor de exemplo"

    def as_json(self) -> dict[str, Any]:
        return {"label": self.label, "amount": self.amount, "currency": self.currency,
                "note": self.note}  # fmt: skip


@dataclass(frozen=True)
class Variant:
    language: str
    title: str
    summary: str
    body_md: str
    required_documents: tuple[str, ...]
    fees: tuple[Fee, ...]
    deadline: str
    legal_basis: str

    def as_json(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "title": self.title,
            "summary": self.summary,
            "body_md": self.body_md,
            "required_documents": list(self.required_documents),
            "fees": [fee.as_json() for fee in self.fees],
            "deadline": self.deadline,
            "legal_basis": self.legal_basis,
        }


@dataclass(frozen=True)
class Content:
    owner: str
    review_by: date | None
    service_codes: tuple[str, ...]
    tags: tuple[str, ...]
    variants: tuple[Variant, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "review_by": self.review_by.isoformat() if self.review_by else None,
            "service_codes": list(self.service_codes),
            "tags": list(self.tags),
            "variants": [variant.as_json() for variant in _ordered(self.variants)],
        }


def _ordered(variants: tuple[Variant, ...]) -> list[Variant]:
    rank = {language: i for i, language in enumerate(LANGUAGES)}
    return sorted(variants, key=lambda v: rank.get(v.language, len(rank)))


def fee_of(data: dict[str, Any]) -> Fee:
    return Fee(
        label=str(data.get("label", "")),
        amount=str(data.get("amount", "")),
        currency=str(data.get("currency", "EUR")),
        note=str(data.get("note", "")),
    )
