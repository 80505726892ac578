"""The local knowledge cache: pages of the delta sync applied (upserts, tombstones) with their
cursor in one transaction, the time of the last complete sync, clearing, the schema step."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from desktop.domain.knowledge import Article, CacheState, SyncPage, TombstoneRef
from desktop.store import knowledge_repo, store_migrations
from desktop.store.knowledge_repo import KnowledgeRepo, language_slot
from desktop.store.local_store import LocalStore, create_store_engine
from tests.unit.knowledge_demo import demo_articles, demo_page

T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture
def repo(store: LocalStore) -> KnowledgeRepo:
    return KnowledgeRepo(store)


def by_code(code: str) -> dict[str, Any]:
    return next(a for a in demo_articles() if a["code"] == code)


def page(*articles: dict[str, Any], tombstones: tuple[TombstoneRef, ...] = (), cursor: str = "c",
         has_more: bool = False) -> SyncPage:  # fmt: skip
    return SyncPage(tuple(Article.from_json(a) for a in articles), tombstones, cursor, has_more)


def fts_rows(store: LocalStore) -> int:
    with store.reading() as session:
        return int(session.execute(text("SELECT count(*) FROM knowledge_fts")).scalar_one())


def test_a_page_is_stored_with_its_cursor(repo: KnowledgeRepo, store: LocalStore) -> None:
    assert repo.state().articles == 0
    assert repo.cursor() is None
    repo.apply_page(demo_page("k1"), synced_at=T0)
    state = repo.state()
    assert (state.articles, state.cursor, state.last_synced_at) == (46, "k1", T0)
    assert repo.cursor() == "k1"
    data = by_code("distico-residente")
    assert repo.article(data["id"]) == Article.from_json(data)
    assert repo.article(9999) is None
    variants = sum(len(a["variants"]) for a in demo_articles())
    assert fts_rows(store) == variants  # one row per article and language


def test_a_new_version_replaces_the_old_words(repo: KnowledgeRepo, store: LocalStore) -> None:
    repo.apply_page(demo_page())
    data = by_code("recolha-monos")
    english = repo.search("bulky", language="en")
    assert [h.code for h in english] == ["recolha-monos"]
    pt = {**data["variants"][0], "title": "Recolha de monstros domésticos"}
    repo.apply_page(page({**data, "version": 2, "variants": [pt]}, cursor="c2"))
    assert repo.article(data["id"]).version == 2  # type: ignore[union-attr]
    assert repo.search("monstros")[0].code == "recolha-monos"
    assert repo.search("bulky", language="en") == []  # the English variant is gone
    assert repo.search("monos")[0].title == "Recolha de monstros domésticos"
    assert repo.state().articles == 46
    assert repo.cursor() == "c2"


def test_a_tombstone_removes_the_article(repo: KnowledgeRepo, store: LocalStore) -> None:
    repo.apply_page(demo_page())
    before = fts_rows(store)
    gone = by_code("esplanada")
    repo.apply_page(
        page(
            tombstones=(TombstoneRef(gone["id"], "esplanada"), TombstoneRef(777, "never")),
            cursor="c3",
        )
    )
    assert repo.article(gone["id"]) is None
    assert "esplanada" not in [h.code for h in repo.search("esplanada")]
    assert repo.for_services(["TAX"])
    assert "esplanada" not in {a.code for a in repo.for_services(["TAX", "ESP"])}
    assert repo.state().articles == 45
    assert fts_rows(store) == before - 1
    # Published again later: back.
    repo.apply_page(page({**gone, "version": 3}, cursor="c4"))
    assert repo.search("esplanada")[0].code == "esplanada"


def test_a_failed_page_leaves_cache_and_cursor_as_they_were(
    repo: KnowledgeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.apply_page(demo_page("k1"), synced_at=T0)
    first, second = by_code("recolha-monos"), by_code("esplanada")
    # The last statement of the page fails: the article and its first index rows are written.
    monkeypatch.setattr(knowledge_repo, "_INSERT_TITLES", "INSERT INTO no_such_table VALUES (1)")
    renamed = {**first, "version": 2, "variants": [{**first["variants"][0], "title": "Sofás"}]}
    with pytest.raises(sqlite3.OperationalError, match="no_such_table"):
        repo.apply_page(
            page(
                renamed, second, tombstones=(TombstoneRef(1, "atestado-residencia"),), cursor="k2"
            ),
            synced_at=T0 + timedelta(hours=1),
        )
    monkeypatch.undo()
    state = repo.state()
    assert (state.articles, state.cursor, state.last_synced_at) == (46, "k1", T0)
    assert repo.article(first["id"]).version == 1  # type: ignore[union-attr]
    assert repo.search("sofas") == []
    assert repo.search("monos")[0].code == "recolha-monos"
    assert repo.article(1) is not None


def test_the_last_complete_sync_time_is_kept_between_pages(repo: KnowledgeRepo) -> None:
    repo.apply_page(demo_page("k1"), synced_at=T0)
    repo.apply_page(page(by_code("esplanada"), cursor="k2", has_more=True))
    assert (repo.cursor(), repo.state().last_synced_at) == ("k2", T0)
    repo.apply_page(page(cursor="k3"), synced_at=T0 + timedelta(minutes=5))
    assert (repo.cursor(), repo.state().last_synced_at) == ("k3", T0 + timedelta(minutes=5))


def test_replace_starts_the_cache_over_in_the_same_transaction(repo: KnowledgeRepo) -> None:
    repo.apply_page(demo_page("old"), synced_at=T0)
    repo.apply_page(page(by_code("esplanada"), cursor="new", has_more=True), replace=True)
    state = repo.state()
    assert (state.articles, state.cursor, state.last_synced_at) == (1, "new", None)
    assert repo.search("monos") == []
    assert repo.search("esplanada")[0].code == "esplanada"


def test_clear_forgets_everything(repo: KnowledgeRepo, store: LocalStore) -> None:
    repo.apply_page(demo_page("k1"), synced_at=T0)
    assert repo.search("esplanda")[0].code == "esplanada"  # the typo pass saw the titles
    repo.clear()
    assert repo.state() == CacheState()
    assert repo.cursor() is None
    assert fts_rows(store) == 0
    assert repo.search("esplanada") == []
    assert repo.search("esplanda") == []
    repo.apply_page(page(by_code("recolha-monos"), cursor="k9"))
    assert repo.search("mnos")[0].code == "recolha-monos"  # a new vocabulary


def test_the_cache_survives_a_restart(path: Path) -> None:
    first = LocalStore.open(path)
    KnowledgeRepo(first).apply_page(demo_page("k1"), synced_at=T0)
    first.close()
    again = LocalStore.open(path)
    try:
        repo = KnowledgeRepo(again)
        assert (repo.state().articles, repo.cursor()) == (46, "k1")
        assert repo.search("certidao toponimia")[0].code == "certidao-toponimia"
    finally:
        again.close()


def test_the_knowledge_step_migrates_an_older_file(path: Path) -> None:
    engine = create_store_engine(path)
    knowledge_step = store_migrations.MIGRATIONS.index(store_migrations._V3)
    older = store_migrations.MIGRATIONS[:knowledge_step]
    try:
        store_migrations.migrate(engine, older)
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO local_sequences (name, last_value) VALUES ('counter-3', 41)"
            )
        assert "knowledge_articles" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    store = LocalStore.open(path)  # migrates to the newest version
    try:
        with store.reading() as session:
            version = session.execute(text("PRAGMA user_version")).scalar_one()
            kept = session.execute(text("SELECT last_value FROM local_sequences")).scalar_one()
            rank = session.execute(
                text("SELECT v FROM knowledge_fts_config WHERE k = 'rank'")
            ).scalar_one()
        assert (version, kept) == (store_migrations.LATEST, 41)
        assert str(rank).startswith("bm25(10.0")
        names = set(inspect(store.engine).get_table_names())
        assert {"knowledge_articles", "knowledge_sync", "knowledge_fts"} <= names
        repo = KnowledgeRepo(store)
        repo.apply_page(demo_page())
        assert repo.search("monos")[0].code == "recolha-monos"
    finally:
        store.close()


def test_an_upgrade_that_rebuilds_the_index_keeps_the_cache_searchable(path: Path) -> None:
    """A file from before the index of version 5: its articles stay, their index is rebuilt
    from them (no central needed), in batches that carry on where a stopped run left."""
    engine = create_store_engine(path)
    index_step = store_migrations.MIGRATIONS.index(store_migrations._V5)
    try:
        store_migrations.migrate(engine, store_migrations.MIGRATIONS[:index_step])
        with engine.begin() as connection:
            for article in demo_page().articles:
                connection.exec_driver_sql(
                    "INSERT INTO knowledge_articles VALUES (?, ?, ?, ?, ?)",
                    (article.id, article.code, article.version,
                     json.dumps(list(article.service_codes)), json.dumps(article.to_json())),
                )  # fmt: skip
            connection.exec_driver_sql(
                "INSERT INTO knowledge_sync VALUES (1, 'k7', '2026-11-20T10:00:00+00:00')"
            )
    finally:
        engine.dispose()
    store = LocalStore.open(path)  # migrates: the index tables are new and empty
    try:
        repo = KnowledgeRepo(store)
        assert (repo.state().articles, repo.cursor(), fts_rows(store)) == (46, "k7", 0)
        assert repo.search("monos") == []
        with store.writing() as session:  # as if a first run had stopped after 10 articles
            first = [Article.from_json(a) for a in demo_articles()[:10]]
            session.execute(
                text("INSERT INTO knowledge_titles (rowid, title) VALUES (:r, :t)"),
                [{"r": a.id * 8, "t": a.variants[0].title} for a in first],
            )
        assert repo.ensure_index(batch=7) == 36
        assert repo.ensure_index() == 0  # nothing left to do
        assert fts_rows(store) == sum(len(a["variants"]) for a in demo_articles()[10:])
        assert repo.search("monos")[0].code == "recolha-monos"
        assert repo.cursor() == "k7"
    finally:
        store.close()


def test_language_slots() -> None:
    assert [language_slot(x) for x in ("pt-PT", "pt", "es", "es-ES", "ca", "en", "en-GB")] == [
        0, 0, 1, 1, 2, 3, 3,
    ]  # fmt: skip
    assert language_slot("fr") == 0  # searched in pt-PT


def test_variants_in_other_languages_are_indexed(repo: KnowledgeRepo) -> None:
    data = by_code("derrama-informacao")
    french = {**data["variants"][0], "language": "fr", "title": "Surtaxe municipale"}
    repo.apply_page(page({**data, "variants": [data["variants"][0], french]}))
    assert repo.article(data["id"]).variant("fr").title == "Surtaxe municipale"  # type: ignore[union-attr]
    assert repo.search("derrama", language="fr")[0].code == "derrama-informacao"
