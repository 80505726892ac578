"""The signed-in user and their role."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop.domain.values import optional_int


class Role(StrEnum):
    ATTENDANT = "attendant"
    RECEPTION = "reception"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    KNOWLEDGE_EDITOR = "knowledge_editor"


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    role: str
    centre_id: int | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> User:
        return cls(
            id=int(data["id"]),
            username=str(data["username"]),
            full_name=str(data.get("full_name", "")),
            role=str(data["role"]),
            centre_id=optional_int(data.get("centre_id")),
        )

    @property
    def works_at_counter(self) -> bool:
        return self.role in (Role.ATTENDANT, Role.SUPERVISOR, Role.ADMIN)

    @property
    def is_manager(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.ADMIN)
