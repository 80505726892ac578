"""`create_app(settings)`: the composition root of the central service."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from central import migrate
from central.api import api_router
from central.auth.service import TokenPolicy
from central.clock import Clock
from central.config import Settings
from central.context import AppContext
from central.db import Database
from central.errors import install_error_handlers
from central.events import service as events
from central.events.hub import EventHub
from central.open311.routes import router as open311_router

log = logging.getLogger(__name__)


def build_context(settings: Settings, clock: Clock | None = None) -> AppContext:
    db = Database(settings.database_url)
    hub = EventHub(db, settings.sse_poll_seconds)
    events.attach(db.write_factory, hub.notify)
    tokens = TokenPolicy(
        secret_key=settings.secret_key,
        access_minutes=settings.access_token_minutes,
        refresh_hours=settings.refresh_token_hours,
        max_failures=settings.login_max_failures,
        window_minutes=settings.login_window_minutes,
    )
    return AppContext(settings=settings, db=db, clock=clock or Clock(), tokens=tokens, hub=hub)


def create_app(
    settings: Settings | None = None,
    *,
    clock: Clock | None = None,
    context: AppContext | None = None,
) -> FastAPI:
    ctx = context or build_context(settings or Settings.from_env(), clock)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if ctx.settings.auto_migrate:
            migrate.upgrade(ctx.db)
        await ctx.hub.start()
        listener = None
        if ctx.db.dialect == "postgresql":
            from central.events.pg_listener import PgListener

            listener = PgListener(ctx.settings.database_url, ctx.hub.notify)
            listener.start()
        try:
            yield
        finally:
            if listener is not None:
                listener.stop()
            await ctx.hub.stop()

    app = FastAPI(
        title="Balcão central",
        version="1.0",
        summary="Shared queue, reference data and live events for citizen-service counters.",
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    install_error_handlers(app)
    app.include_router(api_router)
    app.include_router(open311_router)
    return app
