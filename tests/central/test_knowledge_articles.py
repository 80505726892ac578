"""Editing the knowledge base through the API: drafts, versions with If-Match, revisions,
publishing and retiring, validation, idempotent replays, and suggestions from the counters."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.central.http import API, ApiClient, StaffSession, expect_error


@pytest.fixture(autouse=True)
def _cheap_hashing(fast_passwords: None) -> None:
    """Passwords are not the subject here."""


def article_body(code: str = "certidao-residencia", title: str = "Certidão de residência") -> Any:
    return {
        "code": code,
        "owner": "Divisão de Atendimento ao Munícipe",
        "review_by": "2027-06-30",
        "service_codes": ["REG"],
        "tags": ["certidões", "residência"],
        "variants": [
            {
                "language": "pt-PT",
                "title": title,
                "summary": "Comprova a morada de quem vive no concelho.",
                "body_md": "## Como pedir\n\nNo balcão ou online.",
                "required_documents": ["Cartão de Cidadão", "Comprovativo de morada"],
                "fees": [
                    {"label": "Emissão", "amount": "5.00", "note": "valor de exemplo"},
                ],
                "deadline": "No momento, ou até 3 dias úteis.",
                "legal_basis": "Regulamento municipal de taxas aplicável.",
            },
            {"language": "en", "title": "Certificate of residence"},
        ],
        "comment": "primeira versão",
    }


def content(body: Any) -> Any:
    return {k: v for k, v in body.items() if k != "code"}


def put(staff: StaffSession, article_id: int, body: Any, if_match: str | None) -> Any:
    headers = {**staff.headers, "Idempotency-Key": str(uuid.uuid4())}
    if if_match is not None:
        headers["If-Match"] = if_match
    return staff.client.put(f"{API}/knowledge/articles/{article_id}", json=body, headers=headers)


def state(staff: StaffSession, article_id: int, action: str, version: int) -> Any:
    return staff.post(
        f"/knowledge/articles/{article_id}/{action}",
        {"comment": action},
        headers={"If-Match": f'"{version}"'},
    )


def test_a_new_article_is_a_draft_with_its_first_revision(api: ApiClient) -> None:
    editor = api.login("knowledge_editor")
    created = editor.post("/knowledge/articles", article_body())
    assert created.status_code == 201, created.text
    article = created.json()
    assert article["status"] == "draft"
    assert article["version"] == 1
    assert article["published_version"] is None
    assert [v["language"] for v in article["variants"]] == ["pt-PT", "en"]
    assert article["variants"][0]["fees"] == [
        {"label": "Emissão", "amount": "5.00", "currency": "EUR", "note": "valor de exemplo"}
    ]
    read = editor.get(f"/knowledge/articles/{article['id']}")
    assert read.headers["ETag"] == '"1"'
    assert read.json() == article
    history = editor.ok("get", f"/knowledge/articles/{article['id']}/revisions")
    assert [(r["version"], r["action"], r["comment"]) for r in history] == [
        (1, "created", "primeira versão")
    ]


def test_edits_need_the_version_read_and_a_conflict_shows_the_current_one(
    api: ApiClient,
) -> None:
    editor = api.login("knowledge_editor")
    admin = api.login("admin")  # admins edit too
    article = editor.ok("post", "/knowledge/articles", article_body())
    aid = article["id"]
    first = put(editor, aid, content(article_body(title="Certidão de residência (revista)")), '"1"')
    assert first.status_code == 200, first.text
    assert first.json()["version"] == 2
    # Someone who read version 1 saves over it: refused, with the article as it is now.
    stale = put(admin, aid, content(article_body(title="Outra")), '"1"')
    details = expect_error(stale, 412, "knowledge.version_mismatch")
    assert details["your_version"] == 1
    assert details["current_version"] == 2
    assert details["current"]["variants"][0]["title"] == "Certidão de residência (revista)"
    expect_error(put(admin, aid, content(article_body()), None), 428, "knowledge.if_match_required")
    expect_error(put(admin, aid, content(article_body()), "abc"), 422, "knowledge.if_match_invalid")
    second = put(admin, aid, content(article_body(title="Certidão de residência")), 'W/"2"')
    assert second.json()["version"] == 3
    assert second.json()["updated_by"] == api.world.users["admin"]
    history = editor.ok("get", f"/knowledge/articles/{aid}/revisions")
    assert [r["version"] for r in history] == [3, 2, 1]
    old = editor.ok("get", f"/knowledge/articles/{aid}/revisions/2")
    assert old["snapshot"]["variants"][0]["title"] == "Certidão de residência (revista)"
    assert old["snapshot"]["version"] == 2
    expect_error(
        editor.get(f"/knowledge/articles/{aid}/revisions/9"), 404, "knowledge.revision_not_found"
    )


def test_publish_and_retire_are_versions_too(api: ApiClient) -> None:
    editor = api.login("knowledge_editor")
    aid = editor.ok("post", "/knowledge/articles", article_body())["id"]
    published = state(editor, aid, "publish", 1).json()
    assert (published["status"], published["version"], published["published_version"]) == (
        "published",
        2,
        2,
    )
    assert published["has_unpublished_changes"] is False
    expect_error(state(editor, aid, "publish", 2), 409, "knowledge.already_published")
    edited = put(editor, aid, content(article_body(title="Nova")), '"2"').json()
    assert edited["status"] == "published"  # the counters keep version 2 meanwhile
    assert edited["published_version"] == 2
    assert edited["has_unpublished_changes"] is True
    expect_error(state(editor, aid, "retire", 2), 412, "knowledge.version_mismatch")
    retired = state(editor, aid, "retire", 3).json()
    assert retired["status"] == "retired"
    expect_error(state(editor, aid, "retire", 4), 409, "knowledge.already_retired")
    again = state(editor, aid, "publish", 4).json()  # brought back
    assert (again["status"], again["published_version"]) == ("published", 5)
    actions = [r["action"] for r in editor.ok("get", f"/knowledge/articles/{aid}/revisions")]
    assert actions == ["published", "retired", "edited", "published", "created"]


def test_content_is_checked(api: ApiClient) -> None:
    editor = api.login("knowledge_editor")
    no_pt = article_body()
    no_pt["variants"] = [{"language": "en", "title": "Only English"}]
    fields = expect_error(editor.post("/knowledge/articles", no_pt), 422, "validation.failed")
    assert [f["type"] for f in fields["fields"]] == ["knowledge.pt_pt_required"]
    twice = article_body()
    twice["variants"] = [{"language": "pt-PT", "title": "A"}, {"language": "pt-PT", "title": "B"}]
    fields = expect_error(editor.post("/knowledge/articles", twice), 422, "validation.failed")
    assert [f["type"] for f in fields["fields"]] == ["knowledge.duplicate_language"]
    bad_code = article_body(code="Não Pode")
    expect_error(editor.post("/knowledge/articles", bad_code), 422, "validation.failed")
    editor.ok("post", "/knowledge/articles", article_body())
    details = expect_error(
        editor.post("/knowledge/articles", article_body()), 409, "knowledge.code_taken"
    )
    assert details == {"code": "certidao-residencia"}
    expect_error(editor.get("/knowledge/articles/999999"), 404, "knowledge.article_not_found")


def test_a_retried_create_is_answered_once(api: ApiClient) -> None:
    editor = api.login("knowledge_editor")
    first = editor.post("/knowledge/articles", article_body(), key="create-1")
    again = editor.post("/knowledge/articles", article_body(), key="create-1")
    assert again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert len(editor.ok("get", "/knowledge/articles")) == 1


def test_editors_list_and_search(api: ApiClient) -> None:
    editor = api.login("knowledge_editor")
    editor.ok("post", "/knowledge/articles", article_body())
    other = article_body(code="licenca-ruido", title="Licença especial de ruído")
    other["tags"] = ["licenças"]
    other["service_codes"] = ["TAX"]
    other["variants"][0]["summary"] = "Para festas e obras fora de horas."
    other["review_by"] = "2028-01-31"
    aid = editor.ok("post", "/knowledge/articles", other)["id"]
    state(editor, aid, "publish", 1)

    def codes(**params: Any) -> list[str]:
        return [a["code"] for a in editor.get("/knowledge/articles", **params).json()]

    assert codes() == ["certidao-residencia", "licenca-ruido"]
    assert codes(q="RUÍDO".lower()) == ["licenca-ruido"]
    assert codes(q="morada") == ["certidao-residencia"]  # the summary
    assert codes(status="published") == ["licenca-ruido"]
    assert codes(tag="licenças") == ["licenca-ruido"]
    assert codes(service_code="REG") == ["certidao-residencia"]
    assert codes(review_before="2027-12-31") == ["certidao-residencia"]
    listed = editor.get("/knowledge/articles", q="licenca").json()[0]
    assert listed["title"] == "Licença especial de ruído"
    assert listed["pending_suggestions"] == 0


def test_suggestions_from_the_counter_reach_the_review_queue(api: ApiClient) -> None:
    editor = api.login("knowledge_editor")
    attendant = api.login("attendant")
    draft = editor.ok("post", "/knowledge/articles", article_body(code="rascunho"))
    expect_error(
        attendant.post(
            f"/knowledge/articles/{draft['id']}/suggestions", {"kind": "note", "text": "x"}
        ),
        409,
        "knowledge.article_not_published",
    )
    aid = editor.ok("post", "/knowledge/articles", article_body())["id"]
    state(editor, aid, "publish", 1)
    made = attendant.post(
        f"/knowledge/articles/{aid}/suggestions",
        {"kind": "correction", "text": "A taxa passou a 6,00 €.", "language": "pt-PT"},
    )
    assert made.status_code == 201, made.text
    first = made.json()
    assert first["status"] == "pending"
    assert first["article_version"] == 2
    assert first["author_id"] == api.world.users["attendant"]
    assert first["centre_id"] == api.world.centre_id
    second = api.login("reception").ok(
        "post", f"/knowledge/articles/{aid}/suggestions", {"kind": "note", "text": "Muito pedido."}
    )
    expect_error(
        attendant.post(f"/knowledge/articles/{aid}/suggestions", {"kind": "x", "text": "y"}),
        422,
        "validation.failed",
    )
    queue = editor.ok("get", "/knowledge/suggestions")
    assert [s["id"] for s in queue] == [first["id"], second["id"]]
    assert queue[0]["article_code"] == "certidao-residencia"
    assert editor.get("/knowledge/articles", q="certidao").json()[0]["pending_suggestions"] == 2

    accepted = editor.post(f"/knowledge/suggestions/{first['id']}/accept", {"reason": "Corrigido"})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "accepted"
    assert accepted.json()["reviewer_id"] == api.world.users["knowledge_editor"]
    expect_error(
        editor.post(f"/knowledge/suggestions/{first['id']}/reject", {}),
        409,
        "knowledge.suggestion_decided",
    )
    rejected = editor.ok("post", f"/knowledge/suggestions/{second['id']}/reject", {})
    assert rejected["status"] == "rejected"
    assert editor.ok("get", "/knowledge/suggestions") == []
    decided = editor.get("/knowledge/suggestions", status="accepted", article_id=aid).json()
    assert [s["id"] for s in decided] == [first["id"]]
    expect_error(
        editor.post("/knowledge/suggestions/999999/accept", {}),
        404,
        "knowledge.suggestion_not_found",
    )
