"""Session-wide fixtures: the PostgreSQL server used by every test that needs one."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests import pg


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    reason = pg.unavailable_reason()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL tests must run in CI: {reason}")
        pytest.skip(f"PostgreSQL NOT TESTED: {reason}")
    with pg.postgres_server() as url:
        yield url
