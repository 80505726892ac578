"""`KnowledgeRepo`: the counter's copy of the knowledge base and its full-text search.

- `knowledge_articles` keeps each published article as central sent it (JSON) with the
  columns looked up by; `knowledge_sync` the cursor to continue from. A page of the delta
  sync (articles, tombstones, cursor) is applied in one transaction, so a crash leaves the
  cache at the page before or the page after, never with a cursor past what is stored.
- `knowledge_fts` (FTS5) has one row per article and language, row `id * 8 + slot`, with the
  words of title, summary, required documents and tags as written (the `unicode61
  remove_diacritics 2` tokenizer folds case and accents), the body as written but not indexed
  (it is kept for snippets), and the stems of all five (`knowledge_text`). `knowledge_titles`
  repeats the titles and tags alone (same rowids), with prefix indexes up to 8 letters: the
  word being typed is looked for as a prefix there first.
- A query matches a word as typed, as a prefix while it is being typed, or by its stem. Titles
  are searched first and ranked (bm25) above matches elsewhere, which are looked for only when
  the titles gave fewer hits than asked: a search per keystroke ranks the few articles whose
  titles match, not the thousands whose bodies have a word starting with "ce" (ranking, not
  finding, is what costs; see `RANK_CAP`). When nothing matches, a second pass tries the
  title and tag words one typing slip away (`Vocabulary`), then any of the words.
- A hit's snippet is cut around its first match: in the summary or documents by their words,
  in the body by its stem tokens as stored (`knowledge_text.first_stem_match`), so no body is
  split and stemmed again while a search waits.

Unlike the case repos, this one owns its transactions: the cache is written by the sync alone
and read by searches, never as part of another unit of work. Searches run on a TaskRunner
thread (they are fast, but they are I/O).
"""

from __future__ import annotations

import json
import logging
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
from desktop.store.local_store import LocalStore, sqlite_cursor
from desktop.store.store_tables import time_text

log = logging.getLogger(__name__)

SLOTS_PER_ARTICLE = 8
LANGUAGE_SLOTS = {"pt-PT": 0, "es": 1, "ca": 2, "en": 3}
_FIRST_FREE_SLOT = len(LANGUAGE_SLOTS)

RELATED_WORDS = 8  # the rarest words of a description that are looked for
COMMON_SHARE = 0.5  # a word in more than this share of the articles says nothing

# A page's rows reach each table in one statement that reads them from a JSON array
# (`json_each`), as `PreparedPage` holds them: SQLite then writes a whole page without coming
# back to Python (and its lock) row by row, so the sync prepares the next page meanwhile.
# Row by row, each return waited for the preparing thread to let go of Python's lock.
_INSERT_FTS = (
    "INSERT INTO knowledge_fts (rowid, title, summary, documents, body, tags, title_stem, "
    "summary_stem, documents_stem, body_stem, tags_stem) SELECT value ->> 0, value ->> 1, "
    "value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, "
    "value ->> 8, value ->> 9, value ->> 10 FROM json_each(:rows)"
)
_INSERT_TITLES = (
    "INSERT INTO knowledge_titles (rowid, title, tags, title_stem, tags_stem) "
    "SELECT value ->> 0, value ->> 1, value ->> 5, value ->> 6, value ->> 10 "
    "FROM json_each(:rows)"
)
_UPSERT = (
    "INSERT INTO knowledge_articles (id, code, version, service_codes_json, data_json) "
    "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 "
    "FROM json_each(:rows) WHERE true "  # `WHERE`: how SQLite tells ON CONFLICT from a join
    "ON CONFLICT (id) DO UPDATE SET code = excluded.code, version = excluded.version, "
    "service_codes_json = excluded.service_codes_json, data_json = excluded.data_json"
)
_DELETE_FTS = text("DELETE FROM knowledge_fts WHERE rowid BETWEEN :low AND :high")
_DELETE_TITLES = text("DELETE FROM knowledge_titles WHERE rowid BETWEEN :low AND :high")
_DELETE_ARTICLE = text("DELETE FROM knowledge_articles WHERE id = :id")
# Stored articles without a row in the titles table (every indexed variant has one there).
_UNINDEXED = text(
    "SELECT id, data_json FROM knowledge_articles AS a WHERE id > :after AND NOT EXISTS "
    "(SELECT 1 FROM knowledge_titles WHERE rowid BETWEEN a.id * 8 AND a.id * 8 + 7) "
    "ORDER BY id LIMIT :n"
)
_SET_SYNC = text(
    "INSERT INTO knowledge_sync (id, cursor, last_synced_at) VALUES (1, :c, :t) "
    "ON CONFLICT (id) DO UPDATE SET cursor = excluded.cursor, "
    "last_synced_at = coalesce(excluded.last_synced_at, knowledge_sync.last_synced_at)"
)

# Ranking (bm25) is what costs in a full-text query, row by row, and FTS5 ranks every match
# before sorting: a search ranks at most this many matching rows per table (the first ones by
# rowid, the older articles, when there are more), sorted in an outer query. A word that common
# says little, and titles, ranked first, have usually filled the page by then.
RANK_CAP = {"knowledge_titles": 500, "knowledge_fts": 150}
# These run on a sqlite3 cursor (`LocalStore.reading_cursor`, sqlite3's named parameters): a
# search per keystroke is a handful of statements, and SQLAlchemy's per-statement work would be
# a good part of its time. SLOTS_PER_ARTICLE (8) is written out in them.
_RANKED = {
    table: "SELECT rowid, rank FROM ("  # noqa: S608 - the table name is a constant
    f"SELECT rowid, rank FROM {table} WHERE {table} MATCH :query AND (rowid % 8) = :slot "
    "LIMIT :cap) ORDER BY rank, rowid LIMIT :limit"
    for table in RANK_CAP
}
# The hits' texts, read from the FTS table's own content table (`%_content`, columns c0… in
# the order of `_INSERT_FTS`): the same rows as through the virtual table, at half the cost.
# c8 is `body_stem`, where a hit's first body match is found (`knowledge_text.snippet`).
_TEXTS = (
    "SELECT f.id, f.c0, f.c1, f.c2, f.c3, f.c8, a.code, a.service_codes_json "
    "FROM knowledge_fts_content AS f JOIN knowledge_articles AS a ON a.id = f.id / 8 "
    "WHERE f.id IN ({})"
)
_ARTICLE_COUNT = "SELECT count(*) FROM knowledge_articles"
# How many rows have each stem in a stemmed column (at most: per column counts).
_STEM_COUNTS = (
    "SELECT term, max(doc) FROM knowledge_vocab "
    "WHERE term IN ({}) AND col LIKE '%\\_stem' ESCAPE '\\' GROUP BY term"
)
_TITLE_WORDS = "SELECT DISTINCT term FROM knowledge_title_vocab WHERE col IN ('title', 'tags')"


@dataclass(frozen=True)
class PreparedPage:
    """A sync page's rows for the cache tables, each a JSON array of rows (see `_UPSERT`)."""

    articles: str  # [id, code, version, service codes (JSON), article (JSON)] per article
    index: str  # an `fts_row` per indexed variant


def _cursor(session: Session) -> sqlite3.Cursor:
    """A sqlite3 cursor of the session's connection, in its transaction."""
    return sqlite_cursor(session.connection().connection)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _index_json(articles: Iterable[Article]) -> str:
    return _dump([fts_row(a, s, v) for a in articles for s, v in _variant_slots(a)])


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


def fts_row(article: Article, slot: int, variant: ArticleVariant) -> list[Any]:
    """The FTS row of one variant: rowid, the plain columns and their stems, in the order of
    `_INSERT_FTS`."""
    extras = [variant.deadline, variant.legal_basis]
    extras += [f"{fee.label} {fee.note}" for fee in variant.fees]
    plain = [
        kt.clean(variant.title),
        kt.plain(variant.summary),
        kt.clean("; ".join(variant.required_documents)),
        kt.plain(" ".join([variant.body_md, *extras])),
        kt.clean(", ".join([*article.tags, article.code.replace("-", " ")])),
    ]
    language = slot_language(slot) if slot < _FIRST_FREE_SLOT else DEFAULT_LANGUAGE
    stems = [kt.stemmed(value, language) for value in plain]
    return [article.id * SLOTS_PER_ARTICLE + slot, *plain, *stems]


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
        self._stemmed: kt.Vocabulary | None = None  # the vocabulary stemmed ahead (`prepare`)

    # --- writing: the sync -------------------------------------------------------------------

    def apply_page(
        self,
        page: SyncPage,
        *,
        synced_at: datetime | None = None,
        replace: bool = False,
        prepared: PreparedPage | None = None,
    ) -> None:
        """Store a page of the delta sync and its `next_cursor` in one transaction: articles
        replace their earlier version, tombstones remove theirs. `synced_at` (given for the
        last page, `has_more` false) becomes `last_synced_at`; `replace` drops the whole cache
        first (the first page of a sync started over). `prepared`: the page's rows, if made
        beforehand (`prepare_page`: outside the transaction, while the page before was
        written)."""
        if prepared is None:
            prepared = self.prepare_page(page)
        with self.store.writing() as session:
            if replace:
                self._clear(session)
            changed = [t.id for t in page.tombstones] + [a.id for a in page.articles]
            stored = [] if replace else self._stored(session, changed)
            if stored:
                ranges = [
                    {"low": i * SLOTS_PER_ARTICLE, "high": (i + 1) * SLOTS_PER_ARTICLE - 1}
                    for i in stored
                ]
                session.execute(_DELETE_FTS, ranges)
                session.execute(_DELETE_TITLES, ranges)
            if page.tombstones:
                session.execute(_DELETE_ARTICLE, [{"id": t.id} for t in page.tombstones])
            if page.articles:
                cursor = _cursor(session)
                cursor.execute(_UPSERT, {"rows": prepared.articles})
                self._insert_index(cursor, prepared.index)
            self._set_sync(session, page.next_cursor, synced_at)
        self._forget_vocabulary()

    def _stored(self, session: Session, article_ids: list[int]) -> list[int]:
        """Those of these articles the cache holds (only they have index rows to remove: a
        first sync has none, and skips 2 deletes per article)."""
        if not article_ids:
            return []
        query = text("SELECT id FROM knowledge_articles WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        )
        return [int(i) for i in session.execute(query, {"ids": article_ids}).scalars()]

    @staticmethod
    def prepare_page(page: SyncPage) -> PreparedPage:
        """The rows a page writes (words cleaned and stemmed: Python's share of a sync's
        time, so the sync makes them outside the write)."""
        articles = [
            [a.id, a.code, a.version, _dump(list(a.service_codes)), _dump(a.to_json())]
            for a in page.articles
        ]
        return PreparedPage(articles=_dump(articles), index=_index_json(page.articles))

    @staticmethod
    def _insert_index(cursor: sqlite3.Cursor, rows: str) -> None:
        cursor.execute(_INSERT_FTS, {"rows": rows})
        cursor.execute(_INSERT_TITLES, {"rows": rows})

    def ensure_index(self, batch: int = 500) -> int:
        """Index the stored articles that have no index rows, from their stored JSON; returns
        how many. After an upgrade whose store migration rebuilt the index tables, the cache
        is searchable again without central (a counter may start offline). Batches of
        `batch`, each its own short transaction: an interrupted run carries on next time."""
        done = 0
        after = 0
        while True:
            with self.store.writing() as session:
                found = session.execute(_UNINDEXED, {"after": after, "n": batch}).all()
                if not found:
                    break
                articles = [Article.from_json(json.loads(d)) for _, d in found]
                self._insert_index(_cursor(session), _index_json(articles))
            done += len(found)
            after = int(found[-1][0])
        if done:
            log.info("knowledge index rebuilt for %d stored articles", done)
            self._forget_vocabulary()
        return done

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
        with self.store.reading_cursor() as cursor:
            hits = self._search(cursor, terms, language, limit)
            corrected = None
            if not hits:
                corrected = self._with_corrections(cursor, terms)
                if corrected is not None:
                    hits = self._search(cursor, corrected, language, limit)
            if not hits and len(terms) > 1:
                # No article has every word: those with most of them ("buraco na rua").
                hits = self._search(cursor, corrected or terms, language, limit, any_word=True)
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
        stems = {w: kt.stem_token(w, slot_language(slot)) for w in candidates}
        with self.store.reading_cursor() as cursor:
            total = int(cursor.execute(_ARTICLE_COUNT).fetchone()[0])
            counts = self._document_counts(cursor, set(stems.values()))
            usable = [
                w
                for w in candidates
                if 0 < counts.get(stems[w], 0) <= max(1, int(total * COMMON_SHARE))
            ]
            usable.sort(key=lambda w: counts[stems[w]])
            terms = [kt.Term(w) for w in usable[:RELATED_WORDS]]
            if not terms:
                return []
            return self._search(cursor, terms, language, limit, any_word=True)

    def _document_counts(self, cursor: sqlite3.Cursor, stems: set[str]) -> dict[str, int]:
        if not stems:
            return {}
        found = cursor.execute(_STEM_COUNTS.format(",".join("?" * len(stems))), sorted(stems))
        return {str(t): int(n) for t, n in found}

    def _search(
        self,
        cursor: sqlite3.Cursor,
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
            for found in self._matches(cursor, terms, slot, limit, any_word):
                article_id = found.rowid // SLOTS_PER_ARTICLE
                kept = best.setdefault(article_id, found)  # the wanted language's row first
                if found.key < kept.key:
                    kept.tier, kept.score = found.tier, found.score
        ranked = sorted(best.values(), key=lambda f: (*f.key, f.rowid))[:limit]
        if not ranked:
            return []
        texts = {
            int(row[0]): row
            for row in cursor.execute(
                _TEXTS.format(",".join("?" * len(ranked))), [f.rowid for f in ranked]
            )
        }
        hits = []
        matchers: dict[str, kt.Matcher] = {}
        for found_row in ranked:
            row = texts.get(found_row.rowid)
            if row is None:
                continue
            _rowid, title, summary, documents, body, body_stems, code, services = row
            language = slot_language(found_row.rowid % SLOTS_PER_ARTICLE)
            matcher = matchers.get(language) or matchers.setdefault(
                language, kt.Matcher(terms, language)
            )
            # A title match shows the start of its summary (what the article is about); a
            # match elsewhere, where it is.
            about = [summary, documents]
            if found_row.tier:
                shown = kt.snippet(about, matcher, stemmed=(body, body_stems))
            else:
                shown = kt.lead(about, matcher)
            hits.append(
                SearchHit(
                    article_id=found_row.rowid // SLOTS_PER_ARTICLE,
                    code=str(code),
                    title=str(title),
                    title_html=kt.highlight(str(title), matcher),
                    snippet_html=shown,
                    score=found_row.hit_score,
                    service_codes=tuple(json.loads(services)),
                )
            )
        return hits

    def _matches(
        self,
        cursor: sqlite3.Cursor,
        terms: Sequence[kt.Term],
        slot: int,
        limit: int,
        any_word: bool,
    ) -> list[_Found]:
        """The rows of one language slot, best first: those matching in their titles and tags
        (a small table, quick to rank however common the words), then, if fewer than `limit`,
        those matching anywhere. A keystroke's search then ranks the few articles whose titles
        match, not the thousands whose bodies have a word starting with what was typed. Both
        tables take the same expression (their columns differ, not their tokens)."""
        expression = kt.match_expression(terms, slot_language(slot), any_word=any_word)
        found = [
            _Found(rowid, 0, score)
            for rowid, score in self._ranked(cursor, "knowledge_titles", expression, slot, limit)
        ]
        if len(found) < limit:
            seen = {f.rowid for f in found}
            found += [
                _Found(rowid, 1, score)
                for rowid, score in self._ranked(cursor, "knowledge_fts", expression, slot, limit)
                if rowid not in seen
            ]
        return found[:limit]

    def _ranked(
        self, cursor: sqlite3.Cursor, table: str, expression: str, slot: int, limit: int
    ) -> list[tuple[int, float]]:
        """The best `limit` rows of `table` matching `expression`, of at most
        `RANK_CAP[table]` ranked (finding them is cheap; ranking is not)."""
        found = cursor.execute(
            _RANKED[table],
            {"query": expression, "slot": slot, "cap": RANK_CAP[table], "limit": limit},
        )
        return [(int(rowid), float(score)) for rowid, score in found]

    def prepare(self) -> None:
        """Build now what the first searches would: the title vocabulary (for typos), and the
        stems of its words, which every hit's title is highlighted with. The sync calls this
        on its thread once the cache is up to date; without it, the first keystrokes after a
        start stemmed every word they showed (25-40 ms)."""
        with self.store.reading_cursor() as cursor:
            vocabulary = self._title_vocabulary(cursor)
        if self._stemmed is vocabulary:
            return  # a sync that brought nothing new
        for word in vocabulary.words:
            kt.stem(word, DEFAULT_LANGUAGE)
        self._stemmed = vocabulary

    # --- typos -------------------------------------------------------------------------------

    def _with_corrections(
        self, cursor: sqlite3.Cursor, terms: Sequence[kt.Term]
    ) -> list[kt.Term] | None:
        """The terms with the title and tag words one typing slip away as alternatives; None
        when no word has any."""
        vocabulary = self._title_vocabulary(cursor)
        corrected: list[kt.Term] = []
        changed = False
        for term in terms:
            alternatives = vocabulary.corrections(term.word)
            changed = changed or bool(alternatives)
            corrected.append(kt.Term(term.word, term.prefix, alternatives))
        return corrected if changed else None

    def _title_vocabulary(self, cursor: sqlite3.Cursor) -> kt.Vocabulary:
        with self._vocabulary_lock:
            if self._vocabulary is not None:
                return self._vocabulary
            generation = self._generation
        vocabulary = kt.Vocabulary(str(t) for (t,) in cursor.execute(_TITLE_WORDS))
        with self._vocabulary_lock:
            if self._generation == generation:
                self._vocabulary = vocabulary
        return vocabulary
