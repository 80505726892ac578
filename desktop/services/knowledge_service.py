"""Knowledge lookup at the counter: the local cache kept in step with central, searched offline.

- `sync` pulls pages of `GET /sync/knowledge` from the stored cursor until central has no
  more; each page is stored with its cursor in one transaction, so an interrupted sync (offline,
  stopped, the PC switched off) carries on from the last stored page. The last page stores the
  time: "cache of <time>" is the last sync that reached central's head.
- A 410 `sync.cursor_expired` (central restored from a backup, a malformed cursor) starts over
  from the beginning once; the first page of that new sync replaces the whole cache in its
  own transaction (the old cache stays searchable until the answer is there; from then on, and
  until the last page, the cache holds what the new sync received).
- Offline (`OfflineError`), a session that ended or any other error: raised as it is, the cache
  stays as it was and keeps answering searches; `state()` says how old it is.

Every method blocks (local SQLite or central): the views call them through the TaskRunner.
Nothing here logs what was searched or suggested.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime

from desktop.api.knowledge_api import SYNC_PAGE_SIZE, KnowledgeApi
from desktop.domain.errors import ApiError
from desktop.domain.knowledge import (
    CURSOR_EXPIRED,
    DEFAULT_LANGUAGE,
    Article,
    CacheState,
    KnowledgeUse,
    SearchHit,
    SuggestionReceipt,
    SyncPage,
)
from desktop.store.knowledge_repo import KnowledgeRepo, PreparedPage

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
Progress = Callable[[int], None]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class KnowledgeService:
    def __init__(
        self,
        api: KnowledgeApi,
        store: KnowledgeRepo,
        now: Clock = _utc_now,
        *,
        page_size: int = SYNC_PAGE_SIZE,
    ) -> None:
        self.api = api
        self.store = store
        self.now = now
        self.page_size = page_size
        self._sync_lock = threading.Lock()  # one sync at a time
        self._progress_lock = threading.Lock()
        self._syncing = False
        self._received = 0
        self._index_checked = False

    # --- sync --------------------------------------------------------------------------------

    def sync(
        self, progress: Progress | None = None, stop: threading.Event | None = None
    ) -> CacheState:
        """Bring the cache up to date with central; returns the cache's state. `progress` gets
        the number of articles and tombstones received so far after each page; `stop` set
        ends the sync after the page being stored (the next sync continues from it). A second
        call while one runs waits for it, then pulls what is new since."""
        with self._sync_lock:
            self._set_progress(syncing=True, received=0)
            try:
                if not self._index_checked:
                    # Articles stored before an upgrade that rebuilt the index: searchable
                    # again before (and without) central.
                    self.store.ensure_index()
                    self._index_checked = True
                self._pull(progress, stop)
            finally:
                self._set_progress(syncing=False)
        return self.state()

    def _pull(self, progress: Progress | None, stop: threading.Event | None) -> None:
        """Pages are fetched (and their index rows made) while the page before is written on
        a thread of its own: SQLite writes without Python's lock, so central's answer, the
        words' stemming and the disk work overlap. At most one page is being written."""
        cursor = self.store.cursor()
        restarted = False
        replace_cache = False
        received = 0
        writing: Future[int] | None = None

        def written() -> None:
            """Wait for the page being written; count and report it."""
            nonlocal writing, received
            if writing is None:
                return
            done, writing = writing, None
            received += done.result()
            self._set_progress(received=received)
            if progress is not None:
                progress(received)

        def stopped() -> bool:
            return stop is not None and stop.is_set()

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="knowledge-write") as writer:
            try:
                while not stopped():
                    try:
                        page = self.api.sync_page(cursor, self.page_size)
                    except ApiError as exc:
                        if exc.code != CURSOR_EXPIRED or restarted:
                            raise
                        log.warning("knowledge cursor refused by central (%s): syncing from "
                                    "the start", exc.details.get("reason", "?"))  # fmt: skip
                        restarted, replace_cache, cursor = True, True, None
                        continue
                    prepared = self.store.prepare_page(page)
                    written()
                    if stopped():
                        break  # this page is fetched again by the next sync
                    writing = writer.submit(self._write, page, prepared, replace_cache)
                    replace_cache = False
                    cursor = page.next_cursor
                    if not page.has_more:
                        written()
                        log.info("knowledge cache up to date (%d changes received)", received)
                        self.store.prepare()  # here rather than in the first search with a typo
                        return
            finally:
                written()

    def _write(self, page: SyncPage, prepared: PreparedPage, replace_cache: bool) -> int:
        self.store.apply_page(
            page,
            synced_at=None if page.has_more else self.now(),
            replace=replace_cache,
            prepared=prepared,
        )
        return len(page.articles) + len(page.tombstones)

    def _set_progress(self, *, syncing: bool | None = None, received: int | None = None) -> None:
        with self._progress_lock:
            if syncing is not None:
                self._syncing = syncing
            if received is not None:
                self._received = received

    def state(self) -> CacheState:
        """The cache as stored, and whether a sync is running (with what it received)."""
        stored = self.store.state()
        with self._progress_lock:
            return replace(stored, syncing=self._syncing, received=self._received)

    def clear(self) -> None:
        """Forget the cache (the next sync starts from the beginning)."""
        with self._sync_lock:
            self.store.clear()

    # --- lookups (local) ---------------------------------------------------------------------

    def search(
        self, query: str, language: str = DEFAULT_LANGUAGE, limit: int = 20
    ) -> list[SearchHit]:
        return self.store.search(query, language, limit)

    def article(self, article_id: int) -> Article | None:
        return self.store.article(article_id)

    def for_services(self, service_codes: Iterable[str]) -> list[Article]:
        return self.store.for_services(service_codes)

    def related(
        self, text: str, limit: int = 5, language: str = DEFAULT_LANGUAGE
    ) -> list[SearchHit]:
        return self.store.related(text, limit, language)

    # --- to central --------------------------------------------------------------------------

    def suggest(
        self,
        article_id: int,
        kind: str,
        text: str,
        language: str = DEFAULT_LANGUAGE,
        *,
        key: str | None = None,
    ) -> SuggestionReceipt:
        return self.api.suggest(article_id, kind, text, language, key=key)

    def record_use(self, ticket_id: int, article_id: int, article_version: int) -> KnowledgeUse:
        return self.api.record_use(ticket_id, article_id, article_version)
