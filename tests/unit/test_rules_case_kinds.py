"""The per-kind field rules shared by central and the desktop."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest

from rules.case_kinds import (
    ATTRIBUTE_INVALID,
    ATTRIBUTE_REQUIRED,
    COORDINATES_INCOMPLETE,
    COORDINATES_INVALID,
    NOT_ALLOWED,
    REQUIRED,
    REQUIRED_FOR,
    TOO_LONG,
    UNKNOWN_ATTRIBUTE,
    AttributeRule,
    CaseKind,
    CitizenPolicy,
    ContactBy,
    FieldProblem,
    SuggestionScope,
    attribute_errors,
    coordinate_errors,
    is_blank,
    kind_field_errors,
)


def values(**given: object) -> Callable[[str], object]:
    return lambda name: given.get(name)


def test_central_and_the_desktop_share_the_enumerations() -> None:
    import central.cases.kinds as central_kinds
    import desktop.domain.cases as desktop_cases

    for module in (central_kinds, desktop_cases):
        assert module.CaseKind is CaseKind
        assert module.CitizenPolicy is CitizenPolicy
        assert module.ContactBy is ContactBy
        assert module.SuggestionScope is SuggestionScope


def test_every_kind_has_its_required_fields() -> None:
    assert set(REQUIRED_FOR) == set(CaseKind)
    assert CaseKind("question_to_official") is CaseKind.QUESTION_TO_OFFICIAL


@pytest.mark.parametrize(("value", "blank"), [(None, True), ("", True), ("  \t", True)])
def test_blank(value: object, blank: bool) -> None:
    assert is_blank(value) is blank


@pytest.mark.parametrize("value", ["x", " x ", 0, False, 0.0, {}])
def test_not_blank(value: object) -> None:
    assert not is_blank(value)


def test_every_kind_needs_a_description() -> None:
    for kind in CaseKind:
        problems = kind_field_errors(kind, values(description="  ", **_needed(kind)))
        assert problems == [FieldProblem(("description",), REQUIRED)]


def _needed(kind: CaseKind) -> dict[str, object]:
    return {
        CaseKind.COMPLAINT: {"concerned_service": "Obras"},
        CaseKind.SUGGESTION: {"suggestion_scope": "service"},
        CaseKind.INCIDENT: {"category_code": "buraco", "address": "Rua A"},
        CaseKind.QUESTION_TO_OFFICIAL: {"addressee_code": "pres", "answer_may_be_public": False},
    }.get(kind, {})


@pytest.mark.parametrize("kind", list(CaseKind))
def test_a_complete_case_of_each_kind_passes(kind: CaseKind) -> None:
    assert kind_field_errors(kind, values(description="Texto", **_needed(kind))) == []


@pytest.mark.parametrize(
    ("kind", "missing"),
    [
        (CaseKind.COMPLAINT, ["concerned_service"]),
        (CaseKind.SUGGESTION, ["suggestion_scope"]),
        (CaseKind.INCIDENT, ["category_code", "address"]),
        (CaseKind.QUESTION_TO_OFFICIAL, ["addressee_code", "answer_may_be_public"]),
    ],
)
def test_the_fields_a_kind_needs(kind: CaseKind, missing: list[str]) -> None:
    problems = kind_field_errors(kind, values(description="Texto"))
    assert problems == [FieldProblem((name,), REQUIRED) for name in missing]


def test_a_false_answer_is_an_answer() -> None:
    given = values(description="x", addressee_code="pres", answer_may_be_public=False)
    assert kind_field_errors(CaseKind.QUESTION_TO_OFFICIAL, given) == []


def test_fields_of_other_kinds_are_refused_in_order() -> None:
    given = values(description="x", address="Rua A", media_url="http://x", suggestion_scope="s")
    assert kind_field_errors(CaseKind.INFORMATION_REQUEST, given) == [
        FieldProblem(("address",), NOT_ALLOWED),
        FieldProblem(("media_url",), NOT_ALLOWED),
        FieldProblem(("suggestion_scope",), NOT_ALLOWED),
    ]


def test_a_blank_field_of_another_kind_is_not_refused() -> None:
    given = values(description="x", address="  ", attributes=None)
    assert kind_field_errors(CaseKind.ETHICS_REPORT, given) == []


def test_concerned_service_belongs_to_complaints_and_suggestions() -> None:
    given = values(description="x", concerned_service="Obras", suggestion_scope="service")
    assert kind_field_errors(CaseKind.SUGGESTION, given) == []
    assert kind_field_errors(CaseKind.ETHICS_REPORT, given) == [
        FieldProblem(("concerned_service",), NOT_ALLOWED),
        FieldProblem(("suggestion_scope",), NOT_ALLOWED),
    ]


def test_lengths_are_checked_only_when_asked_and_trimmed() -> None:
    given = values(description=" " + "x" * 10 + " ", subject="y" * 11)
    assert kind_field_errors(CaseKind.INFORMATION_REQUEST, given) == []
    limits = {"description": 10, "subject": 10}
    assert kind_field_errors(CaseKind.INFORMATION_REQUEST, given, max_lengths=limits) == [
        FieldProblem(("subject",), TOO_LONG)
    ]


def test_too_long_comes_before_the_kind_rules() -> None:
    given = values(description="x" * 5, address="Rua A")
    problems = kind_field_errors(CaseKind.COMPLAINT, given, max_lengths={"description": 4})
    assert [p.code for p in problems] == [TOO_LONG, NOT_ALLOWED, REQUIRED]


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [
        (None, None, []),
        (38.7, -9.1, []),
        (38.7, None, [FieldProblem(("longitude",), COORDINATES_INCOMPLETE)]),
        (None, -9.1, [FieldProblem(("latitude",), COORDINATES_INCOMPLETE)]),
    ],
)
def test_coordinates_come_in_pairs(
    latitude: float | None, longitude: float | None, expected: list[FieldProblem]
) -> None:
    assert coordinate_errors(latitude, longitude) == expected


def test_coordinates_on_the_globe_only_when_asked() -> None:
    assert coordinate_errors(91.0, -181.0) == []
    assert coordinate_errors(91.0, -181.0, check_range=True) == [
        FieldProblem(("latitude",), COORDINATES_INVALID),
        FieldProblem(("longitude",), COORDINATES_INVALID),
    ]
    assert coordinate_errors(-90.0, 180.0, check_range=True) == []


_RULES = (
    AttributeRule("tipo", "singlevaluelist", True, frozenset({"a", "b"})),
    AttributeRule("extras", "multivaluelist", False, frozenset({"x", "y"})),
    AttributeRule("nota", "string", False),
    AttributeRule("livre", "singlevaluelist", False),  # a list without choices: anything
)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"tipo": "a"}, []),
        ({"tipo": " b ", "extras": "x, y", "nota": "qualquer", "livre": "z"}, []),
        ({}, [FieldProblem(("attributes", "tipo"), ATTRIBUTE_REQUIRED)]),
        ({"tipo": "  "}, [FieldProblem(("attributes", "tipo"), ATTRIBUTE_REQUIRED)]),
        ({"tipo": "c"}, [FieldProblem(("attributes", "tipo"), ATTRIBUTE_INVALID)]),
        ({"tipo": "a,b"}, [FieldProblem(("attributes", "tipo"), ATTRIBUTE_INVALID)]),
        (
            {"tipo": "a", "extras": "x,z"},
            [FieldProblem(("attributes", "extras"), ATTRIBUTE_INVALID)],
        ),
        (
            {"outro": "1"},
            [
                FieldProblem(("attributes", "outro"), UNKNOWN_ATTRIBUTE),
                FieldProblem(("attributes", "tipo"), ATTRIBUTE_REQUIRED),
            ],
        ),
    ],
)
def test_attributes(given: Mapping[str, str], expected: list[FieldProblem]) -> None:
    assert attribute_errors(_RULES, given) == expected


def test_answer_length_only_when_asked_and_only_for_known_questions() -> None:
    given = {"nota": "n" * 6, "outro": "o" * 6, "tipo": "a"}
    assert attribute_errors(_RULES, given) == [
        FieldProblem(("attributes", "outro"), UNKNOWN_ATTRIBUTE)
    ]
    assert attribute_errors(_RULES, given, answer_max=5) == [
        FieldProblem(("attributes", "nota"), TOO_LONG),
        FieldProblem(("attributes", "outro"), UNKNOWN_ATTRIBUTE),
    ]


def test_no_questions_refuses_every_answer() -> None:
    assert attribute_errors((), {"a": "1"}) == [
        FieldProblem(("attributes", "a"), UNKNOWN_ATTRIBUTE)
    ]
