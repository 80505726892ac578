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

# Version 2 (issue 4, attachments): the files of a case, kept (bytes in the file, so a case,
# its files and their outbox rows commit together) until central has them.
_V2 = (
    """
    CREATE TABLE case_attachments (
        id VARCHAR(36) NOT NULL PRIMARY KEY,
        case_local_id VARCHAR(36) NOT NULL REFERENCES cases (local_id) ON DELETE CASCADE,
        filename TEXT NOT NULL,
        media_type VARCHAR(40) NOT NULL,
        size INTEGER NOT NULL,
        sha256 CHAR(64) NOT NULL,
        content BLOB NOT NULL,
        created_at VARCHAR(32) NOT NULL
    )
    """,
    "CREATE INDEX ix_case_attachments_case ON case_attachments (case_local_id)",
)

# Version 3 (issue 5): the cache of the knowledge base synced from central and its full-text
# index (see knowledge_repo). FTS5 row `id * 8 + slot` is the article's variant in the
# language of that slot, so an article's rows are found (and deleted) by a rowid range.
_V3 = (
    """
    CREATE TABLE knowledge_articles (
        id INTEGER NOT NULL PRIMARY KEY,
        code VARCHAR(120) NOT NULL,
        version INTEGER NOT NULL,
        service_codes_json TEXT NOT NULL,
        data_json TEXT NOT NULL
    )
    """,
    "CREATE INDEX ix_knowledge_articles_code ON knowledge_articles (code)",
    """
    CREATE TABLE knowledge_sync (
        id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
        cursor TEXT,
        last_synced_at VARCHAR(32)
    )
    """,
    """
    CREATE VIRTUAL TABLE knowledge_fts USING fts5 (
        title, summary, documents, body, tags,
        title_stem, summary_stem, documents_stem, body_stem, tags_stem,
        tokenize = "unicode61 remove_diacritics 2",
        prefix = '2 3 4'
    )
    """,
    # bm25 weights, column by column: the title counts most, the stemmed twin a little less.
    """
    INSERT INTO knowledge_fts (knowledge_fts, rank)
    VALUES ('rank', 'bm25(10.0, 4.0, 2.0, 1.0, 5.0, 7.0, 3.0, 1.5, 0.7, 3.5)')
    """,
    "CREATE VIRTUAL TABLE knowledge_vocab USING fts5vocab (knowledge_fts, 'col')",
    # The titles and tags alone, same rowids: searched first (a keystroke's search ranks the
    # few articles whose titles match, not the thousands whose bodies do).
    """
    CREATE VIRTUAL TABLE knowledge_titles USING fts5 (
        title, tags, title_stem, tags_stem,
        tokenize = "unicode61 remove_diacritics 2",
        prefix = '2 3 4'
    )
    """,
    """
    INSERT INTO knowledge_titles (knowledge_titles, rank)
    VALUES ('rank', 'bm25(10.0, 5.0, 7.0, 3.5)')
    """,
    # The words of the titles and tags: what a typo is corrected to.
    "CREATE VIRTUAL TABLE knowledge_title_vocab USING fts5vocab (knowledge_titles, 'col')",
)

# Version 4 (issue 6): the day's agenda of appointments as central last gave it, read when
# central cannot be reached. No personal data (central's agenda has none); past days deleted.
_V4 = (
    """
    CREATE TABLE appointment_agenda (
        centre_id INTEGER NOT NULL,
        day VARCHAR(10) NOT NULL,
        data_json TEXT NOT NULL,
        fetched_at VARCHAR(32) NOT NULL,
        PRIMARY KEY (centre_id, day)
    )
    """,
)

# Version 5 (issue 5, speed): the knowledge index rebuilt. Stems are written with a mark of
# their own (`knowledge_text.STEM_MARK`), the body is kept for snippets but matched by its stems
# only, the big table keeps a prefix index for two letters only and the titles one for up to
# eight. Writing the index took half the time and the slowest keystroke searches half as long
# (docs/performance.md). The articles and the cursor are kept: `KnowledgeRepo.ensure_index`
# indexes them again from their stored JSON, so a counter upgraded offline keeps its cache.
_V5 = (
    "DROP TABLE knowledge_title_vocab",
    "DROP TABLE knowledge_titles",
    "DROP TABLE knowledge_vocab",
    "DROP TABLE knowledge_fts",
    """
    CREATE VIRTUAL TABLE knowledge_fts USING fts5 (
        title, summary, documents, body UNINDEXED, tags,
        title_stem, summary_stem, documents_stem, body_stem, tags_stem,
        tokenize = "unicode61 remove_diacritics 2",
        prefix = '2'
    )
    """,
    # bm25 weights, column by column: the title counts most, the stemmed twin a little less.
    """
    INSERT INTO knowledge_fts (knowledge_fts, rank)
    VALUES ('rank', 'bm25(10.0, 4.0, 2.0, 1.0, 5.0, 7.0, 3.0, 1.5, 1.0, 3.5)')
    """,
    "CREATE VIRTUAL TABLE knowledge_vocab USING fts5vocab (knowledge_fts, 'col')",
    """
    CREATE VIRTUAL TABLE knowledge_titles USING fts5 (
        title, tags, title_stem, tags_stem,
        tokenize = "unicode61 remove_diacritics 2",
        prefix = '2 3 4 5 6 7 8'
    )
    """,
    """
    INSERT INTO knowledge_titles (knowledge_titles, rank)
    VALUES ('rank', 'bm25(10.0, 5.0, 7.0, 3.5)')
    """,
    "CREATE VIRTUAL TABLE knowledge_title_vocab USING fts5vocab (knowledge_titles, 'col')",
)

MIGRATIONS: tuple[Sequence[str], ...] = (_V1, _V2, _V3, _V4, _V5)
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
