"""Which fields each kind of case needs, allows and refuses. Pure: the caller passes what it
found in the reference data. Errors are `{"loc": [...], "type": code}`, as for any 422."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from central.cases.inputs import CaseData, CitizenData
from central.cases.kinds import CaseKind, CitizenPolicy
from rules import case_kinds, citizen_block
from rules.case_kinds import (
    ATTRIBUTE_INVALID,
    ATTRIBUTE_REQUIRED,
    CITIZEN_REQUIRED,
    CONTACT_REQUIRED,
    COORDINATES_INCOMPLETE,
    NOT_ALLOWED,
    PERSONAL_DATA_NOT_ALLOWED,
    REQUIRED,
    UNKNOWN_ADDRESSEE,
    UNKNOWN_ATTRIBUTE,
    UNKNOWN_CATEGORY,
    FieldProblem,
    is_blank,
)

__all__ = [
    "ATTRIBUTE_INVALID",
    "ATTRIBUTE_REQUIRED",
    "CITIZEN_REQUIRED",
    "CONTACT_REQUIRED",
    "COORDINATES_INCOMPLETE",
    "NOT_ALLOWED",
    "PERSONAL_DATA_NOT_ALLOWED",
    "REQUIRED",
    "UNKNOWN_ADDRESSEE",
    "UNKNOWN_ATTRIBUTE",
    "UNKNOWN_CATEGORY",
    "FieldError",
    "Lookups",
    "attribute_errors",
    "case_errors",
    "citizen_errors",
]

FieldError = dict[str, Any]


@dataclass(frozen=True)
class Lookups:
    """What the reference data says about the codes the case names."""

    category_found: bool = True
    # The category's Open311-style attributes (code, datatype, required, values).
    category_attributes: Sequence[dict[str, Any]] = ()
    addressee_found: bool = True


def _wire(problems: Sequence[FieldProblem]) -> list[FieldError]:
    return [{"loc": ["body", *p.loc], "type": p.code} for p in problems]


def case_errors(
    kind: CaseKind, policy: CitizenPolicy, data: CaseData, lookups: Lookups
) -> list[FieldError]:
    errors = _wire(case_kinds.kind_field_errors(kind, lambda name: getattr(data, name)))

    def add(code: str, *loc: str) -> None:
        errors.append({"loc": ["body", *loc], "type": code})

    if kind is CaseKind.INCIDENT:
        errors.extend(_wire(case_kinds.coordinate_errors(data.latitude, data.longitude)))
        if not is_blank(data.category_code) and not lookups.category_found:
            add(UNKNOWN_CATEGORY, "category_code")
        elif lookups.category_found:
            errors.extend(attribute_errors(lookups.category_attributes, data.attributes or {}))
    if (
        kind is CaseKind.QUESTION_TO_OFFICIAL
        and not is_blank(data.addressee_code)
        and not lookups.addressee_found
    ):
        add(UNKNOWN_ADDRESSEE, "addressee_code")
    errors.extend(citizen_errors(policy, data.citizen))
    return errors


def citizen_errors(policy: CitizenPolicy, citizen: CitizenData | None) -> list[FieldError]:
    # Central refuses any citizen block on a forbidden type, even an empty one.
    return _wire(citizen_block.citizen_errors(policy, citizen, refuse_empty=True))


def attribute_errors(
    definitions: Sequence[dict[str, Any]], given: dict[str, str]
) -> list[FieldError]:
    """The incident category's extra questions: required ones answered, list answers valid."""
    rules = [
        case_kinds.AttributeRule(
            code=str(d["code"]),
            datatype=str(d.get("datatype") or ""),
            required=bool(d.get("required")),
            keys=frozenset(str(v["key"]) for v in d.get("values") or ()),
        )
        for d in definitions
    ]
    return _wire(case_kinds.attribute_errors(rules, given))
