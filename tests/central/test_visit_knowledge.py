"""The articles used in a visit: recorded once per ticket and article by whoever serves the
ticket (201, then 200), listed for the centre's staff, refused for unknown things and others."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.central.http import ApiClient, StaffSession, expect_error
from tests.central.live_server import LiveServer, together


@pytest.fixture(autouse=True)
def _cheap_hashing(fast_passwords: None) -> None:
    """Passwords are not the subject here."""


def _published_article(editor: StaffSession, code: str) -> Any:
    article = editor.ok(
        "post",
        "/knowledge/articles",
        {
            "code": code,
            "owner": "Divisão de Atendimento",
            "variants": [{"language": "pt-PT", "title": f"Artigo {code}"}],
        },
    )
    published = editor.post(
        f"/knowledge/articles/{article['id']}/publish", {}, headers={"If-Match": '"1"'}
    )
    assert published.status_code == 200, published.text
    return published.json()


@pytest.fixture
def served(api: ApiClient) -> tuple[StaffSession, Any]:
    """The attendant at counter 1, serving a ticket just called."""
    attendant = api.login("attendant")
    api.issue(api.login("reception"), "A")
    api.open_counter(attendant, 1)
    call = attendant.ok("post", f"/counters/{api.world.counters[1]}/call-next")
    return attendant, call["ticket"]


def test_an_article_is_recorded_once_per_visit(
    api: ApiClient, served: tuple[StaffSession, Any]
) -> None:
    attendant, ticket = served
    editor = api.login("knowledge_editor")
    first, second = _published_article(editor, "certidao"), _published_article(editor, "licenca")
    path = f"/tickets/{ticket['id']}/knowledge-uses"
    key = str(uuid.uuid4())
    body = {"article_id": first["id"], "article_version": 2}
    created = attendant.post(path, body, key=key)
    assert created.status_code == 201, created.text
    use = created.json()
    assert use == {
        "ticket_id": ticket["id"],
        "article_id": first["id"],
        "article_version": 2,
        "user_id": api.world.users["attendant"],
        "at": use["at"],
    }
    # Another click (a new key), even with another version: nothing new, the first use stands.
    again = attendant.post(path, {**body, "article_version": 1})
    assert (again.status_code, again.json()) == (200, use)
    replay = attendant.post(path, body, key=key)
    assert (replay.status_code, replay.headers.get("Idempotent-Replayed")) == (201, "true")
    # A supervisor may record for a visit of the centre; anyone of the staff reads the list.
    supervisor = api.login("supervisor")
    other = supervisor.post(path, {"article_id": second["id"], "article_version": 1})
    assert other.status_code == 201, other.text
    listed = api.login("reception").get(path)
    assert listed.status_code == 200, listed.text
    assert [(u["article_id"], u["article_version"]) for u in listed.json()] == [
        (first["id"], 2),
        (second["id"], 1),
    ]


def test_unknown_things_and_other_people_are_refused(
    api: ApiClient, served: tuple[StaffSession, Any]
) -> None:
    attendant, ticket = served
    article = _published_article(api.login("knowledge_editor"), "certidao")
    path = f"/tickets/{ticket['id']}/knowledge-uses"
    body = {"article_id": article["id"], "article_version": 1}
    expect_error(attendant.post("/tickets/999999/knowledge-uses", body), 404, "ticket.not_found")
    expect_error(attendant.get("/tickets/999999/knowledge-uses"), 404, "ticket.not_found")
    missing = {"article_id": 999999, "article_version": 1}
    expect_error(attendant.post(path, missing), 404, "knowledge.article_not_found")
    unknown_version = {"article_id": article["id"], "article_version": 9}
    expect_error(attendant.post(path, unknown_version), 404, "knowledge.revision_not_found")
    # Another attendant of the centre does not serve this ticket; another centre's is a stranger.
    expect_error(api.login("attendant2").post(path, body), 403, "ticket.not_yours")
    stranger = api.login("other_attendant")
    expect_error(stranger.post(path, body), 403, "auth.wrong_centre")
    expect_error(stranger.get(path), 403, "auth.wrong_centre")
    assert attendant.get(path).json() == []


def test_clicks_racing_each_other_record_one_use_and_one_created(
    api: ApiClient, served: tuple[StaffSession, Any], live: LiveServer
) -> None:
    """Eight requests (eight keys: double clicks, a retry after a lost answer) released at the
    same instant: one row, and exactly one of them is told it created it; the status comes
    from the transaction that wrote, not from a read before it."""
    _attendant, ticket = served
    article = _published_article(api.login("knowledge_editor"), "certidao")
    path = f"/tickets/{ticket['id']}/knowledge-uses"
    body = {"article_id": article["id"], "article_version": 2}
    responses = together(live.login("attendant"), 8, lambda twin: twin.post(path, body))
    assert sorted(r.status_code for r in responses) == [200] * 7 + [201], [
        r.text for r in responses
    ]
    assert len({r.text for r in responses}) == 1  # every one the same use
    assert len(api.login("reception").get(path).json()) == 1
