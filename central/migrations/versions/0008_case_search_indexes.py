"""case search by name: a trigram index on case_citizens.name_key (PostgreSQL)

The case search finds a citizen by the words of their name anywhere in it (`name_key LIKE
'%word%'` for each word), which a B-tree cannot serve: on 100,000 cases every name search read
the whole table (bench/case_search_bench.py). On PostgreSQL `ix_case_citizens_name_key` becomes
a GIN index of pg_trgm trigrams, which serves those LIKEs. SQLite keeps its B-tree of the same
name (it has no trigram index; a counter centre's SQLite stays small).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 16:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.drop_index("ix_case_citizens_name_key", table_name="case_citizens")
    op.create_index(
        "ix_case_citizens_name_key",
        "case_citizens",
        ["name_key"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"name_key": "gin_trgm_ops"},
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_case_citizens_name_key", table_name="case_citizens")
    op.create_index("ix_case_citizens_name_key", "case_citizens", ["name_key"], unique=False)
