"""Who is acting: the authenticated user as services see it."""

from __future__ import annotations

from dataclasses import dataclass

from central.auth.roles import Role
from central.errors import Forbidden


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    role: Role
    centre_id: int | None

    @property
    def is_manager(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.ADMIN)

    def ensure_centre(self, centre_id: int) -> None:
        if self.role is Role.ADMIN:
            return
        if self.centre_id != centre_id:
            raise Forbidden("auth.wrong_centre", "This account belongs to another centre.")
