"""Every table of the central service, imported in one place for Alembic and `create_all`."""

from central.auth.models import LoginAttempt, RefreshToken, User
from central.db import Base
from central.events.models import ChangeCounter, Event
from central.idempotency.models import IdempotencyRecord
from central.reference.models import Centre, Counter, CounterService, Service
from central.tickets.models import DailySequence, Ticket

__all__ = [
    "Base",
    "Centre",
    "ChangeCounter",
    "Counter",
    "CounterService",
    "DailySequence",
    "Event",
    "IdempotencyRecord",
    "LoginAttempt",
    "RefreshToken",
    "Service",
    "Ticket",
    "User",
]
