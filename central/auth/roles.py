"""Roles and what each may do. The route table in `central.api` names roles from here."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ATTENDANT = "attendant"
    RECEPTION = "reception"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


ALL_ROLES = frozenset(Role)
STAFF_AT_COUNTER = frozenset({Role.ATTENDANT, Role.SUPERVISOR, Role.ADMIN})
FRONT_DESK = frozenset({Role.RECEPTION, Role.SUPERVISOR, Role.ADMIN})
MANAGERS = frozenset({Role.SUPERVISOR, Role.ADMIN})
ADMINS = frozenset({Role.ADMIN})
