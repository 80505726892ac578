"""`KnowledgeDesk`: the counter's knowledge cache as the views see it (the panel, the article
viewer, the related-articles hint of the case form). It owns nothing blocking: every call of
the knowledge service goes through the TaskRunner (`db` pool for the local cache, `net` for
central), and results come back as callbacks and signals on the GUI thread.

Searches are coalesced: one runs at a time and, while it runs, only the newest query waits;
an answer for a query that is no longer the newest is dropped, so typing fast never shows the
results of a word already erased. The ticket in context (`set_context`) decides the articles
of "this service" and on which visit an opened article is recorded.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from desktop.domain.knowledge import DEFAULT_LANGUAGE, Article, CacheState, SearchHit
from desktop.tasks import LoopHandle, TaskRunner

log = logging.getLogger(__name__)

SEARCH_LIMIT = 30
CONTEXT_LIMIT = 30


class KnowledgeLookup(Protocol):
    """What the views need of `KnowledgeService` (services/knowledge_service.py)."""

    def sync(self, progress: Callable[..., Any], stop: threading.Event) -> CacheState: ...

    def search(self, query: str, language: str, limit: int) -> Sequence[SearchHit]: ...

    def article(self, article_id: int) -> Article | None: ...

    def for_services(self, codes: Sequence[str]) -> Sequence[Any]: ...

    def related(self, text: str, limit: int) -> Sequence[Any]: ...

    def suggest(self, article_id: int, kind: str, text: str, language: str) -> Any: ...

    def record_use(self, ticket_id: int, article_id: int, article_version: int) -> Any: ...

    def state(self) -> CacheState: ...


@dataclass(frozen=True)
class ResultRow:
    """One line of a result list: escaped HTML (matches in `<b>`) and the plain title."""

    article_id: int
    code: str
    title: str
    title_html: str
    snippet_html: str


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def result_row(item: Any, language: str = DEFAULT_LANGUAGE) -> ResultRow:
    """A `SearchHit` as it is, an `Article` with its summary as the snippet."""
    if isinstance(item, SearchHit):
        return ResultRow(item.article_id, item.code, item.title, item.title_html, item.snippet_html)
    if isinstance(item, Article):
        variant = item.variant(language)
        return ResultRow(
            item.id, item.code, variant.title, _escape(variant.title), _escape(variant.summary)
        )
    raise TypeError(f"not a search result: {type(item).__name__}")


def result_rows(items: Sequence[Any], language: str = DEFAULT_LANGUAGE) -> tuple[ResultRow, ...]:
    return tuple(result_row(item, language) for item in items)


class KnowledgeDesk(QObject):
    state_changed = Signal(object)  # CacheState (also while a sync runs: `syncing`, `received`)
    synced = Signal(object)  # CacheState at the end of a sync
    sync_failed = Signal(object)  # the error
    context_changed = Signal()
    article_used = Signal(int)  # article id recorded on the visit in context

    def __init__(
        self,
        runner: TaskRunner,
        service: KnowledgeLookup,
        *,
        language: str = DEFAULT_LANGUAGE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.service = service
        self.language = language
        self.state = CacheState()
        self.service_code: str | None = None
        self.ticket_id: int | None = None
        self._loop: LoopHandle | None = None
        self._search_running = False
        self._search_waiting: tuple[str, Callable[[str, tuple[ResultRow, ...]], Any]] | None = None
        self._newest_query: str | None = None
        self.searches = 0  # answers delivered (tests wait on it)

    # --- the ticket in context --------------------------------------------------------------

    def set_context(self, service_code: str | None, ticket_id: int | None) -> None:
        if (service_code, ticket_id) == (self.service_code, self.ticket_id):
            return
        self.service_code, self.ticket_id = service_code, ticket_id
        self.context_changed.emit()

    # --- the cache and its sync -------------------------------------------------------------

    def load_state(self) -> None:
        self.runner.submit(
            self.service.state, owner=self, on_done=self._on_state, on_error=self._log, pool="db"
        )

    def _on_state(self, state: CacheState) -> None:
        self.state = state
        self.state_changed.emit(state)

    @property
    def syncing(self) -> bool:
        """A sync was started and its end has not reached the GUI thread yet."""
        return self._loop is not None

    def start_sync(self) -> None:
        """A sync with central on a thread of its own (a first one brings every article);
        progress comes as `state_changed`, the end as `synced` or `sync_failed`."""
        if self.syncing:
            return
        progress = self.runner.relay(self._on_progress, owner=self)
        done = self.runner.relay(self._on_synced, owner=self)
        service = self.service

        def run(stop: threading.Event) -> None:
            done(service.sync(progress, stop))

        self._loop = self.runner.start_loop(
            run, name="knowledge-sync", owner=self, on_error=self._on_sync_failed
        )

    def stop_sync(self) -> None:
        """Ask a running sync to end after the page it is storing (logout, closing)."""
        if self._loop is not None:
            self._loop.stop()
            self._loop = None  # a later sync waits for this one in the service

    def _on_progress(self, progress: Any) -> None:
        """The service reports the changes received so far (or a whole state)."""
        if isinstance(progress, CacheState):
            self._on_state(progress)
        elif isinstance(progress, int):
            self._on_state(replace(self.state, syncing=True, received=progress))

    def _on_synced(self, state: CacheState) -> None:
        self._loop = None
        self._on_state(state)
        self.synced.emit(state)

    def _on_sync_failed(self, error: BaseException) -> None:
        self._loop = None
        log.info("knowledge sync failed: %s", getattr(error, "code", type(error).__name__))
        self.sync_failed.emit(error)
        self.load_state()

    # --- searching --------------------------------------------------------------------------

    def search(self, query: str, on_done: Callable[[str, tuple[ResultRow, ...]], Any]) -> None:
        """`on_done(query, rows)` for the newest query only (see the module doc)."""
        self._newest_query = query
        if self._search_running:
            self._search_waiting = (query, on_done)
            return
        self._run_search(query, on_done)

    def _run_search(self, query: str, on_done: Callable[[str, tuple[ResultRow, ...]], Any]) -> None:
        self._search_running = True
        language = self.language

        def run() -> tuple[ResultRow, ...]:
            return result_rows(self.service.search(query, language, SEARCH_LIMIT), language)

        def finished(rows: tuple[ResultRow, ...] | None) -> None:
            self._search_running = False
            waiting, self._search_waiting = self._search_waiting, None
            if rows is not None and query == self._newest_query:
                self.searches += 1
                on_done(query, rows)
            if waiting is not None:
                self._run_search(*waiting)

        def failed(error: BaseException) -> None:
            log.warning("knowledge search failed: %s", type(error).__name__)
            finished(None)

        self.runner.submit(run, owner=self, on_done=finished, on_error=failed, pool="db")

    def for_service(self, on_done: Callable[[tuple[ResultRow, ...]], Any]) -> None:
        """The articles of the service in context (none without a ticket)."""
        code = self.service_code
        if not code:
            on_done(())
            return
        language = self.language

        def run() -> tuple[ResultRow, ...]:
            return result_rows(self.service.for_services([code])[:CONTEXT_LIMIT], language)

        self.runner.submit(run, owner=self, on_done=on_done, on_error=self._log, pool="db")

    def related(
        self, text: str, limit: int, on_done: Callable[[tuple[ResultRow, ...]], Any]
    ) -> None:
        language = self.language

        def run() -> tuple[ResultRow, ...]:
            return result_rows(self.service.related(text, limit), language)

        self.runner.submit(run, owner=self, on_done=on_done, on_error=self._log, pool="db")

    # --- one article ------------------------------------------------------------------------

    def article(
        self,
        article_id: int,
        on_done: Callable[[Article | None], Any],
        on_error: Callable[[BaseException], Any] | None = None,
    ) -> None:
        self.runner.submit(
            self.service.article,
            article_id,
            owner=self,
            on_done=on_done,
            on_error=on_error or self._log,
            pool="db",
        )

    def record_use(self, article: Article) -> None:
        """The article opened on the visit in context, fire and forget (a failure is only
        logged: the citizen is served anyway)."""
        ticket_id = self.ticket_id
        if ticket_id is None:
            return
        self.runner.submit(
            self.service.record_use,
            ticket_id,
            article.id,
            article.version,
            owner=self,
            on_done=lambda _r: self.article_used.emit(article.id),
            on_error=self._on_record_failed,
        )

    def _on_record_failed(self, error: BaseException) -> None:
        log.warning("article use not recorded: %s", getattr(error, "code", type(error).__name__))

    def suggest(
        self,
        article_id: int,
        kind: str,
        text: str,
        on_done: Callable[[Any], Any],
        on_error: Callable[[BaseException], Any],
    ) -> None:
        self.runner.submit(
            self.service.suggest,
            article_id,
            kind,
            text,
            self.language,
            owner=self,
            on_done=on_done,
            on_error=on_error,
        )

    def _log(self, error: BaseException) -> None:
        log.warning("knowledge lookup failed: %s", getattr(error, "code", type(error).__name__))
