"""The kinds of case, and the fields each kind needs, allows and refuses.

Central checks a case on arrival; the desktop checks the same rules while the attendant types.
Problems are `FieldProblem(loc, code)`: `loc` without central's leading `"body"`, `code` the
stable error code clients translate (`case.field_required`). Pure: no I/O, no third parties.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple


class CaseKind(StrEnum):
    INFORMATION_REQUEST = "information_request"
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    INCIDENT = "incident"
    QUESTION_TO_OFFICIAL = "question_to_official"
    ETHICS_REPORT = "ethics_report"


class CitizenPolicy(StrEnum):
    REQUIRED = "required"  # a name and one way to send the answer
    OPTIONAL = "optional"
    FORBIDDEN = "forbidden"  # the ethics mailbox: anonymous by design


class ContactBy(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    POST = "post"
    IN_PERSON = "in_person"
    NONE = "none"


class SuggestionScope(StrEnum):
    SERVICE = "service"  # improving a municipal service
    PUBLIC_POLICY = "public_policy"


# --- codes ------------------------------------------------------------------------------------

REQUIRED = "case.field_required"
NOT_ALLOWED = "case.field_not_allowed"
TOO_LONG = "case.field_too_long"
UNKNOWN_CATEGORY = "case.unknown_category"
UNKNOWN_ADDRESSEE = "case.unknown_addressee"
UNKNOWN_ATTRIBUTE = "case.unknown_attribute"
ATTRIBUTE_REQUIRED = "case.attribute_required"
ATTRIBUTE_INVALID = "case.attribute_invalid"
COORDINATES_INCOMPLETE = "case.coordinates_incomplete"
COORDINATES_INVALID = "case.coordinates_invalid"
CITIZEN_REQUIRED = "case.citizen_required"
CONTACT_REQUIRED = "case.contact_required"
PERSONAL_DATA_NOT_ALLOWED = "case.personal_data_not_allowed"
LANGUAGE_INVALID = "case.language_invalid"

# --- length limits ----------------------------------------------------------------------------

DESCRIPTION_MAX = 4000
SUBJECT_MAX = 200
TEXT200_MAX = 200
TEXT300_MAX = 300
ATTRIBUTE_MAX = 500
LANGUAGE_PATTERN = r"^[a-z]{2}(-[A-Z]{2})?$"


class FieldProblem(NamedTuple):
    """One problem of one field: `loc` as central's 422 has it, without `"body"`."""

    loc: tuple[str, ...]
    code: str


# Fields that only some kinds use; any other kind refuses them (data minimisation).
ONLY_FOR: Mapping[str, frozenset[CaseKind]] = {
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

# The fields each kind must have (besides the description, which every kind needs).
REQUIRED_FOR: Mapping[CaseKind, tuple[str, ...]] = {
    CaseKind.INFORMATION_REQUEST: (),
    CaseKind.COMPLAINT: ("concerned_service",),
    CaseKind.SUGGESTION: ("suggestion_scope",),
    CaseKind.INCIDENT: ("category_code", "address"),
    CaseKind.QUESTION_TO_OFFICIAL: ("addressee_code", "answer_may_be_public"),
    CaseKind.ETHICS_REPORT: (),
}


def is_blank(value: object) -> bool:
    """None, or a string of nothing but white space."""
    return value is None or (isinstance(value, str) and not value.strip())


def kind_field_errors(
    kind: CaseKind,
    value_of: Callable[[str], object],
    *,
    max_lengths: Mapping[str, int] | None = None,
) -> list[FieldProblem]:
    """The description given; each text of `max_lengths` within its limit (trimmed); no field
    the kind does not use; every field the kind needs. `value_of(name)` is the field's value,
    None when not given (or when the caller has no such field)."""
    problems: list[FieldProblem] = []
    if is_blank(value_of("description")):
        problems.append(FieldProblem(("description",), REQUIRED))
    for name, limit in (max_lengths or {}).items():
        value = value_of(name)
        if isinstance(value, str) and len(value.strip()) > limit:
            problems.append(FieldProblem((name,), TOO_LONG))
    for name, kinds in ONLY_FOR.items():
        if kind not in kinds and not is_blank(value_of(name)):
            problems.append(FieldProblem((name,), NOT_ALLOWED))
    for name in REQUIRED_FOR[kind]:
        if is_blank(value_of(name)):
            problems.append(FieldProblem((name,), REQUIRED))
    return problems


def coordinate_errors(
    latitude: float | None, longitude: float | None, *, check_range: bool = False
) -> list[FieldProblem]:
    """Both coordinates or neither; with `check_range`, each on the globe."""
    problems: list[FieldProblem] = []
    if (latitude is None) != (longitude is None):
        loc = "latitude" if latitude is None else "longitude"
        problems.append(FieldProblem((loc,), COORDINATES_INCOMPLETE))
    if check_range:
        if latitude is not None and not -90 <= latitude <= 90:
            problems.append(FieldProblem(("latitude",), COORDINATES_INVALID))
        if longitude is not None and not -180 <= longitude <= 180:
            problems.append(FieldProblem(("longitude",), COORDINATES_INVALID))
    return problems


LIST_DATATYPES = ("singlevaluelist", "multivaluelist")


@dataclass(frozen=True)
class AttributeRule:
    """One extra question of an incident category (an Open311 attribute)."""

    code: str
    datatype: str = "string"
    required: bool = False
    keys: frozenset[str] = frozenset()  # the allowed answers of a list question


def attribute_errors(
    rules: Sequence[AttributeRule],
    given: Mapping[str, str],
    *,
    answer_max: int | None = None,
) -> list[FieldProblem]:
    """The category's extra questions: no unknown ones, each answer within `answer_max` (when
    given), required ones answered, list answers among the choices."""
    problems: list[FieldProblem] = []
    known = {rule.code: rule for rule in rules}
    for code, answer in given.items():
        if code not in known:
            problems.append(FieldProblem(("attributes", code), UNKNOWN_ATTRIBUTE))
        elif answer_max is not None and len(str(answer)) > answer_max:
            problems.append(FieldProblem(("attributes", code), TOO_LONG))
    for code, rule in known.items():
        value = given.get(code)
        if value is None or not str(value).strip():
            if rule.required:
                problems.append(FieldProblem(("attributes", code), ATTRIBUTE_REQUIRED))
            continue
        if rule.datatype in LIST_DATATYPES and rule.keys:
            text = str(value)
            chosen = text.split(",") if rule.datatype == "multivaluelist" else [text]
            if any(choice.strip() not in rule.keys for choice in chosen):
                problems.append(FieldProblem(("attributes", code), ATTRIBUTE_INVALID))
    return problems
