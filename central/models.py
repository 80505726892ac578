"""Every table of the central service, imported in one place for Alembic and `create_all`."""

from central.appointments.models import (
    Appointment,
    AppointmentCitizen,
    AppointmentClosure,
    AppointmentReadLog,
    AppointmentRules,
    AppointmentSchedule,
    AppointmentSlot,
)
from central.auth.models import LoginAttempt, RefreshToken, User
from central.cases.models import (
    Addressee,
    Case,
    CaseAttachment,
    CaseAttachmentContent,
    CaseCitizen,
    CaseNote,
    CaseReadLog,
    CaseSequence,
    CaseStatusChange,
    CaseType,
    IncidentCategory,
)
from central.db import Base
from central.events.models import ChangeCounter, Event
from central.idempotency.models import IdempotencyRecord
from central.knowledge.models import (
    Article,
    ArticleRevision,
    ArticleVariant,
    KnowledgeChange,
    KnowledgeCounter,
    Suggestion,
    VisitArticleUse,
)
from central.reference.models import Centre, Counter, CounterService, Service
from central.tickets.models import DailySequence, Ticket

__all__ = [
    "Addressee",
    "Appointment",
    "AppointmentCitizen",
    "AppointmentClosure",
    "AppointmentReadLog",
    "AppointmentRules",
    "AppointmentSchedule",
    "AppointmentSlot",
    "Article",
    "ArticleRevision",
    "ArticleVariant",
    "Base",
    "Case",
    "CaseAttachment",
    "CaseAttachmentContent",
    "CaseCitizen",
    "CaseNote",
    "CaseReadLog",
    "CaseSequence",
    "CaseStatusChange",
    "CaseType",
    "Centre",
    "ChangeCounter",
    "Counter",
    "CounterService",
    "DailySequence",
    "Event",
    "IdempotencyRecord",
    "IncidentCategory",
    "KnowledgeChange",
    "KnowledgeCounter",
    "LoginAttempt",
    "RefreshToken",
    "Service",
    "Suggestion",
    "Ticket",
    "User",
    "VisitArticleUse",
]
