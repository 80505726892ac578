"""Idempotency-Key: a retried command replays its first answer and acts only once."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import select

from central.clock import FrozenClock
from central.context import AppContext
from central.idempotency.models import IdempotencyRecord
from central.idempotency.service import PRIVATE_FIELDS, fingerprint
from central.main import build_context
from central.tickets.models import Ticket
from tests.central.conftest import T0, make_settings
from tests.central.factories import World, build_world
from tests.central.http import API, ApiClient
from tests.central.live_server import LiveServer, together


@pytest.fixture(autouse=True)
def _cheap_hashing(fast_passwords: None) -> None:
    """Passwords are not the subject here: hash them cheaply (before `world` is built)."""


REPLAYED = "Idempotent-Replayed"


def _issue(api: ApiClient, username: str, key: str, prefix: str = "A") -> httpx.Response:
    staff = api.login(username)
    body = {"service_id": api.world.services[prefix]}
    return staff.post(f"/centres/{api.world.centre_id}/tickets", body, key=key)


def _tickets(ctx: AppContext) -> list[tuple[str, str]]:
    with ctx.db.reading() as session:
        rows = session.execute(select(Ticket.number, Ticket.status).order_by(Ticket.id)).all()
    return [(row.number, row.status) for row in rows]


def test_same_key_same_body_replays_without_a_second_ticket(
    api: ApiClient, ctx: AppContext
) -> None:
    reception = api.login("reception")
    path = f"/centres/{api.world.centre_id}/tickets"
    body = {"service_id": api.world.services["A"]}
    first = reception.post(path, body, key="issue-1")
    again = reception.post(path, body, key="issue-1")
    assert first.status_code == again.status_code == 201
    assert REPLAYED not in first.headers
    assert again.headers[REPLAYED] == "true"
    # The stored answer is the first one, less the free text kept out of stored answers.
    assert again.json() == {k: v for k, v in first.json().items() if k not in PRIVATE_FIELDS}
    assert first.json()["number"] == "A001"
    assert _tickets(ctx) == [("A001", "waiting")]
    fresh = reception.post(path, body, key="issue-2")
    assert fresh.status_code == 201
    assert REPLAYED not in fresh.headers
    assert fresh.json()["number"] == "A002"


def test_call_next_replay_returns_the_same_ticket(api: ApiClient, ctx: AppContext) -> None:
    reception, attendant = api.login("reception"), api.login("attendant")
    api.issue(reception, "A")
    api.issue(reception, "A")
    api.open_counter(attendant, 1)
    path = f"/counters/{api.world.counters[1]}/call-next"
    first = attendant.post(path, key="call-1")
    again = attendant.post(path, key="call-1")
    assert first.status_code == again.status_code == 200, again.text
    assert again.headers[REPLAYED] == "true"
    assert again.json()["ticket"]["number"] == first.json()["ticket"]["number"] == "A001"
    assert _tickets(ctx) == [("A001", "called"), ("A002", "waiting")]
    # A new key is a new command: the counter is busy with A001, so it is refused.
    busy = attendant.post(path, key="call-2")
    assert busy.status_code == 409
    assert busy.json()["error"]["code"] == "counter.busy"


def test_same_key_other_body_is_refused(api: ApiClient, ctx: AppContext) -> None:
    assert _issue(api, "reception", "k", "A").status_code == 201
    other = _issue(api, "reception", "k", "B")
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency.key_reused"
    assert _tickets(ctx) == [("A001", "waiting")]


def test_same_key_on_another_route_is_refused(api: ApiClient) -> None:
    attendant = api.login("attendant")
    counters = api.world.counters
    assert attendant.post(f"/counters/{counters[1]}/open", key="k").status_code == 200
    response = attendant.post(f"/counters/{counters[1]}/close", key="k")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "idempotency.key_reused"


@pytest.mark.parametrize("key", [None, "", "x" * 129])
def test_a_command_needs_a_key(api: ApiClient, ctx: AppContext, key: str | None) -> None:
    reception = api.login("reception")
    headers = dict(reception.headers)
    if key is not None:
        headers["Idempotency-Key"] = key
    response = api.client.post(
        f"{API}/centres/{api.world.centre_id}/tickets",
        json={"service_id": api.world.services["A"]},
        headers=headers,
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "idempotency.key_required"
    assert _tickets(ctx) == []


def test_the_longest_key_is_accepted(api: ApiClient) -> None:
    assert _issue(api, "reception", "k" * 128).status_code == 201


def test_keys_belong_to_their_user(api: ApiClient, ctx: AppContext) -> None:
    first = _issue(api, "reception", "shared-key")
    second = _issue(api, "supervisor", "shared-key")
    assert first.status_code == second.status_code == 201
    assert REPLAYED not in second.headers
    assert [first.json()["number"], second.json()["number"]] == ["A001", "A002"]
    assert len(_tickets(ctx)) == 2


def test_a_refused_command_is_not_remembered(api: ApiClient, ctx: AppContext) -> None:
    api.issue(api.login("reception"), "A")
    attendant = api.login("attendant")
    api.open_counter(attendant, 1)
    counter = api.world.counters[1]
    attendant.ok("post", f"/counters/{counter}/pause", {"reason": "break"})
    path = f"/counters/{counter}/call-next"
    refused = attendant.post(path, key="call-1")
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "counter.paused"
    with ctx.db.reading() as session:
        keys = session.execute(select(IdempotencyRecord.key)).scalars().all()
    assert "call-1" not in keys
    attendant.ok("post", f"/counters/{counter}/resume")
    retried = attendant.post(path, key="call-1")
    assert retried.status_code == 200, retried.text
    assert REPLAYED not in retried.headers
    assert retried.json()["ticket"]["number"] == "A001"


def test_a_replay_survives_a_changed_state(api: ApiClient) -> None:
    """The retry of a command that succeeded gets its answer even when replaying it now would
    be refused (the ticket moved on since)."""
    ticket = api.issue(api.login("reception"), "A")
    attendant = api.login("attendant")
    api.open_counter(attendant, 1)
    attendant.ok("post", f"/counters/{api.world.counters[1]}/call-next")
    start = attendant.post(f"/tickets/{ticket['id']}/start", key="start-1")
    assert start.status_code == 200
    finish = attendant.post(
        f"/tickets/{ticket['id']}/finish", {"outcome": "resolved"}, key="finish-1"
    )
    assert finish.json()["status"] == "done"
    again = attendant.post(f"/tickets/{ticket['id']}/start", key="start-1")
    assert again.status_code == 200
    assert again.headers[REPLAYED] == "true"
    assert again.json()["status"] == "serving"


# --- concurrency, on PostgreSQL --------------------------------------------------------------


@pytest.fixture
def pg_live(pg_url: str) -> Iterator[tuple[LiveServer, World]]:
    """The app under uvicorn on a fresh PostgreSQL database, for real concurrent requests."""
    ctx = build_context(make_settings(pg_url), FrozenClock(T0))
    with ctx.db.writing() as session:
        world = build_world(session, ctx.clock.now())
    try:
        with LiveServer(ctx) as server:
            yield server, world
    finally:
        ctx.db.dispose()


@pytest.mark.postgres
def test_concurrent_retries_of_call_next_call_one_ticket(
    pg_live: tuple[LiveServer, World],
) -> None:
    server, world = pg_live
    reception, attendant = server.login("reception"), server.login("attendant")
    for _ in range(3):
        reception.ok(f"/centres/{world.centre_id}/tickets", {"service_id": world.services["A"]})
    attendant.ok(f"/counters/{world.counters[1]}/open")
    path = f"/counters/{world.counters[1]}/call-next"
    responses = together(attendant, 10, lambda twin: twin.post(path, key="call-once"))
    assert [r.status_code for r in responses] == [200] * 10, [r.text for r in responses]
    assert {r.json()["ticket"]["number"] for r in responses} == {"A001"}
    assert sum(REPLAYED not in r.headers for r in responses) == 1
    assert _tickets(server.ctx) == [("A001", "called"), ("A002", "waiting"), ("A003", "waiting")]


@pytest.mark.postgres
def test_concurrent_retries_of_issue_issue_one_ticket(pg_live: tuple[LiveServer, World]) -> None:
    """Issuing has no state to refuse a second attempt: the key alone must stop it."""
    server, world = pg_live
    reception = server.login("reception")
    path = f"/centres/{world.centre_id}/tickets"
    body = {"service_id": world.services["A"]}
    responses = together(reception, 10, lambda twin: twin.post(path, body, key="issue-once"))
    assert [r.status_code for r in responses] == [201] * 10, [r.text for r in responses]
    assert {r.json()["number"] for r in responses} == {"A001"}
    assert sum(REPLAYED not in r.headers for r in responses) == 1
    assert _tickets(server.ctx) == [("A001", "waiting")]
    # The attempts that lost rolled back their number too: the next ticket is A002.
    assert reception.ok(path, body)["number"] == "A002"


def test_user_creation_replays_and_keeps_no_fast_hash_of_the_password(
    api: ApiClient, ctx: AppContext
) -> None:
    admin = api.login("admin")
    body = {
        "username": "new.person",
        "full_name": "New Person",
        "password": "a-long-enough-password",
        "role": "attendant",
        "centre_id": api.world.centre_id,
    }
    first = admin.post("/users", body, key="user-1")
    again = admin.post("/users", body, key="user-1")
    assert first.status_code == again.status_code == 201
    assert again.headers[REPLAYED] == "true"
    assert again.json() == first.json()
    other = admin.post("/users", {**body, "password": "another-long-password"}, key="user-1")
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency.key_reused"
    with ctx.db.reading() as session:
        stored = session.execute(
            select(IdempotencyRecord.request_hash).where(IdempotencyRecord.key == "user-1")
        ).scalar_one()
    # A SHA-256 over the request as sent would let a database copy test password guesses fast.
    assert stored != fingerprint(f"{API}/users", body)


def test_notes_are_answered_once_and_never_stored(api: ApiClient, ctx: AppContext) -> None:
    ticket = api.issue(api.login("reception"), "A")
    attendant = api.login("attendant")
    api.open_counter(attendant, 1)
    attendant.ok("post", f"/counters/{api.world.counters[1]}/call-next")
    attendant.ok("post", f"/tickets/{ticket['id']}/start")
    path, body = f"/tickets/{ticket['id']}/finish", {"outcome": "resolved", "notes": "Sr. Silva"}
    first = attendant.post(path, body, key="finish-1")
    again = attendant.post(path, body, key="finish-1")
    assert first.json()["notes"] == "Sr. Silva"  # the ticket keeps them ...
    assert again.headers[REPLAYED] == "true"
    assert "notes" not in again.json()  # ... the stored answer does not
    with ctx.db.reading() as session:
        stored = session.execute(
            select(IdempotencyRecord.response).where(IdempotencyRecord.key == "finish-1")
        ).scalar_one()
    assert "Silva" not in str(stored)
