"""Contract tests run the desktop's api/ against a real central: the integration fixtures."""

from __future__ import annotations

from tests.integration.conftest import (  # noqa: F401 - fixtures used by name
    _cheap_passwords,
    attendant,
    clock,
    ctx,
    db_url,
    fast_passwords,
    keyring_backend,
    live,
    make_api,
    memory_keyring,
    reception,
    sqlite_template,
    world,
)
