"""The schema of the desktop's SQLite file, version by version.

`PRAGMA user_version` holds the version reached. Each step is explicit DDL run in one
`BEGIN IMMEDIATE` transaction together with the new version number, so a crash leaves the file
at the old version or the new one. Later issues append steps; a step is never edited once
released (field PCs have files at every version).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import Connection, Engine

log = logging.getLogger(__name__)

# Version 1 (issue 4): cases and drafts, the outbox, the cache of reference data.
_V1 = (
    """
    CREATE TABLE cases (
        local_id VARCHAR(36) NOT NULL PRIMARY KEY,
        type_code VARCHAR(40) NOT NULL,
        state VARCHAR(20) NOT NULL
            CHECK (state IN ('draft', 'pending', 'synced', 'needs_attention')),
        centre_id INTEGER,
        provisional_reference VARCHAR(40) UNIQUE,
        final_reference VARCHAR(40),
        fields_json TEXT,
        citizen_json TEXT,
        ticket_id INTEGER,
        service_id INTEGER,
        counter_id INTEGER,
        attendant_id INTEGER,
        rejection_code VARCHAR(80),
        rejection_message TEXT,
        rejection_fields_json TEXT,
        created_at VARCHAR(32) NOT NULL,
        updated_at VARCHAR(32) NOT NULL,
        submitted_at VARCHAR(32),
        synced_at VARCHAR(32),
        version INTEGER NOT NULL
    )
    """,
    "CREATE INDEX ix_cases_state ON cases (state, updated_at)",
    """
    CREATE TABLE outbox (
        id VARCHAR(36) NOT NULL PRIMARY KEY,
        case_local_id VARCHAR(36) NOT NULL REFERENCES cases (local_id) ON DELETE CASCADE,
        command VARCHAR(40) NOT NULL,
        centre_id INTEGER NOT NULL,
        payload_json TEXT NOT NULL,
        created_at VARCHAR(32) NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at VARCHAR(32) NOT NULL,
        last_error VARCHAR(80)
    )
    """,
    "CREATE INDEX ix_outbox_due ON outbox (next_attempt_at, created_at)",
    "CREATE INDEX ix_outbox_case ON outbox (case_local_id)",
    """
    CREATE TABLE reference_cache (
        collection VARCHAR(40) NOT NULL PRIMARY KEY,
        data_json TEXT NOT NULL,
        fetched_at VARCHAR(32) NOT NULL
    )
    """,
    """
    CREATE TABLE local_sequences (
        name VARCHAR(60) NOT NULL PRIMARY KEY,
        last_value INTEGER NOT NULL
    )
    """,
)

MIGRATIONS: tuple[Sequence[str], ...] = (_V1,)
LATEST = len(MIGRATIONS)


def schema_version(connection: Connection) -> int:
    return int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())


def migrate(engine: Engine, steps: Sequence[Sequence[str]] = MIGRATIONS) -> int:
    """Bring the file to the newest version; returns it. A file from a newer Balcão is refused
    (its tables may mean something this version does not know)."""
    with engine.connect() as connection:
        current = schema_version(connection)
    if current > len(steps):
        raise RuntimeError(f"the local store is at version {current}, newer than this Balcão")
    for version in range(current + 1, len(steps) + 1):
        with engine.begin() as connection:  # BEGIN IMMEDIATE (see local_store)
            if schema_version(connection) >= version:
                continue  # another process got there first
            for statement in steps[version - 1]:
                connection.exec_driver_sql(statement)
            connection.exec_driver_sql(f"PRAGMA user_version = {int(version)}")
        log.info("local store migrated to version %d", version)
    return len(steps)
