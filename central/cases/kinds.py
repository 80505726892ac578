"""The kinds of case the code knows, their statuses and transitions, and why data is read.

Case *types* are reference data (table `case_types`); each names one of these kinds, which
decides the fields a case must have. Pure: no database, no web framework.
"""

from __future__ import annotations

from enum import StrEnum

# The kinds, citizen policies and ways of answering are shared with the desktop.
from rules.case_kinds import CaseKind, CitizenPolicy, ContactBy, SuggestionScope

__all__ = [
    "LEGAL_BASIS_PUBLIC_TASK",
    "OPEN_STATUSES",
    "TRANSITIONS",
    "CaseKind",
    "CaseStatus",
    "Channel",
    "CitizenPolicy",
    "ContactBy",
    "ReadAccess",
    "ReadPurpose",
    "SuggestionScope",
    "can_move",
]


class CaseStatus(StrEnum):
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    CLOSED = "closed"


# From each status, where a case may go. A closed case may be reopened (in_progress).
TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.RECEIVED: frozenset(
        {CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED, CaseStatus.CLOSED}
    ),
    CaseStatus.IN_PROGRESS: frozenset({CaseStatus.ANSWERED, CaseStatus.CLOSED}),
    CaseStatus.ANSWERED: frozenset({CaseStatus.IN_PROGRESS, CaseStatus.CLOSED}),
    CaseStatus.CLOSED: frozenset({CaseStatus.IN_PROGRESS}),
}

OPEN_STATUSES = frozenset({CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED})


def can_move(current: str, target: str) -> bool:
    try:
        return CaseStatus(target) in TRANSITIONS[CaseStatus(current)]
    except ValueError:
        return False


class ReadPurpose(StrEnum):
    """Why a user reads a case with personal data; recorded with every read (GDPR art. 5(2))."""

    CITIZEN_REQUEST = "citizen_request"  # the citizen is at the counter and asks
    FOLLOW_UP = "follow_up"  # working on the case
    ANSWER_PREPARATION = "answer_preparation"
    SUPERVISION = "supervision"
    DATA_SUBJECT_REQUEST = "data_subject_request"  # access, rectification, erasure requests
    ETHICS_INVESTIGATION = "ethics_investigation"


class ReadAccess(StrEnum):
    """What kind of read it was."""

    CASE = "case"  # the whole case
    SEARCH = "search"  # listed in search results (the citizen's name)
    ATTACHMENT = "attachment"
    CONFLICT = "conflict"  # shown in a 412 answer to an edit
    READ_LOG = "read_log"  # listed when someone reviewed the citizen's read log


class Channel(StrEnum):
    COUNTER = "counter"
    OPEN311 = "open311"


LEGAL_BASIS_PUBLIC_TASK = "public_task"  # GDPR art. 6(1)(e)
