"""Which role may call which route, checked against an independent table of intent.

The table below is written from what each role does at the centre, not read from the code: if a
route's role check changes, or a route is added without an entry here, a test fails.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import fastapi.routing
import httpx
import pytest
from fastapi import FastAPI

from central.auth.roles import Role
from tests.central.http import API, ApiClient, StaffSession


@pytest.fixture(autouse=True)
def _cheap_hashing(fast_passwords: None) -> None:
    """Passwords are not the subject here: hash them cheaply (before `world` is built)."""


ATTENDANT, RECEPTION, SUPERVISOR, ADMIN = "attendant", "reception", "supervisor", "admin"
ETHICS = "ethics_officer"
EDITOR = "knowledge_editor"
ROLES = (ATTENDANT, RECEPTION, SUPERVISOR, ADMIN, ETHICS, EDITOR)
EVERYONE = frozenset(ROLES)
# The ethics officer handles the ethics mailbox and has no business with the queue.
STAFF = frozenset({ATTENDANT, RECEPTION, SUPERVISOR, ADMIN})
FRONT_DESK = frozenset({RECEPTION, SUPERVISOR, ADMIN})
AT_COUNTER = frozenset({ATTENDANT, SUPERVISOR, ADMIN})
MANAGERS = frozenset({SUPERVISOR, ADMIN})
ONLY_ADMIN = frozenset({ADMIN})
# Cases are the centre's staff's and, for ethics reports, the ethics officer's.
CASES = STAFF | {ETHICS}
# The knowledge base: the staff read it and suggest, editors (and admins) write it.
KNOWLEDGE_READERS = STAFF | {EDITOR}
EDITORS = frozenset({EDITOR, ADMIN})

EVENTS = ("GET", "/centres/{centre_id}/events")

EXPECTED: dict[tuple[str, str], frozenset[str]] = {
    # reading
    ("GET", "/auth/me"): EVERYONE,
    ("GET", "/centres"): EVERYONE,
    ("GET", "/centres/{centre_id}"): EVERYONE,
    ("GET", "/centres/{centre_id}/queue"): STAFF,
    ("GET", "/centres/{centre_id}/tickets"): STAFF,
    ("GET", "/tickets/{ticket_id}"): STAFF,
    EVENTS: STAFF,
    # the front desk
    ("POST", "/centres/{centre_id}/tickets"): FRONT_DESK,
    ("POST", "/tickets/{ticket_id}/cancel"): FRONT_DESK,
    ("POST", "/tickets/{ticket_id}/reactivate"): FRONT_DESK,
    # the counter
    ("POST", "/counters/{counter_id}/call-next"): AT_COUNTER,
    ("POST", "/counters/{counter_id}/call"): AT_COUNTER,
    ("POST", "/tickets/{ticket_id}/recall"): AT_COUNTER,
    ("POST", "/tickets/{ticket_id}/start"): AT_COUNTER,
    ("POST", "/tickets/{ticket_id}/finish"): AT_COUNTER,
    ("POST", "/tickets/{ticket_id}/no-show"): AT_COUNTER,
    ("POST", "/tickets/{ticket_id}/transfer"): AT_COUNTER,
    ("POST", "/tickets/{ticket_id}/park"): AT_COUNTER,
    ("POST", "/tickets/{ticket_id}/return"): AT_COUNTER,
    ("POST", "/counters/{counter_id}/open"): AT_COUNTER,
    ("POST", "/counters/{counter_id}/pause"): AT_COUNTER,
    ("POST", "/counters/{counter_id}/resume"): AT_COUNTER,
    ("POST", "/counters/{counter_id}/close"): AT_COUNTER,
    # management
    ("PUT", "/counters/{counter_id}/services"): MANAGERS,
    ("GET", "/users"): MANAGERS,
    ("POST", "/users"): ONLY_ADMIN,
    # cases: staff and ethics officers reach the routes, the service decides which cases each
    # role sees (ethics reports: the ethics officer only; the others: the centre's staff)
    ("GET", "/case-reference"): CASES,
    ("POST", "/centres/{centre_id}/cases"): STAFF,
    ("POST", "/centres/{centre_id}/cases/batch"): STAFF,  # the outbox drained many at once
    ("GET", "/centres/{centre_id}/cases"): CASES,
    ("POST", "/cases/search"): CASES,
    ("GET", "/cases/{reference}"): CASES,
    ("PATCH", "/cases/{reference}"): CASES,
    ("GET", "/cases/{reference}/history"): CASES,
    ("POST", "/cases/{reference}/status"): CASES,
    ("POST", "/cases/{reference}/notes"): CASES,
    ("POST", "/cases/{reference}/attachments"): CASES,
    ("GET", "/cases/{reference}/attachments/{attachment_id}"): CASES,
    ("POST", "/ethics/follow-up"): CASES,
    ("POST", "/citizens/case-reads"): MANAGERS,
    ("POST", "/incidents/similar"): STAFF,
    # knowledge: editors write and review, the counters sync and suggest
    ("GET", "/knowledge/articles"): EDITORS,
    ("POST", "/knowledge/articles"): EDITORS,
    ("GET", "/knowledge/articles/{article_id}"): EDITORS,
    ("PUT", "/knowledge/articles/{article_id}"): EDITORS,
    ("POST", "/knowledge/articles/{article_id}/publish"): EDITORS,
    ("POST", "/knowledge/articles/{article_id}/retire"): EDITORS,
    ("GET", "/knowledge/articles/{article_id}/revisions"): EDITORS,
    ("GET", "/knowledge/articles/{article_id}/revisions/{version}"): EDITORS,
    ("POST", "/knowledge/articles/{article_id}/suggestions"): STAFF,
    ("GET", "/knowledge/suggestions"): EDITORS,
    ("POST", "/knowledge/suggestions/{suggestion_id}/accept"): EDITORS,
    ("POST", "/knowledge/suggestions/{suggestion_id}/reject"): EDITORS,
    ("GET", "/sync/knowledge"): KNOWLEDGE_READERS,
    # the articles used in a visit: recorded by whoever serves it, read by the centre's staff
    ("POST", "/tickets/{ticket_id}/knowledge-uses"): AT_COUNTER,
    ("GET", "/tickets/{ticket_id}/knowledge-uses"): STAFF,
    # appointments: the staff book, check in and read; managers set schedules and rules
    ("GET", "/centres/{centre_id}/appointment-rules"): STAFF,
    ("PUT", "/centres/{centre_id}/appointment-rules"): MANAGERS,
    ("GET", "/centres/{centre_id}/appointment-schedules"): STAFF,
    ("PUT", "/centres/{centre_id}/services/{service_id}/appointment-schedule"): MANAGERS,
    ("GET", "/centres/{centre_id}/appointment-closures"): STAFF,
    ("POST", "/centres/{centre_id}/appointment-closures"): MANAGERS,
    ("DELETE", "/appointment-closures/{closure_id}"): MANAGERS,
    ("GET", "/services/{service_id}/free-slots"): STAFF,
    ("POST", "/centres/{centre_id}/appointments"): STAFF,
    ("GET", "/centres/{centre_id}/appointments"): STAFF,
    ("POST", "/centres/{centre_id}/appointments/search"): STAFF,
    ("GET", "/appointments/{appointment_ref}"): STAFF,
    ("GET", "/appointments/{appointment_ref}.ics"): STAFF,
    ("POST", "/appointments/{appointment_ref}/reschedule"): STAFF,
    ("POST", "/appointments/{appointment_ref}/cancel"): STAFF,
    ("POST", "/appointments/{appointment_ref}/check-in"): STAFF,
    ("GET", "/centres/{centre_id}/services/{service_id}/appointments.ics"): STAFF,
    ("GET", "/tickets/{ticket_id}/appointment"): STAFF,
}

# Reads of personal data say why.
QUERIES: dict[tuple[str, str], dict[str, str]] = {
    ("GET", "/cases/{reference}"): {"purpose": "follow_up"},
    ("GET", "/cases/{reference}/attachments/{attachment_id}"): {"purpose": "follow_up"},
    ("GET", "/appointments/{appointment_ref}"): {"purpose": "follow_up"},
    ("GET", "/tickets/{ticket_id}/appointment"): {"purpose": "follow_up"},
    ("GET", "/centres/{centre_id}/appointment-closures"): {
        "from": "2026-11-01",
        "to": "2026-12-31",
    },
    ("GET", "/centres/{centre_id}/services/{service_id}/appointments.ics"): {"date": "2026-11-24"},
}

PUBLIC = {
    ("POST", "/auth/login"),
    ("POST", "/auth/refresh"),
    ("POST", "/auth/logout"),
    ("GET", "/health"),
}


def _routes(app: FastAPI) -> Iterable[Any]:
    # FastAPI may keep included routers lazily; iter_route_contexts flattens them when present.
    flatten = getattr(fastapi.routing, "iter_route_contexts", None)
    return list(flatten(app.routes)) if flatten is not None else list(app.routes)


def api_routes(app: FastAPI) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for route in _routes(app):
        path = getattr(route, "path", None) or ""
        if not path.startswith(API + "/"):
            continue
        for method in set(getattr(route, "methods", None) or ()) - {"HEAD"}:
            found.add((method, path.removeprefix(API)))
    return found


def test_the_table_covers_every_route(api: ApiClient) -> None:
    app = api.client.app
    assert isinstance(app, FastAPI)
    routes = api_routes(app)
    assert len(routes) > len(PUBLIC)  # the enumeration itself found the routes
    assert routes - PUBLIC == set(EXPECTED), "update EXPECTED for new or removed routes"
    assert routes >= PUBLIC
    assert set(Role) == set(ROLES)


def test_the_api_document_lists_every_route(api: ApiClient) -> None:
    app = api.client.app
    assert isinstance(app, FastAPI)
    doc = (Path(__file__).parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [f"{m} {p}" for m, p in sorted(api_routes(app)) if f"| {m} | `{p}` |" not in doc]
    assert missing == [], "docs/api.md lacks these routes"


def test_public_routes_need_no_token(api: ApiClient) -> None:
    assert api.client.get(f"{API}/health").status_code == 200
    for path in ("/auth/login", "/auth/refresh", "/auth/logout"):
        response = api.client.post(API + path, json={})
        assert response.status_code == 422, path  # validated, never asked for a token
        assert response.json()["error"]["code"] == "validation.failed"


def _request(
    staff: StaffSession, method: str, template: str, ids: dict[str, Any], body: Any
) -> httpx.Response:
    path = template.format(**ids)
    if method == "GET":
        return staff.get(path, **QUERIES.get((method, template), {}))
    if method == "PUT":
        return staff.put(path, body)
    if method == "DELETE":
        headers = {**staff.headers, "Idempotency-Key": str(uuid.uuid4())}
        deleted: httpx.Response = staff.client.delete(API + path, headers=headers)
        return deleted
    if method == "PATCH":
        headers = {**staff.headers, "Idempotency-Key": str(uuid.uuid4()), "If-Match": '"1"'}
        return staff.client.patch(API + path, json=body, headers=headers)
    return staff.post(path, body)


def _bodies(api: ApiClient, role: str) -> dict[tuple[str, str], Any]:
    world = api.world
    return {
        ("POST", "/centres/{centre_id}/tickets"): {"service_id": world.services["A"]},
        ("POST", "/tickets/{ticket_id}/reactivate"): {"position": "back"},
        ("POST", "/counters/{counter_id}/call"): {"number": "A001"},
        ("POST", "/tickets/{ticket_id}/finish"): {"outcome": "resolved"},
        ("POST", "/tickets/{ticket_id}/transfer"): {"service_id": world.services["B"]},
        ("POST", "/tickets/{ticket_id}/return"): {"counter_id": world.counters[1]},
        ("POST", "/counters/{counter_id}/pause"): {"reason": "break"},
        ("PUT", "/counters/{counter_id}/services"): {
            "services": [{"service_id": world.services["A"], "weight": 1.0}]
        },
        ("POST", "/centres/{centre_id}/cases"): {
            "type_code": "information_request",
            "description": "Horário da biblioteca",
        },
        ("POST", "/centres/{centre_id}/cases/batch"): {
            "items": [
                {
                    "key": str(uuid.uuid4()),
                    "case": {"type_code": "information_request", "description": "Horário"},
                }
            ]
        },
        ("POST", "/cases/search"): {"reference": "TST-2026-000001", "purpose": "follow_up"},
        ("PATCH", "/cases/{reference}"): {"subject": "Assunto"},
        ("POST", "/cases/{reference}/status"): {"status": "in_progress"},
        ("POST", "/cases/{reference}/notes"): {"text": "Nota"},
        ("POST", "/ethics/follow-up"): {"reference": "TST-2026-000001", "code": "0" * 16},
        ("POST", "/citizens/case-reads"): {"nif": "123456789", "purpose": "supervision"},
        ("POST", "/incidents/similar"): {"category_code": "x", "text": "candeeiro apagado"},
        ("POST", "/knowledge/articles"): {
            "code": f"artigo-{role}",
            "owner": "Divisão de Atendimento",
            "variants": [{"language": "pt-PT", "title": "Artigo"}],
        },
        ("PUT", "/knowledge/articles/{article_id}"): {
            "owner": "Divisão de Atendimento",
            "variants": [{"language": "pt-PT", "title": "Artigo revisto"}],
        },
        ("POST", "/knowledge/articles/{article_id}/suggestions"): {
            "kind": "note",
            "text": "O horário mudou.",
        },
        ("PUT", "/centres/{centre_id}/appointment-rules"): {
            "checkin_early_minutes": 30,
            "late_minutes": 15,
            "late_action": "refuse",
        },
        ("PUT", "/centres/{centre_id}/services/{service_id}/appointment-schedule"): {
            "weekly_hours": {"tue": [["09:00", "12:00"]]},
            "slot_minutes": 30,
            "capacity": 2,
        },
        ("POST", "/centres/{centre_id}/appointment-closures"): {
            "day": "2026-12-01",
            "reason": "Feriado",
        },
        ("POST", "/centres/{centre_id}/appointments"): {
            "service_id": world.services["A"],
            "starts_at": "2026-11-24T10:00:00Z",
            "citizen": {"name": "Ana Lopes", "phone": "912345678"},
        },
        ("POST", "/centres/{centre_id}/appointments/search"): {
            "name": "ana",
            "purpose": "follow_up",
        },
        ("POST", "/appointments/{appointment_ref}/reschedule"): {
            "starts_at": "2026-11-24T11:00:00Z"
        },
        ("POST", "/users"): {
            "username": f"new-{role}",
            "full_name": "New Person",
            "password": "a-long-enough-password",
            "role": "attendant",
            "centre_id": world.centre_id,
        },
    }


PDF = b"%PDF-1.4\n%%EOF\n"


def _a_case_the_role_may_see(api: ApiClient, role: str) -> dict[str, Any]:
    """A case with an attachment: an ethics report for the ethics officer, else a request."""
    attendant = api.login(ATTENDANT)
    if role == EDITOR:  # no case to see; the case routes refuse the role anyway
        return {"reference": "TST-2026-000001", "attachment_id": 1}
    kind = "ethics_report" if role == ETHICS else "information_request"
    filed = attendant.ok(
        "post",
        f"/centres/{api.world.centre_id}/cases",
        {"type_code": kind, "description": "Um caso"},
    )
    headers = {
        **attendant.headers,
        "Idempotency-Key": str(uuid.uuid4()),
        "Content-Type": "application/pdf",
        "X-Content-SHA256": hashlib.sha256(PDF).hexdigest(),
    }
    if filed["follow_up_code"]:
        headers["X-Follow-Up-Code"] = filed["follow_up_code"]
    response = attendant.client.post(
        f"{API}/cases/{filed['reference']}/attachments", content=PDF, headers=headers
    )
    assert response.status_code == 201, response.text
    return {"reference": filed["reference"], "attachment_id": response.json()["id"]}


def _a_published_article_with_a_suggestion(api: ApiClient) -> dict[str, Any]:
    editor = api.login(EDITOR)
    article = editor.ok(
        "post",
        "/knowledge/articles",
        {
            "code": "artigo-de-teste",
            "owner": "Divisão de Atendimento",
            "variants": [{"language": "pt-PT", "title": "Artigo de teste"}],
        },
    )
    published = editor.post(
        f"/knowledge/articles/{article['id']}/publish", {}, headers={"If-Match": '"1"'}
    )
    assert published.status_code == 200, published.text
    suggestion = api.login(ATTENDANT).ok(
        "post", f"/knowledge/articles/{article['id']}/suggestions", {"kind": "note", "text": "x"}
    )
    return {"article_id": article["id"], "version": 1, "suggestion_id": suggestion["id"]}


def _an_appointment(api: ApiClient) -> dict[str, Any]:
    """A schedule for service A (Tuesdays 09:00-12:00), a closure, and one booking."""
    world = api.world
    supervisor = api.login(SUPERVISOR)
    schedule = supervisor.put(
        f"/centres/{world.centre_id}/services/{world.services['A']}/appointment-schedule",
        {"weekly_hours": {"tue": [["09:00", "12:00"]]}, "slot_minutes": 30, "capacity": 2},
    )
    assert schedule.status_code == 200, schedule.text
    closure = supervisor.ok(
        "post",
        f"/centres/{world.centre_id}/appointment-closures",
        {"day": "2026-12-08", "reason": "Feriado"},
    )
    booked = api.login(RECEPTION).ok(
        "post",
        f"/centres/{world.centre_id}/appointments",
        {
            "service_id": world.services["A"],
            "starts_at": "2026-11-24T09:00:00Z",
            "citizen": {"name": "Rui Costa", "phone": "912345678"},
        },
    )
    return {
        "service_id": world.services["A"],
        "closure_id": closure["id"],
        "appointment_ref": booked["appointment"]["reference"],
    }


def _error_code(response: httpx.Response) -> str:
    if response.is_success:
        return ""
    code: str = response.json()["error"]["code"]
    return code


def _open_stream(staff: StaffSession, path: str) -> tuple[int, str, str]:
    """Status, error code (if any) and the first chunk of an SSE route, without waiting for
    the (endless) stream to end: leaving the block cancels it."""
    with staff.client.stream("GET", API + path, headers=staff.headers) as response:
        if response.status_code != 200:
            response.read()
            return response.status_code, response.json()["error"]["code"], ""
        first = next(response.iter_text())
        return 200, "", first


@pytest.mark.parametrize("role", ROLES)
def test_each_route_admits_exactly_the_roles_in_the_table(api: ApiClient, role: str) -> None:
    world = api.world
    ticket = api.issue(api.login(RECEPTION), "A")
    ids: dict[str, Any] = {
        "centre_id": world.centre_id,
        "counter_id": world.counters[1],
        "ticket_id": ticket["id"],
        **_a_case_the_role_may_see(api, role),
        **_a_published_article_with_a_suggestion(api),
        **_an_appointment(api),
    }
    staff = api.login(role)
    bodies = _bodies(api, role)
    wrong: list[str] = []
    for (method, template), allowed in sorted(EXPECTED.items()):
        if (method, template) == EVENTS:
            status, code, first = _open_stream(staff, template.format(**ids))
            if status == 200:
                assert first.startswith("retry:"), first
        else:
            response = _request(staff, method, template, ids, bodies.get((method, template)))
            status, code = response.status_code, _error_code(response)
        refused = status == 403 and code == "auth.forbidden"
        if role in allowed:
            # Allowed: past the role check. The state may still refuse (404/409/422 or a
            # counter owned by someone else), but never by role, and nothing breaks.
            ok = not refused and status not in (401, 500)
            if method == "GET":
                ok = status == 200
        else:
            ok = refused
        if not ok:
            wrong.append(f"{method} {template}: {status} {code}")
    assert wrong == [], f"{role}: " + "; ".join(wrong)


# --- centres --------------------------------------------------------------------------------

# Routes a user of the other centre may call by role, aimed at this centre's resources.
CROSS_CENTRE = [
    (ATTENDANT, "GET", "/centres/{centre_id}"),
    (ATTENDANT, "GET", "/centres/{centre_id}/queue"),
    (ATTENDANT, "GET", "/centres/{centre_id}/tickets"),
    (ATTENDANT, "GET", "/tickets/{ticket_id}"),
    (ATTENDANT, "GET", "/centres/{centre_id}/events"),
    (ATTENDANT, "POST", "/counters/{counter_id}/open"),
    (ATTENDANT, "POST", "/counters/{counter_id}/call-next"),
    (ATTENDANT, "POST", "/counters/{counter_id}/call"),
    (ATTENDANT, "POST", "/counters/{counter_id}/pause"),
    (ATTENDANT, "POST", "/counters/{counter_id}/resume"),
    (ATTENDANT, "POST", "/counters/{counter_id}/close"),
    (ATTENDANT, "POST", "/tickets/{ticket_id}/recall"),
    (ATTENDANT, "POST", "/tickets/{ticket_id}/start"),
    (ATTENDANT, "POST", "/tickets/{ticket_id}/finish"),
    (ATTENDANT, "POST", "/tickets/{ticket_id}/no-show"),
    (ATTENDANT, "POST", "/tickets/{ticket_id}/transfer"),
    (ATTENDANT, "POST", "/tickets/{ticket_id}/park"),
    (ATTENDANT, "POST", "/tickets/{ticket_id}/return"),
    (RECEPTION, "POST", "/centres/{centre_id}/tickets"),
    (RECEPTION, "POST", "/tickets/{ticket_id}/cancel"),
    (RECEPTION, "POST", "/tickets/{ticket_id}/reactivate"),
]


def test_cross_centre_cases_are_allowed_by_role() -> None:
    for role, method, template in CROSS_CENTRE:
        assert role in EXPECTED[(method, template)]


def test_users_of_another_centre_get_wrong_centre(api: ApiClient) -> None:
    world = api.world
    reception, attendant = api.login(RECEPTION), api.login(ATTENDANT)
    ticket = api.issue(reception, "A")
    api.open_counter(attendant, 1)
    # A001 is at counter 1, being served: every ticket action has something to act on.
    attendant.ok("post", f"/counters/{world.counters[1]}/call-next")
    ids = {"centre_id": world.centre_id, "counter_id": world.counters[1], "ticket_id": ticket["id"]}
    strangers = {ATTENDANT: api.login("other_attendant"), RECEPTION: api.login("other_reception")}
    bodies = _bodies(api, "stranger")
    wrong: list[str] = []
    for role, method, template in CROSS_CENTRE:
        staff = strangers[role]
        if (method, template) == EVENTS:
            status, code, _ = _open_stream(staff, template.format(**ids))
        else:
            response = _request(staff, method, template, ids, bodies.get((method, template)))
            status, code = response.status_code, _error_code(response)
        if (status, code) != (403, "auth.wrong_centre"):
            wrong.append(f"{method} {template}: {status} {code}")
    assert wrong == []
    # Nothing changed: the ticket is still A001 at counter 1, and no ticket was issued.
    after = attendant.ok("get", f"/tickets/{ticket['id']}")
    assert (after["status"], after["counter_id"]) == ("called", world.counters[1])
    assert len(attendant.ok("get", f"/centres/{world.centre_id}/tickets")) == 1


def test_centre_list_shows_only_the_users_centre(api: ApiClient) -> None:
    world = api.world
    mine = api.login("other_attendant").ok("get", "/centres")
    assert [c["id"] for c in mine] == [world.other_centre_id]
    everything = api.login(ADMIN).ok("get", "/centres")
    assert {c["id"] for c in everything} == {world.centre_id, world.other_centre_id}


def test_admin_acts_on_every_centre(api: ApiClient) -> None:
    admin = api.login(ADMIN)
    response = admin.post(
        f"/centres/{api.world.other_centre_id}/tickets",
        {"service_id": api.world.other_service_id},
    )
    assert response.status_code == 201, response.text
    assert response.json()["centre_id"] == api.world.other_centre_id
