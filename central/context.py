"""What every request handler needs, built once by `create_app` and kept on `app.state`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from central.auth.service import TokenPolicy
from central.clock import Clock
from central.config import Settings
from central.db import Database

if TYPE_CHECKING:
    from central.events.hub import EventHub


@dataclass
class AppContext:
    settings: Settings
    db: Database
    clock: Clock
    tokens: TokenPolicy
    hub: EventHub
