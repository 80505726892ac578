"""The `/api/v1` router: every domain's routes plus the health check."""

from __future__ import annotations

from fastapi import APIRouter

from central.appointments.routes import router as appointments_router
from central.auth.routes import router as auth_router
from central.cases.routes import router as cases_router
from central.deps import Context
from central.events.routes import router as events_router
from central.knowledge.routes import router as knowledge_router
from central.reference.routes import router as reference_router
from central.tickets.routes import router as tickets_router

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(auth_router)
api_router.include_router(reference_router)
api_router.include_router(tickets_router)
api_router.include_router(events_router)
api_router.include_router(cases_router)
api_router.include_router(knowledge_router)
api_router.include_router(appointments_router)


@api_router.get("/health", tags=["health"])
def health(ctx: Context) -> dict[str, object]:
    ctx.db.ping()
    return {
        "status": "ok",
        "database": ctx.db.dialect,
        "instance": ctx.settings.instance_name,
        "last_event_id": ctx.hub.last_seq,
    }
