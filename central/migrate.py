"""Schema migrations with Alembic, run programmatically (no alembic.ini to ship or find)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.orm import Session

from central.db import Database
from central.events import service as events

MIGRATIONS = Path(__file__).parent / "migrations"
# Any fixed number: the PostgreSQL advisory lock that lets one process migrate at a time.
_MIGRATION_LOCK = 0x42414C43


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(db: Database, revision: str = "head") -> None:
    """Migrate and create the change counter in one transaction.

    Several worker processes start (and migrate) at once: on PostgreSQL an advisory lock makes
    the others wait and then find the schema current; on SQLite `BEGIN IMMEDIATE` does the same.
    """
    with db.write_engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config = alembic_config(db.url)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        with Session(bind=connection) as session:
            events.ensure_counter(session)
            session.flush()
