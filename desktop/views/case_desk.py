"""`CaseDesk`: the cases of one counter as the views see them. It owns nothing blocking: every
call of `CaseService` and `CaseSync` goes through the TaskRunner (`db` pool for the local store,
`net` for central), and results come back as signals on the GUI thread.

The sync loop (`start`) runs `CaseSync.run` on a thread of its own; a submit wakes it at once;
`stop` ends it (logout, closing the window). Tests call `sync_now` instead: one round, inline.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.domain.cases import CaseReferenceData
from desktop.services.case_service import CaseService
from desktop.services.case_sync import CaseSync, SyncRound
from desktop.tasks import LoopHandle, TaskRunner

log = logging.getLogger(__name__)


class CaseDesk(QObject):
    cases_changed = Signal()  # submitted, corrected, synced: read the list again
    round_done = Signal(object)  # SyncRound
    pending_count_changed = Signal(int)
    reference_changed = Signal(object)  # CaseReferenceData

    def __init__(
        self,
        runner: TaskRunner,
        service: CaseService,
        sync: CaseSync,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.service = service
        self.sync = sync
        self._now = now
        self._wake = threading.Event()
        self._loop: LoopHandle | None = None
        self.reference = CaseReferenceData()
        self.service.on_outbox = self._wake.set

    # --- the background sync ----------------------------------------------------------------

    def start(self) -> None:
        if self._loop is not None and self._loop.running:
            return
        self.sync.on_round = self.runner.relay(self._on_round, owner=self)
        wake = self._wake
        self._loop = self.runner.start_loop(
            lambda stop: self.sync.run(stop, wake), name="case-sync", owner=self
        )

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.stop()
            self._wake.set()  # `run` waits on the wake event: let it see the stop now
            self._loop = None

    def wake(self) -> None:
        self._wake.set()

    def sync_now(self) -> None:
        """One round now, through the runner (tests, a "send now" button)."""
        self.runner.submit(
            self.sync.run_once,
            self._now(),
            owner=self,
            on_done=self._on_round,
            on_error=self._on_round_failed,
        )

    def _on_round(self, done: SyncRound) -> None:
        self.round_done.emit(done)
        self.cases_changed.emit()
        self.refresh_count()

    def _on_round_failed(self, error: BaseException) -> None:
        log.warning("case sync round failed: %s", type(error).__name__)

    # --- reference data and counts ----------------------------------------------------------

    def set_desk(self, centre_id: int, counter_label: str | int) -> None:
        self.service.set_desk(centre_id, counter_label)

    def load_reference(self) -> None:
        """The cached copy at once (offline works), then central's in the background."""
        self.runner.submit(
            self.service.reference_data, owner=self, on_done=self._on_reference, pool="db"
        )
        self.runner.submit(
            self.service.refresh_reference_data,
            owner=self,
            on_done=self._on_reference,
            on_error=self._on_reference_failed,
        )

    def _on_reference(self, data: CaseReferenceData) -> None:
        if data.is_empty and not self.reference.is_empty:
            return
        self.reference = data
        self.reference_changed.emit(data)

    def _on_reference_failed(self, error: BaseException) -> None:
        log.info(
            "case reference data not refreshed (%s): the cached copy is used",
            getattr(error, "code", type(error).__name__),
        )

    def refresh_count(self) -> None:
        self.runner.submit(
            self.service.pending_count,
            owner=self,
            on_done=self.pending_count_changed.emit,
            pool="db",
        )

    def submitted(self, _case: Any = None) -> None:
        self.cases_changed.emit()
        self.refresh_count()
