"""Which fields each kind of case needs, allows and refuses. Pure: the caller passes what it
found in the reference data. Errors are `{"loc": [...], "type": code}`, as for any 422."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from central.cases.inputs import CaseData, CitizenData
from central.cases.kinds import CaseKind, CitizenPolicy, ContactBy

FieldError = dict[str, Any]

REQUIRED = "case.field_required"
NOT_ALLOWED = "case.field_not_allowed"
PERSONAL_DATA_NOT_ALLOWED = "case.personal_data_not_allowed"
CITIZEN_REQUIRED = "case.citizen_required"
CONTACT_REQUIRED = "case.contact_required"
COORDINATES_INCOMPLETE = "case.coordinates_incomplete"
UNKNOWN_CATEGORY = "case.unknown_category"
UNKNOWN_ADDRESSEE = "case.unknown_addressee"
UNKNOWN_ATTRIBUTE = "case.unknown_attribute"
ATTRIBUTE_REQUIRED = "case.attribute_required"
ATTRIBUTE_INVALID = "case.attribute_invalid"

# Fields that only some kinds use; any other kind refuses them (data minimisation).
_ONLY_FOR: dict[str, frozenset[CaseKind]] = {
    "category_code": frozenset({CaseKind.INCIDENT}),
    "address": frozenset({CaseKind.INCIDENT}),
    "latitude": frozenset({CaseKind.INCIDENT}),
    "longitude": frozenset({CaseKind.INCIDENT}),
    "attributes": frozenset({CaseKind.INCIDENT}),
    "media_url": frozenset({CaseKind.INCIDENT}),
    "addressee_code": frozenset({CaseKind.QUESTION_TO_OFFICIAL}),
    "answer_may_be_public": frozenset({CaseKind.QUESTION_TO_OFFICIAL}),
    "concerned_service": frozenset({CaseKind.COMPLAINT, CaseKind.SUGGESTION}),
    "suggestion_scope": frozenset({CaseKind.SUGGESTION}),
}

_REQUIRED_FOR: dict[CaseKind, tuple[str, ...]] = {
    CaseKind.INFORMATION_REQUEST: (),
    CaseKind.COMPLAINT: ("concerned_service",),
    CaseKind.SUGGESTION: ("suggestion_scope",),
    CaseKind.INCIDENT: ("category_code", "address"),
    CaseKind.QUESTION_TO_OFFICIAL: ("addressee_code", "answer_may_be_public"),
    CaseKind.ETHICS_REPORT: (),
}

# How the answer is sent, and the field it needs.
_CONTACT_FIELDS: dict[str, tuple[str, ...]] = {
    ContactBy.EMAIL: ("email",),
    ContactBy.PHONE: ("phone",),
    ContactBy.POST: ("postal_address", "postal_code"),
}


@dataclass(frozen=True)
class Lookups:
    """What the reference data says about the codes the case names."""

    category_found: bool = True
    # The category's Open311-style attributes (code, datatype, required, values).
    category_attributes: Sequence[dict[str, Any]] = ()
    addressee_found: bool = True


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def case_errors(
    kind: CaseKind, policy: CitizenPolicy, data: CaseData, lookups: Lookups
) -> list[FieldError]:
    errors: list[FieldError] = []

    def add(code: str, *loc: str) -> None:
        errors.append({"loc": ["body", *loc], "type": code})

    if _blank(data.description):
        add(REQUIRED, "description")
    for name, kinds in _ONLY_FOR.items():
        if kind not in kinds and not _blank(getattr(data, name)):
            add(NOT_ALLOWED, name)
    for name in _REQUIRED_FOR[kind]:
        if _blank(getattr(data, name)):
            add(REQUIRED, name)
    if kind is CaseKind.INCIDENT:
        if (data.latitude is None) != (data.longitude is None):
            add(COORDINATES_INCOMPLETE, "latitude" if data.latitude is None else "longitude")
        if not _blank(data.category_code) and not lookups.category_found:
            add(UNKNOWN_CATEGORY, "category_code")
        elif lookups.category_found:
            errors.extend(attribute_errors(lookups.category_attributes, data.attributes or {}))
    if (
        kind is CaseKind.QUESTION_TO_OFFICIAL
        and not _blank(data.addressee_code)
        and not lookups.addressee_found
    ):
        add(UNKNOWN_ADDRESSEE, "addressee_code")
    errors.extend(citizen_errors(policy, data.citizen))
    return errors


def citizen_errors(policy: CitizenPolicy, citizen: CitizenData | None) -> list[FieldError]:
    errors: list[FieldError] = []

    def add(code: str, *loc: str) -> None:
        errors.append({"loc": ["body", "citizen", *loc], "type": code})

    present = citizen is not None and not citizen.is_empty()
    if policy is CitizenPolicy.FORBIDDEN:
        if citizen is not None:
            errors.append({"loc": ["body", "citizen"], "type": PERSONAL_DATA_NOT_ALLOWED})
        return errors
    if citizen is None or not present:
        if policy is CitizenPolicy.REQUIRED:
            errors.append({"loc": ["body", "citizen"], "type": CITIZEN_REQUIRED})
        return errors
    if policy is CitizenPolicy.REQUIRED:
        if _blank(citizen.name):
            add(REQUIRED, "name")
        if citizen.contact_by in (ContactBy.NONE, ContactBy.IN_PERSON):
            add(CONTACT_REQUIRED, "contact_by")
    for name in _CONTACT_FIELDS.get(citizen.contact_by, ()):
        if _blank(getattr(citizen, name)):
            add(REQUIRED, name)
    return errors


def attribute_errors(
    definitions: Sequence[dict[str, Any]], given: dict[str, str]
) -> list[FieldError]:
    """The incident category's extra questions: required ones answered, list answers valid."""
    errors: list[FieldError] = []
    known = {str(d["code"]): d for d in definitions}
    for code in given:
        if code not in known:
            errors.append({"loc": ["body", "attributes", code], "type": UNKNOWN_ATTRIBUTE})
    for code, definition in known.items():
        value = given.get(code)
        if _blank(value):
            if definition.get("required"):
                errors.append({"loc": ["body", "attributes", code], "type": ATTRIBUTE_REQUIRED})
            continue
        keys = {str(v["key"]) for v in definition.get("values") or ()}
        if definition.get("datatype") in ("singlevaluelist", "multivaluelist") and keys:
            chosen = (
                str(value).split(",") if definition["datatype"] == "multivaluelist" else [value]
            )
            if any(str(v).strip() not in keys for v in chosen):
                errors.append({"loc": ["body", "attributes", code], "type": ATTRIBUTE_INVALID})
    return errors
