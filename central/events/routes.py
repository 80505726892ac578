"""`GET /centres/{id}/events`: the live stream, resumable with Last-Event-ID."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Header
from fastapi.responses import StreamingResponse

from central.auth.actor import Actor
from central.auth.roles import CENTRE_STAFF
from central.deps import Context, require
from central.events import service
from central.events.hub import OVERFLOW, LiveEvent

router = APIRouter(tags=["events"])

RETRY_MS = 3000


def _replay(ctx: Context, centre_id: int, after: int) -> list[LiveEvent]:
    events: list[LiveEvent] = []
    with ctx.db.reading() as session:
        while True:
            batch = service.since(session, after, centre_id=centre_id, limit=1000)
            events.extend(LiveEvent.from_row(e) for e in batch)
            if len(batch) < 1000:
                return events
            after = events[-1].seq


def _last_committed(ctx: Context) -> int:
    with ctx.db.reading() as session:
        return service.last_seq(session)


async def _stream(ctx: Context, centre_id: int, last_event_id: int | None) -> AsyncIterator[str]:
    hub = ctx.hub
    # Subscribe before replaying so nothing committed in between is lost; duplicates are
    # dropped by sequence number. Subscribing here, not in the handler, means a client gone
    # before the first byte leaves no subscriber behind (`finally` runs only once started).
    sub = hub.subscribe(centre_id)
    try:
        yield f"retry: {RETRY_MS}\n: connected\n\n"
        newest = hub.last_seq
        if last_event_id is not None and last_event_id > newest:
            # Another process may have committed what this one has not read yet: ask the table.
            newest = max(newest, await asyncio.to_thread(_last_committed, ctx))
        if last_event_id is None:
            last = newest
        elif last_event_id > newest:
            # An id from the future: the server's data was reset. Tell the client to reload, and
            # move its cursor back to ours (the `id` field) so that its next retry resumes.
            yield f'id: {newest}\nevent: reset\ndata: {{"last_event_id": {newest}}}\n\n'
            last = newest
        else:
            last = last_event_id
            for ev in await asyncio.to_thread(_replay, ctx, centre_id, last):
                yield ev.sse
                last = ev.seq
        while True:
            try:
                item = await asyncio.wait_for(sub.queue.get(), ctx.settings.sse_ping_seconds)
            except TimeoutError:
                yield ": ping\n\n"
                continue
            if item is OVERFLOW:
                return
            if item.seq > last:
                yield item.sse
                last = item.seq
    finally:
        hub.unsubscribe(sub)


@router.get(
    "/centres/{centre_id}/events",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {"text/event-stream": {}},
            "description": "Server-Sent Events; `id` is the change sequence.",
        }
    },
)
async def events(
    centre_id: int,
    ctx: Context,
    actor: Annotated[Actor, Depends(require(CENTRE_STAFF))],
    last_event_id: Annotated[str | None, Header()] = None,
) -> StreamingResponse:
    actor.ensure_centre(centre_id)
    after = None
    if last_event_id:
        with contextlib.suppress(ValueError):
            after = max(0, int(last_event_id))
    return StreamingResponse(
        _stream(ctx, centre_id, after),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
