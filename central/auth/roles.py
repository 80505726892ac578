"""Roles and what each may do. The route table in `central.api` names roles from here."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ATTENDANT = "attendant"
    RECEPTION = "reception"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    # Reads and handles the reports of the ethics mailbox, and nothing of the queue.
    ETHICS_OFFICER = "ethics_officer"
    # Writes the knowledge base (articles shared by every centre) and reviews suggestions.
    KNOWLEDGE_EDITOR = "knowledge_editor"


ALL_ROLES = frozenset(Role)
# The people who run the centre's queue: everything of tickets, counters and live events.
CENTRE_STAFF = frozenset({Role.ATTENDANT, Role.RECEPTION, Role.SUPERVISOR, Role.ADMIN})
STAFF_AT_COUNTER = frozenset({Role.ATTENDANT, Role.SUPERVISOR, Role.ADMIN})
FRONT_DESK = frozenset({Role.RECEPTION, Role.SUPERVISOR, Role.ADMIN})
MANAGERS = frozenset({Role.SUPERVISOR, Role.ADMIN})
ADMINS = frozenset({Role.ADMIN})
# Cases: the centre's staff and the ethics officer (who sees ethics reports only); a knowledge
# editor has no business with citizens' cases.
CASE_ROLES = CENTRE_STAFF | {Role.ETHICS_OFFICER}
# The knowledge base: the staff read it (and suggest changes), editors and admins write it.
KNOWLEDGE_READERS = CENTRE_STAFF | {Role.KNOWLEDGE_EDITOR}
KNOWLEDGE_EDITORS = frozenset({Role.KNOWLEDGE_EDITOR, Role.ADMIN})
