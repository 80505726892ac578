"""`with` for the desktop's long-lived resources, written once.

- `StartedWhileInside`: a thing with `start()` and `stop()` (a central service run for the
  demo, the self-test or the screenshots) is started on entering the block and stopped on
  leaving it, also when the block fails.
- `ClosedOnExit`: a thing that is open once made (the event stream) is closed on leaving.

Pure Python: every layer (and tools/) may use it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from types import TracebackType
from typing import Self


class StartedWhileInside(ABC):
    @abstractmethod
    def start(self) -> object:
        """Start; raise (having cleaned up) if it cannot start."""

    @abstractmethod
    def stop(self) -> None:
        """Stop and release what `start` took; safe to call again."""

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class ClosedOnExit(ABC):
    @abstractmethod
    def close(self) -> None:
        """Release the resource; safe to call again (and from another thread)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
