"""The desktop's local store for unit tests: a fresh file in tmp_path (`path`), opened
(`store`, migrated to the newest version) and closed after the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.local_store import LocalStore


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "balcao.sqlite3"


@pytest.fixture
def store(path: Path) -> Iterator[LocalStore]:
    opened = LocalStore.open(path)
    yield opened
    opened.close()
