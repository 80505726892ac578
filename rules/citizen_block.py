"""The citizen block of a case against its type's citizen policy.

Which personal data a case may carry, whether a name and a way to send the answer are needed,
and the fields each way of sending needs. Problems are `FieldProblem`s located under
`("citizen", ...)`. Pure: no I/O, no third parties.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Protocol, TypeVar

from rules.case_kinds import (
    CITIZEN_REQUIRED,
    CONTACT_REQUIRED,
    PERSONAL_DATA_NOT_ALLOWED,
    REQUIRED,
    CitizenPolicy,
    ContactBy,
    FieldProblem,
    is_blank,
)

# How the answer is sent, and the citizen fields it needs.
CONTACT_FIELDS: Mapping[str, tuple[str, ...]] = {
    ContactBy.EMAIL: ("email",),
    ContactBy.PHONE: ("phone",),
    ContactBy.POST: ("postal_address", "postal_code"),
}

# Ways of sending that are no way to send an answer.
NO_CONTACT = frozenset({ContactBy.NONE, ContactBy.IN_PERSON})


class CitizenFields(Protocol):
    """What the rules read of a citizen block (central's and the desktop's both fit)."""

    @property
    def name(self) -> str | None: ...

    @property
    def email(self) -> str | None: ...

    @property
    def phone(self) -> str | None: ...

    @property
    def postal_code(self) -> str | None: ...

    @property
    def postal_address(self) -> str | None: ...

    @property
    def contact_by(self) -> str: ...

    def is_empty(self) -> bool: ...


C = TypeVar("C", bound=CitizenFields)


def citizen_errors(
    policy: CitizenPolicy,
    citizen: C | None,
    *,
    refuse_empty: bool,
    value_errors: Callable[[C], Iterable[FieldProblem]] | None = None,
) -> list[FieldProblem]:
    """The citizen block against the policy.

    FORBIDDEN refuses a block with any personal data (with `refuse_empty`, any block at all);
    REQUIRED needs a non-empty block with a name and a way to send the answer; every policy
    needs the fields of the chosen way. `value_errors` checks the values of a non-empty block
    (its problems' `loc` relative to the block) before the policy is applied."""
    problems: list[FieldProblem] = []
    present = citizen is not None and not citizen.is_empty()
    if policy is CitizenPolicy.FORBIDDEN:
        if present or (refuse_empty and citizen is not None):
            problems.append(FieldProblem(("citizen",), PERSONAL_DATA_NOT_ALLOWED))
        return problems
    if citizen is None or not present:
        if policy is CitizenPolicy.REQUIRED:
            problems.append(FieldProblem(("citizen",), CITIZEN_REQUIRED))
        return problems

    def add(code: str, *loc: str) -> None:
        problems.append(FieldProblem(("citizen", *loc), code))

    if value_errors is not None:
        for problem in value_errors(citizen):
            add(problem.code, *problem.loc)
    if policy is CitizenPolicy.REQUIRED:
        if is_blank(citizen.name):
            add(REQUIRED, "name")
        if citizen.contact_by in NO_CONTACT:
            add(CONTACT_REQUIRED, "contact_by")
    for name in CONTACT_FIELDS.get(citizen.contact_by, ()):
        if is_blank(getattr(citizen, name)):
            add(REQUIRED, name)
    return problems
