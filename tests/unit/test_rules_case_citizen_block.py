"""The citizen block against a case type's citizen policy, shared by central and the desktop."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from rules import case_kinds as ck
from rules.case_kinds import CitizenPolicy, FieldProblem
from rules.citizen_block import CONTACT_FIELDS, citizen_errors

PERSONAL = ("name", "email", "phone", "postal_code", "postal_address")


class Citizen(SimpleNamespace):
    """A citizen block as the rules read it: personal fields not given are None."""

    def __init__(self, contact_by: str = "none", **given: str | None) -> None:
        super().__init__(contact_by=contact_by, **{f: given.get(f) for f in PERSONAL})

    def is_empty(self) -> bool:
        return self.contact_by == "none" and all(getattr(self, f) is None for f in PERSONAL)


ANA = Citizen(name="Ana", email="ana@example.pt", contact_by="email")


def test_the_fields_each_way_of_answering_needs() -> None:
    assert CONTACT_FIELDS == {
        ck.ContactBy.EMAIL: ("email",),
        ck.ContactBy.PHONE: ("phone",),
        ck.ContactBy.POST: ("postal_address", "postal_code"),
    }


@pytest.mark.parametrize("refuse_empty", [True, False])
def test_forbidden_refuses_personal_data(refuse_empty: bool) -> None:
    problems = citizen_errors(CitizenPolicy.FORBIDDEN, ANA, refuse_empty=refuse_empty)
    assert problems == [FieldProblem(("citizen",), ck.PERSONAL_DATA_NOT_ALLOWED)]


def test_forbidden_and_an_empty_block() -> None:
    empty = Citizen()
    assert citizen_errors(CitizenPolicy.FORBIDDEN, empty, refuse_empty=False) == []
    assert citizen_errors(CitizenPolicy.FORBIDDEN, empty, refuse_empty=True) == [
        FieldProblem(("citizen",), ck.PERSONAL_DATA_NOT_ALLOWED)
    ]
    assert citizen_errors(CitizenPolicy.FORBIDDEN, None, refuse_empty=True) == []


@pytest.mark.parametrize("citizen", [None, Citizen()])
def test_required_needs_a_block(citizen: Citizen | None) -> None:
    problems = citizen_errors(CitizenPolicy.REQUIRED, citizen, refuse_empty=True)
    assert problems == [FieldProblem(("citizen",), ck.CITIZEN_REQUIRED)]
    assert citizen_errors(CitizenPolicy.OPTIONAL, citizen, refuse_empty=True) == []


def test_required_needs_a_name_and_a_way_to_answer() -> None:
    for contact_by in ("none", "in_person"):
        citizen = Citizen(name="  ", phone="912345678", contact_by=contact_by)
        assert citizen_errors(CitizenPolicy.REQUIRED, citizen, refuse_empty=False) == [
            FieldProblem(("citizen", "name"), ck.REQUIRED),
            FieldProblem(("citizen", "contact_by"), ck.CONTACT_REQUIRED),
        ]
        assert citizen_errors(CitizenPolicy.OPTIONAL, citizen, refuse_empty=False) == []


def test_a_complete_block_passes() -> None:
    for policy in (CitizenPolicy.REQUIRED, CitizenPolicy.OPTIONAL):
        assert citizen_errors(policy, ANA, refuse_empty=True) == []


@pytest.mark.parametrize(
    ("contact_by", "missing"),
    [
        ("email", ["email"]),
        (ck.ContactBy.PHONE, ["phone"]),
        ("post", ["postal_address", "postal_code"]),
    ],
)
@pytest.mark.parametrize("policy", [CitizenPolicy.REQUIRED, CitizenPolicy.OPTIONAL])
def test_the_way_of_answering_needs_its_fields(
    contact_by: str, missing: list[str], policy: CitizenPolicy
) -> None:
    citizen = Citizen(name="Ana", postal_code="", contact_by=contact_by)
    problems = citizen_errors(policy, citizen, refuse_empty=True)
    assert problems == [FieldProblem(("citizen", name), ck.REQUIRED) for name in missing]


def test_value_errors_come_first_located_in_the_block() -> None:
    def values(citizen: Citizen) -> list[FieldProblem]:
        assert citizen is block
        return [FieldProblem(("email",), "email.invalid")]

    block = Citizen(email="x", contact_by="phone")
    assert citizen_errors(
        CitizenPolicy.REQUIRED, block, refuse_empty=False, value_errors=values
    ) == [
        FieldProblem(("citizen", "email"), "email.invalid"),
        FieldProblem(("citizen", "name"), ck.REQUIRED),
        FieldProblem(("citizen", "phone"), ck.REQUIRED),
    ]


def test_value_errors_are_not_asked_of_an_absent_or_refused_block() -> None:
    def values(citizen: Citizen) -> list[FieldProblem]:
        raise AssertionError("not called")

    for policy in CitizenPolicy:
        citizen_errors(policy, Citizen(), refuse_empty=False, value_errors=values)
    citizen_errors(CitizenPolicy.FORBIDDEN, ANA, refuse_empty=False, value_errors=values)
