"""Delta sync of the knowledge base: `GET /sync/knowledge?since=<cursor>`.

Create, update, retire; paging; cursors refused with 410; and, on PostgreSQL, cursors that
cross concurrent commits without losing a change.
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from central.auth.actor import Actor
from central.auth.roles import Role
from central.clock import FrozenClock
from central.context import AppContext
from central.db import Database
from central.knowledge import service
from central.knowledge.content import Content, Fee, Variant
from central.knowledge.models import KnowledgeChange
from central.main import build_context
from tests.central.conftest import T0, make_settings
from tests.central.factories import World, build_world
from tests.central.http import ApiClient, StaffSession, expect_error


@pytest.fixture(autouse=True)
def _cheap_hashing(fast_passwords: None) -> None:
    """Passwords are not the subject here."""


def _content(title: str) -> Content:
    return Content(
        owner="Divisão de Atendimento",
        review_by=date(2027, 6, 30),
        service_codes=("ATG",),
        tags=("teste",),
        variants=(
            Variant(
                language="pt-PT",
                title=title,
                summary="Resumo.",
                body_md="Texto.",
                required_documents=("Cartão de Cidadão",),
                fees=(Fee("Emissão", "5.00", "EUR", "valor de exemplo"),),
                deadline="5 dias úteis",
                legal_basis="Regulamento municipal aplicável",
            ),
        ),
    )


def _editor(world: World) -> Actor:
    return Actor(world.users["knowledge_editor"], "knowledge_editor", Role.KNOWLEDGE_EDITOR, None)


def _create(db: Database, actor: Actor, code: str, *, publish: bool = True) -> int:
    with db.writing() as session:
        view = service.create_article(session, actor, code, _content(code), "", T0)
        if publish:
            service.publish(session, actor, view.article.id, 1, "", T0)
        return view.article.id


def _pull(staff: StaffSession, since: str | None, limit: int = 1000) -> dict[str, Any]:
    params: dict[str, Any] = {"limit": limit}
    if since is not None:
        params["since"] = since
    response = staff.get("/sync/knowledge", **params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _pull_all(staff: StaffSession, since: str | None, limit: int = 1000) -> dict[str, Any]:
    """Follow has_more to the end, as a client does."""
    articles: list[Any] = []
    tombstones: list[Any] = []
    while True:
        page = _pull(staff, since, limit)
        articles += page["articles"]
        tombstones += page["tombstones"]
        since = page["next_cursor"]
        if not page["has_more"]:
            return {"articles": articles, "tombstones": tombstones, "next_cursor": since}


def test_create_update_retire_reach_the_cache(ctx: AppContext, api: ApiClient) -> None:
    attendant = api.login("attendant")
    editor = _editor(api.world)
    empty = _pull(attendant, None)
    assert empty["articles"] == []
    assert empty["tombstones"] == []
    assert empty["has_more"] is False
    cursor = empty["next_cursor"]

    draft = _create(ctx.db, editor, "rascunho", publish=False)
    aid = _create(ctx.db, editor, "licenca-ruido")
    page = _pull(attendant, cursor)
    assert [a["id"] for a in page["articles"]] == [aid]  # a draft never reaches the counters
    synced = page["articles"][0]
    assert synced["version"] == 2
    assert synced["variants"][0]["title"] == "licenca-ruido"
    assert synced["variants"][0]["fees"][0]["note"] == "valor de exemplo"
    cursor = page["next_cursor"]
    assert _pull(attendant, cursor)["articles"] == []  # nothing new

    # An edit is not the counters' business until it is published.
    with ctx.db.writing() as session:
        service.update_article(session, editor, aid, 2, _content("Licença de ruído"), "", T0)
    assert _pull(attendant, cursor)["articles"] == []
    with ctx.db.writing() as session:
        service.publish(session, editor, aid, 3, "", T0)
    page = _pull(attendant, cursor)
    assert [(a["id"], a["version"]) for a in page["articles"]] == [(aid, 4)]
    assert page["articles"][0]["variants"][0]["title"] == "Licença de ruído"
    cursor = page["next_cursor"]

    with ctx.db.writing() as session:
        service.retire(session, editor, aid, 4, "", T0)
        service.retire(session, editor, draft, 1, "", T0)
    page = _pull(attendant, cursor)
    assert page["articles"] == []
    assert sorted(t["id"] for t in page["tombstones"]) == sorted([aid, draft])
    assert {t["code"] for t in page["tombstones"]} == {"licenca-ruido", "rascunho"}

    # A cache starting now gets each article once, in its latest state.
    fresh = _pull(attendant, None)
    assert fresh["articles"] == []
    assert len(fresh["tombstones"]) == 2


def test_pages_follow_each_other_without_loss_or_repeat(ctx: AppContext, api: ApiClient) -> None:
    editor = _editor(api.world)
    ids = [_create(ctx.db, editor, f"artigo-{n}") for n in range(5)]
    staff = api.login("knowledge_editor")  # editors read the cache too
    seen: list[int] = []
    cursor = None
    flags = []
    for _ in range(3):
        page = _pull(staff, cursor, limit=2)
        seen += [a["id"] for a in page["articles"]]
        flags.append(page["has_more"])
        cursor = page["next_cursor"]
    assert seen == ids
    assert flags == [True, True, False]
    # Republishing moves an article to the end: the cache gets it once more, nothing else.
    with ctx.db.writing() as session:
        service.update_article(session, editor, ids[0], 2, _content("Novo"), "", T0)
        service.publish(session, editor, ids[0], 3, "", T0)
    again = _pull(staff, cursor)
    assert [a["id"] for a in again["articles"]] == [ids[0]]
    assert [a["id"] for a in _pull_all(staff, None, limit=2)["articles"]] == [*ids[1:], ids[0]]


def _cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_cursors_that_cannot_be_continued_are_gone(ctx: AppContext, api: ApiClient) -> None:
    staff = api.login("attendant")
    _create(ctx.db, _editor(api.world), "artigo")
    cursor = _pull(staff, None)["next_cursor"]
    epoch = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().split(":")[1]
    for bad, reason in (
        ("not a cursor!", "malformed"),
        (_cursor("k1:x:1"), "other_epoch"),  # another database (re-created, re-seeded)
        (_cursor(f"k0:{epoch}:1"), "other_epoch"),  # an older format
        (_cursor(f"k1:{epoch}:99"), "ahead"),  # a database restored from an older backup
        (_cursor(f"k1:{epoch}:-1"), "ahead"),
        (_cursor(f"k1:{epoch}"), "malformed"),
    ):
        details = expect_error(staff.get("/sync/knowledge", since=bad), 410, "sync.cursor_expired")
        assert details == {"reason": reason}, bad
    assert _pull(staff, cursor)["articles"] == []


# --- PostgreSQL: commits that cross ---------------------------------------------------------


@pytest.fixture
def pg_ctx(pg_url: str) -> Iterator[AppContext]:
    context = build_context(make_settings(pg_url), FrozenClock(T0))
    yield context
    context.db.dispose()


@pytest.mark.postgres
def test_a_cursor_crossing_a_late_commit_loses_nothing(pg_ctx: AppContext) -> None:
    """Transaction A writes its change first but commits last. A sequence taken at insert
    would number A below B, and a reader that saw B would step over A for ever. Numbered at
    commit, A comes after the cursor."""
    db = pg_ctx.db
    with db.writing() as session:
        world = build_world(session, T0)
    editor = _editor(world)
    first = _create(db, editor, "primeiro", publish=False)
    second = _create(db, editor, "segundo", publish=False)

    def sync(since: str | None) -> tuple[list[int], str]:
        with db.reading() as session:
            page = service.sync_page(session, since, 1000)
        return [a.id for a in page.articles], page.next_cursor

    _, cursor = sync(None)
    late = db.write_session()
    late.begin()
    service.publish(late, editor, first, 1, "", T0)  # its change row is written now...
    late.flush()
    with db.writing() as session:
        service.publish(session, editor, second, 1, "", T0)  # ...this one commits first
    seen, cursor = sync(cursor)
    assert seen == [second]
    late.commit()
    late.close()
    seen, cursor = sync(cursor)
    assert seen == [first]  # not lost
    with db.reading() as session:
        rows = session.execute(
            select(KnowledgeChange.article_id, KnowledgeChange.id, KnowledgeChange.seq)
        ).all()
    by_article = {article: (row_id, seq) for article, row_id, seq in rows}
    # The insert order (what a sequence would have given) is the other way round.
    assert by_article[first][0] < by_article[second][0]
    assert (by_article[first][1] or 0) > (by_article[second][1] or 0)


@pytest.mark.postgres
def test_a_reader_racing_many_writers_misses_nothing(pg_ctx: AppContext) -> None:
    """Writers publish while a reader follows the cursor; the reader's pages plus one last
    read hold every article, and no page ever goes back."""
    db = pg_ctx.db
    with db.writing() as session:
        world = build_world(session, T0)
    editor = _editor(world)
    writers, per_writer = 4, 15
    ids = [
        [_create(db, editor, f"w{w}-{n}", publish=False) for n in range(per_writer)]
        for w in range(writers)
    ]
    start = threading.Barrier(writers + 1)
    done = threading.Event()
    failures: list[BaseException] = []

    def write(mine: list[int]) -> None:
        try:
            start.wait(timeout=30)
            for article_id in mine:
                with db.writing() as session:
                    service.publish(session, editor, article_id, 1, "", T0)
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(mine,)) for mine in ids]
    for thread in threads:
        thread.start()
    start.wait(timeout=30)
    seen: list[int] = []
    cursor: str | None = None

    def read() -> None:
        nonlocal cursor
        with db.reading() as session:
            page = service.sync_page(session, cursor, 7)
        seen.extend(a.id for a in page.articles)
        cursor = page.next_cursor

    watcher = threading.Thread(target=lambda: ([t.join() for t in threads], done.set()))
    watcher.start()
    reads = 0
    while not done.is_set():
        read()
        reads += 1
    watcher.join()
    for _ in range(writers * per_writer):  # drain what is left after the last commit
        before = len(seen)
        read()
        if len(seen) == before:
            break
    assert failures == []
    assert sorted(seen) == sorted(i for mine in ids for i in mine)
    assert len(seen) == len(set(seen))
    assert reads > 0
