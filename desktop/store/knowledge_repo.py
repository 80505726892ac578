"""`KnowledgeRepo`: the counter's copy of the knowledge base and its full-text search.

- `knowledge_articles` keeps each published article as central sent it (JSON) with the
  columns looked up by; `knowledge_sync` the cursor to continue from. A page of the delta
  sync (articles, tombstones, cursor) is applied in one transaction, so a crash leaves the
  cache at the page before or the page after, never with a cursor past what is stored.
- `knowledge_fts` (FTS5) has one row per article and language, row `id * 8 + slot`, with the
  words of title, summary, required documents, body and tags twice: as written (the
  `unicode61 remove_diacritics 2` tokenizer folds case and accents) and as stems
  (`knowledge_text`). `knowledge_titles` repeats the titles and tags alone (same rowids).
- A query matches a word as typed, as a prefix while it is being typed, or by its stem. Titles
  are searched first and ranked (bm25) above matches elsewhere, which are looked for only when
  the titles gave fewer hits than asked: a search per keystroke ranks the few articles whose
  titles match, not the thousands whose bodies have a word starting with "ce" (ranking, not
  finding, is what costs; see `RANK_CAP`). When nothing matches, a second pass tries the
  title and tag words one typing slip away (`Vocabulary`), then any of the words.

Unlike the case repos, this one owns its transactions: the cache is written by the sync alone
and read by searches, never as part of another unit of work. Searches run on a TaskRunner
thread (they are fast, but they are I/O).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from desktop.domain.knowledge import (
    DEFAULT_LANGUAGE,
    Article,
    ArticleVariant,
    CacheState,
    SearchHit,
    SyncPage,
)
from desktop.store import knowledge_text as kt
from desktop.store.local_store import LocalStore
from desktop.store.store_tables import time_text

SLOTS_PER_ARTICLE = 8
LANGUAGE_SLOTS = {"pt-PT": 0, "es": 1, "ca": 2, "en": 3}
_FIRST_FREE_SLOT = len(LANGUAGE_SLOTS)

RELATED_WORDS = 8  # the rarest words of a description that are looked for
COMMON_SHARE = 0.5  # a word in more than this share of the articles says nothing

_INSERT_FTS = text(
    "INSERT INTO knowledge_fts (rowid, title, summary, documents, body, tags, title_stem, "
    "summary_stem, documents_stem, body_stem, tags_stem) VALUES (:rowid, :title, :summary, "
    ":documents, :body, :tags, :title_stem, :summary_stem, :documents_stem, :body_stem, "
    ":tags_stem)"
)
_INSERT_TITLES = text(
    "INSERT INTO knowledge_titles (rowid, title, tags, title_stem, tags_stem) "
    "VALUES (:rowid, :title, :tags, :title_stem, :tags_stem)"
)
_DELETE_FTS = text("DELETE FROM knowledge_fts WHERE rowid BETWEEN :low AND :high")
_DELETE_TITLES = text("DELETE FROM knowledge_titles WHERE rowid BETWEEN :low AND :high")
_UPSERT = text(
    "INSERT INTO knowledge_articles (id, code, version, service_codes_json, data_json) "
    "VALUES (:id, :code, :version, :services, :data) "
    "ON CONFLICT (id) DO UPDATE SET code = excluded.code, version = excluded.version, "
    "service_codes_json = excluded.service_codes_json, data_json = excluded.data_json"
)
_DELETE_ARTICLE = text("DELETE FROM knowledge_articles WHERE id = :id")
_SET_SYNC = text(
    "INSERT INTO knowledge_sync (id, cursor, last_synced_at) VALUES (1, :c, :t) "
    "ON CONFLICT (id) DO UPDATE SET cursor = excluded.cursor, "
    "last_synced_at = coalesce(excluded.last_synced_at, knowledge_sync.last_synced_at)"
)

# Ranking (bm25) is what costs in a full-text query, row by row, and FTS5 ranks every match
# before sorting: a search ranks at most this many matching rows per table (the first ones by
# rowid, the older articles, when there are more) and sorts them itself. A word that common
# says little, and titles, ranked first, have usually filled the page by then.
RANK_CAP = {"knowledge_titles": 500, "knowledge_fts": 150}
# These run on the DBAPI cursor of the session's connection (sqlite3's named parameters): a
# search per keystroke is a handful of statements, and SQLAlchemy's per-statement work would be
# a good part of its time. SLOTS_PER_ARTICLE (8) is written out in them.
_RANKED = {
    table: f"SELECT rowid, rank FROM {table} WHERE {table} MATCH :query "  # noqa: S608 - a constant
    "AND (rowid % 8) = :slot LIMIT :cap"
    for table in RANK_CAP
}
_TEXTS = (
    "SELECT f.rowid, f.title, f.summary, f.documents, f.body, a.code, a.service_codes_json "
    "FROM knowledge_fts AS f JOIN knowledge_articles AS a ON a.id = f.rowid / 8 "
    "WHERE f.rowid IN ({})"
)


def _cursor(session: Session) -> sqlite3.Cursor:
    """The sqlite3 cursor of the session's connection, in its transaction."""
    connection = session.connection().connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return connection.cursor()


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def language_slot(language: str) -> int:
    """The FTS slot searched for `language`: its own, its base language's, else pt-PT's."""
    if language in LANGUAGE_SLOTS:
        return LANGUAGE_SLOTS[language]
    base = kt.base_language(language)
    for known, slot in LANGUAGE_SLOTS.items():
        if kt.base_language(known) == base:
            return slot
    return LANGUAGE_SLOTS[DEFAULT_LANGUAGE]


def slot_language(slot: int) -> str:
    for language, known in LANGUAGE_SLOTS.items():
        if known == slot:
            return language
    return DEFAULT_LANGUAGE  # other languages are stemmed as pt-PT


def _variant_slots(article: Article) -> list[tuple[int, ArticleVariant]]:
    """Each variant with its slot; variants in unknown languages take the free slots."""
    slots: list[tuple[int, ArticleVariant]] = []
    free = _FIRST_FREE_SLOT
    for variant in article.variants:
        slot = LANGUAGE_SLOTS.get(variant.language)
        if slot is None:
            if free >= SLOTS_PER_ARTICLE:
                continue
            slot, free = free, free + 1
        slots.append((slot, variant))
    return slots


def fts_row(article: Article, slot: int, variant: ArticleVariant) -> dict[str, Any]:
    """The FTS row of one variant: the plain columns and their stems."""
    extras = [variant.deadline, variant.legal_basis]
    extras += [f"{fee.label} {fee.note}" for fee in variant.fees]
    plain = {
        "title": kt.clean(variant.title),
        "summary": kt.plain(variant.summary),
        "documents": kt.clean("; ".join(variant.required_documents)),
        "body": kt.plain(" ".join([variant.body_md, *extras])),
        "tags": kt.clean(", ".join([*article.tags, article.code.replace("-", " ")])),
    }
    language = slot_language(slot) if slot < _FIRST_FREE_SLOT else DEFAULT_LANGUAGE
    row: dict[str, Any] = {"rowid": article.id * SLOTS_PER_ARTICLE + slot, **plain}
    for column, value in plain.items():
        row[f"{column}_stem"] = kt.stemmed(value, language)
    return row


TITLE_TIER_BONUS = 1000.0  # a hit's score: a title match always above a match elsewhere


@dataclass
class _Found:
    rowid: int
    tier: int  # 0: in the title (and tags), 1: anywhere
    score: float  # bm25 of its table: lower is better

    @property
    def key(self) -> tuple[int, float]:
        return (self.tier, self.score)

    @property
    def hit_score(self) -> float:
        return -self.score + (TITLE_TIER_BONUS if self.tier == 0 else 0.0)


class KnowledgeRepo:
    def __init__(self, store: LocalStore) -> None:
        self.store = store
        self._vocabulary: kt.Vocabulary | None = None
        self._vocabulary_lock = threading.Lock()
        self._generation = 0  # bumped by every write: a vocabulary read before is stale

    # --- writing: the sync -------------------------------------------------------------------

    def apply_page(
        self, page: SyncPage, *, synced_at: datetime | None = None, replace: bool = False
    ) -> None:
        """Store a page of the delta sync and its `next_cursor` in one transaction: articles
        replace their earlier version, tombstones remove theirs. `synced_at` (given for the
        last page, `has_more` false) becomes `last_synced_at`; `replace` drops the whole cache
        first (the first page of a sync started over)."""
        with self.store.writing() as session:
            if replace:
                self._clear(session)
            gone = [t.id for t in page.tombstones] + [a.id for a in page.articles]
            if gone:
                ranges = [
                    {"low": i * SLOTS_PER_ARTICLE, "high": (i + 1) * SLOTS_PER_ARTICLE - 1}
                    for i in gone
                ]
                session.execute(_DELETE_FTS, ranges)
                session.execute(_DELETE_TITLES, ranges)
            if page.tombstones:
                session.execute(_DELETE_ARTICLE, [{"id": t.id} for t in page.tombstones])
            if page.articles:
                session.execute(
                    _UPSERT,
                    [
                        {
                            "id": a.id,
                            "code": a.code,
                            "version": a.version,
                            "services": _dump(list(a.service_codes)),
                            "data": _dump(a.to_json()),
                        }
                        for a in page.articles
                    ],
                )
                rows = [fts_row(a, s, v) for a in page.articles for s, v in _variant_slots(a)]
                if rows:
                    session.execute(_INSERT_FTS, rows)
                    session.execute(_INSERT_TITLES, rows)
            self._set_sync(session, page.next_cursor, synced_at)
        self._forget_vocabulary()

    def clear(self) -> None:
        """Forget every article and the cursor (the next sync starts from the beginning)."""
        with self.store.writing() as session:
            self._clear(session)
        self._forget_vocabulary()

    def _clear(self, session: Session) -> None:
        session.execute(text("DELETE FROM knowledge_fts"))
        session.execute(text("DELETE FROM knowledge_titles"))
        session.execute(text("DELETE FROM knowledge_articles"))
        session.execute(text("DELETE FROM knowledge_sync"))

    def _set_sync(self, session: Session, cursor: str | None, synced_at: datetime | None) -> None:
        """The cursor; the time of the last complete sync if given (kept otherwise)."""
        session.execute(_SET_SYNC, {"c": cursor, "t": time_text(synced_at) if synced_at else None})

    def _forget_vocabulary(self) -> None:
        with self._vocabulary_lock:
            self._vocabulary = None
            self._generation += 1

    # --- reading -----------------------------------------------------------------------------

    def cursor(self) -> str | None:
        with self.store.reading() as session:
            found = session.execute(text("SELECT cursor FROM knowledge_sync WHERE id = 1"))
            value = found.scalar_one_or_none()
        return str(value) if value is not None else None

    def state(self) -> CacheState:
        """How many articles, the cursor and the time of the last complete sync."""
        with self.store.reading() as session:
            count = int(
                session.execute(text("SELECT count(*) FROM knowledge_articles")).scalar_one()
            )
            sync = session.execute(
                text("SELECT cursor, last_synced_at FROM knowledge_sync WHERE id = 1")
            ).first()
        if sync is None:
            return CacheState(articles=count)
        last = datetime.fromisoformat(sync[1]) if sync[1] else None
        return CacheState(articles=count, cursor=sync[0], last_synced_at=last)

    def article(self, article_id: int) -> Article | None:
        with self.store.reading() as session:
            data = session.execute(
                text("SELECT data_json FROM knowledge_articles WHERE id = :id"), {"id": article_id}
            ).scalar_one_or_none()
        return Article.from_json(json.loads(data)) if data is not None else None

    def for_services(self, service_codes: Iterable[str]) -> list[Article]:
        """The articles of any of these services (a called ticket's), by title."""
        codes = sorted(set(service_codes))
        if not codes:
            return []
        query = text(
            "SELECT data_json FROM knowledge_articles WHERE EXISTS "
            "(SELECT 1 FROM json_each(service_codes_json) WHERE value IN :codes)"
        ).bindparams(bindparam("codes", expanding=True))
        with self.store.reading() as session:
            found = session.execute(query, {"codes": codes}).scalars().all()
        articles = [Article.from_json(json.loads(data)) for data in found]
        return sorted(articles, key=lambda a: (kt.fold(a.title), a.code))

    # --- search ------------------------------------------------------------------------------

    def search(
        self, query: str, language: str = DEFAULT_LANGUAGE, limit: int = 20
    ) -> list[SearchHit]:
        """The articles matching every word of `query` (any user text), best first. In another
        language than pt-PT, an article's variant in it is preferred and pt-PT's matches too
        (every article has one). Nothing found: one more try with typos corrected, then with
        any of the words instead of all."""
        terms = kt.query_terms(query)
        if not terms or limit <= 0:
            return []
        with self.store.reading() as session:
            hits = self._search(session, terms, language, limit)
            corrected = None
            if not hits:
                corrected = self._with_corrections(session, terms)
                if corrected is not None:
                    hits = self._search(session, corrected, language, limit)
            if not hits and len(terms) > 1:
                # No article has every word: those with most of them ("buraco na rua").
                hits = self._search(session, corrected or terms, language, limit, any_word=True)
        return hits

    def related(
        self, description: str, limit: int = 5, language: str = DEFAULT_LANGUAGE
    ) -> list[SearchHit]:
        """Articles about what a case description says: its rarest words in the cache
        (stopwords and words most articles share are left out), any of them; articles with
        more and rarer ones first."""
        candidates = [
            w for w in dict.fromkeys(kt.words(description)) if len(w) >= 4 and w not in kt.STOPWORDS
        ]
        if not candidates or limit <= 0:
            return []
        slot = language_slot(language)
        stems = {w: kt.stem(w, slot_language(slot)) for w in candidates}
        with self.store.reading() as session:
            total = int(
                session.execute(text("SELECT count(*) FROM knowledge_articles")).scalar_one()
            )
            counts = self._document_counts(session, set(stems.values()))
            usable = [
                w
                for w in candidates
                if 0 < counts.get(stems[w], 0) <= max(1, int(total * COMMON_SHARE))
            ]
            usable.sort(key=lambda w: counts[stems[w]])
            terms = [kt.Term(w) for w in usable[:RELATED_WORDS]]
            if not terms:
                return []
            return self._search(session, terms, language, limit, any_word=True)

    def _document_counts(self, session: Session, stems: set[str]) -> dict[str, int]:
        """How many rows have each stem in a stemmed column (at most: per column counts)."""
        if not stems:
            return {}
        query = text(
            "SELECT term, max(doc) FROM knowledge_vocab "
            "WHERE term IN :terms AND col LIKE '%\\_stem' ESCAPE '\\' GROUP BY term"
        ).bindparams(bindparam("terms", expanding=True))
        return {str(t): int(n) for t, n in session.execute(query, {"terms": sorted(stems)})}

    def _search(
        self,
        session: Session,
        terms: Sequence[kt.Term],
        language: str,
        limit: int,
        *,
        any_word: bool = False,
    ) -> list[SearchHit]:
        wanted = language_slot(language)
        slots = [wanted] if wanted == 0 else [wanted, 0]
        best: dict[int, _Found] = {}
        for slot in slots:
            for found in self._matches(session, terms, slot, limit, any_word):
                article_id = found.rowid // SLOTS_PER_ARTICLE
                kept = best.setdefault(article_id, found)  # the wanted language's row first
                if found.key < kept.key:
                    kept.tier, kept.score = found.tier, found.score
        ranked = sorted(best.values(), key=lambda f: (*f.key, f.rowid))[:limit]
        if not ranked:
            return []
        texts = {
            int(row[0]): row
            for row in _cursor(session).execute(
                _TEXTS.format(",".join("?" * len(ranked))), [f.rowid for f in ranked]
            )
        }
        hits = []
        matchers: dict[str, kt.Matcher] = {}
        for found_row in ranked:
            row = texts.get(found_row.rowid)
            if row is None:
                continue
            _rowid, title, summary, documents, body, code, services = row
            language = slot_language(found_row.rowid % SLOTS_PER_ARTICLE)
            matcher = matchers.get(language) or matchers.setdefault(
                language, kt.Matcher(terms, language)
            )
            # A title match shows its summary; a match elsewhere, where it is.
            texts_of_tier = [summary, documents] + ([body] if found_row.tier else [])
            hits.append(
                SearchHit(
                    article_id=found_row.rowid // SLOTS_PER_ARTICLE,
                    code=str(code),
                    title=str(title),
                    title_html=kt.highlight(str(title), matcher),
                    snippet_html=kt.snippet(texts_of_tier, matcher),
                    score=found_row.hit_score,
                    service_codes=tuple(json.loads(services)),
                )
            )
        return hits

    def _matches(
        self, session: Session, terms: Sequence[kt.Term], slot: int, limit: int, any_word: bool
    ) -> list[_Found]:
        """The rows of one language slot, best first: those matching in their titles and tags
        (a small table, quick to rank however common the words), then, if fewer than `limit`,
        those matching anywhere. A keystroke's search then ranks the few articles whose titles
        match, not the thousands whose bodies have a word starting with what was typed."""
        language = slot_language(slot)
        titles = kt.match_expression(terms, language, any_word=any_word, columns=kt.TITLE_COLUMNS)
        found = [
            _Found(rowid, 0, score)
            for rowid, score in self._ranked(session, "knowledge_titles", titles, slot, limit)
        ]
        if len(found) < limit:
            seen = {f.rowid for f in found}
            anywhere = kt.match_expression(terms, language, any_word=any_word)
            found += [
                _Found(rowid, 1, score)
                for rowid, score in self._ranked(session, "knowledge_fts", anywhere, slot, limit)
                if rowid not in seen
            ]
        return found[:limit]

    def _ranked(
        self, session: Session, table: str, expression: str, slot: int, limit: int
    ) -> list[tuple[int, float]]:
        """The best `limit` rows of `table` matching `expression`, of at most
        `RANK_CAP[table]` ranked (finding them is cheap; ranking is not)."""
        found = _cursor(session).execute(
            _RANKED[table], {"query": expression, "slot": slot, "cap": RANK_CAP[table]}
        )
        ranked = sorted((float(score), int(rowid)) for rowid, score in found)
        return [(rowid, score) for score, rowid in ranked[:limit]]

    def prepare(self) -> None:
        """Build now what the first search with a typo would (the title vocabulary): the sync
        calls this on its thread once the cache is up to date."""
        with self.store.reading() as session:
            self._title_vocabulary(session)

    # --- typos -------------------------------------------------------------------------------

    def _with_corrections(self, session: Session, terms: Sequence[kt.Term]) -> list[kt.Term] | None:
        """The terms with the title and tag words one typing slip away as alternatives; None
        when no word has any."""
        vocabulary = self._title_vocabulary(session)
        corrected: list[kt.Term] = []
        changed = False
        for term in terms:
            alternatives = vocabulary.corrections(term.word)
            changed = changed or bool(alternatives)
            corrected.append(kt.Term(term.word, term.prefix, alternatives))
        return corrected if changed else None

    def _title_vocabulary(self, session: Session) -> kt.Vocabulary:
        with self._vocabulary_lock:
            if self._vocabulary is not None:
                return self._vocabulary
            generation = self._generation
        found = session.execute(
            text("SELECT DISTINCT term FROM knowledge_title_vocab WHERE col IN ('title', 'tags')")
        ).scalars()
        vocabulary = kt.Vocabulary(str(t) for t in found)
        with self._vocabulary_lock:
            if self._generation == generation:
                self._vocabulary = vocabulary
        return vocabulary
