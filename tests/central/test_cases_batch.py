"""Filing many cases in one request (`POST /centres/{id}/cases/batch`): each item is the single
route with its own Idempotency-Key (filed, replayed, refused alone), in one transaction."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from central.cases.models import Case
from central.context import AppContext
from central.events.models import Event
from tests.central.case_factories import add_case_reference, body_for
from tests.central.factories import World
from tests.central.http import ApiClient, StaffSession


@pytest.fixture(autouse=True)
def _setup(fast_passwords: None, ctx: AppContext, world: World) -> None:
    with ctx.db.writing() as session:
        add_case_reference(session)


def _batch(api: ApiClient, staff: StaffSession, items: list[dict[str, Any]]) -> Any:
    response: httpx.Response = staff.client.post(
        f"/api/v1/centres/{api.world.centre_id}/cases/batch",
        json={"items": items},
        headers=staff.headers,
    )
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["key"] for r in results] == [i["key"] for i in items]  # in item order
    return results


def _items(*kinds: str) -> list[dict[str, Any]]:
    return [
        {"key": str(uuid.uuid4()), "case": body_for(kind, provisional_reference=f"P-1-{n}")}
        for n, kind in enumerate(kinds, start=1)
    ]


def _count(ctx: AppContext, what: Any) -> int:
    with ctx.db.reading() as session:
        return int(session.execute(select(func.count()).select_from(what)).scalar_one())


def test_a_batch_files_each_case_and_a_replay_files_nothing_more(
    api: ApiClient, ctx: AppContext
) -> None:
    attendant = api.login("attendant")
    items = _items("information_request", "complaint", "incident")
    first = _batch(api, attendant, items)
    assert [(r["status"], r["replayed"]) for r in first] == [(201, False)] * 3
    references = [r["body"]["reference"] for r in first]
    assert references == [f"TST-2026-{n:06d}" for n in (1, 2, 3)]
    assert [r["body"]["provisional_reference"] for r in first] == ["P-1-1", "P-1-2", "P-1-3"]
    assert _count(ctx, Event) == 3  # one `case.received` each, as the single route emits

    again = _batch(api, attendant, items)  # the answer was lost: the desktop sends it again
    assert [(r["status"], r["replayed"]) for r in again] == [(201, True)] * 3
    assert [r["body"]["reference"] for r in again] == references
    assert (_count(ctx, Case), _count(ctx, Event)) == (3, 3)


def test_one_case_refused_leaves_the_others_filed(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    items = _items("information_request", "incident", "suggestion", "complaint")
    items[1]["case"]["category_code"] = "no_such_category"  # refused by the service
    del items[2]["case"]["description"]  # refused by the body's own checks
    results = _batch(api, attendant, items)
    assert [r["status"] for r in results] == [201, 422, 422, 201]
    refused = [r["body"]["error"] for r in results[1:3]]
    assert [e["code"] for e in refused] == ["validation.failed"] * 2
    # The same locations as the single route gives, so the desktop shows the same field.
    assert [f["loc"] for f in refused[0]["details"]["fields"]] == [["body", "category_code"]]
    assert refused[1]["details"]["fields"] == [{"loc": ["body", "description"], "type": "missing"}]
    with ctx.db.reading() as session:
        filed = session.execute(select(Case.provisional_reference).order_by(Case.id)).scalars()
        assert list(filed) == ["P-1-1", "P-1-4"]
    with ctx.db.reading() as session:  # the filed ones' events, nothing of the refused
        events = session.execute(select(Event.payload).order_by(Event.seq)).scalars()
        references = [r["body"]["reference"] for r in (results[0], results[3])]
        assert [e["case"]["reference"] for e in events] == references


def test_a_key_sent_alone_first_is_replayed_in_a_batch(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    items = _items("information_request", "suggestion")
    alone = attendant.post(f"/centres/{api.world.centre_id}/cases", items[0]["case"],
                           key=items[0]["key"])  # fmt: skip
    assert alone.status_code == 201, alone.text
    reused = {"key": items[0]["key"], "case": body_for("complaint")}  # same key, other case
    # Another key, the same provisional reference (sent again from another session).
    again = {"key": str(uuid.uuid4()), "case": items[0]["case"]}
    results = _batch(api, attendant, [*items, reused, again])
    assert [(r["status"], r["replayed"]) for r in results] == [
        (201, True),
        (201, False),
        (422, False),
        (409, False),
    ]
    assert results[0]["body"]["reference"] == alone.json()["reference"]
    assert results[2]["body"]["error"]["code"] == "idempotency.key_reused"
    taken = results[3]["body"]["error"]
    assert (taken["code"], taken["details"]["reference"]) == (
        "case.provisional_reference_taken",
        alone.json()["reference"],
    )
    assert _count(ctx, Case) == 2
