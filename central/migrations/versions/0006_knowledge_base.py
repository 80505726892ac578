"""knowledge base: articles, language variants, revisions, the sync change log, suggestions

Issue 5. Articles are the municipality's (no centre). What the counters cache is delta-synced
from `knowledge_changes`, one row per article, numbered from `knowledge_counter` at COMMIT:
on PostgreSQL by a deferred constraint trigger (as events are since 0004), so commits become
visible in number order and a sync cursor never steps over a late commit; on SQLite by Python
inside the writer's `BEGIN IMMEDIATE` transaction.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 14:11:39
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

import central.db

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NUMBER_CHANGE = """
CREATE FUNCTION balcao_number_knowledge_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    next_seq bigint;
BEGIN
    UPDATE knowledge_counter SET value = value + 1 WHERE id = 1 RETURNING value INTO next_seq;
    UPDATE knowledge_changes SET seq = next_seq WHERE id = NEW.id;
    RETURN NULL;
END
$$
"""

NUMBER_CHANGE_TRIGGER = """
CREATE CONSTRAINT TRIGGER knowledge_changes_number_at_commit AFTER INSERT ON knowledge_changes
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
EXECUTE FUNCTION balcao_number_knowledge_change()
"""


def upgrade() -> None:
    counter = op.create_table(
        "knowledge_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("epoch", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_counter")),
    )
    op.bulk_insert(counter, [{"id": 1, "value": 0, "epoch": uuid.uuid4().hex}])
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("published_version", sa.Integer(), nullable=True),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("review_by", sa.Date(), nullable=True),
        sa.Column("service_codes", sa.JSON(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("created_at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("published_at", central.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_articles_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("code", name=op.f("uq_articles_code")),
    )
    op.create_table(
        "article_revisions",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("comment", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_revisions_article_id_articles")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_article_revisions_user_id_users")
        ),
        sa.PrimaryKeyConstraint("article_id", "version", name=op.f("pk_article_revisions")),
    )
    op.create_table(
        "article_suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("article_version", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=True),
        sa.Column("created_at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", central.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_suggestions_article_id_articles"),
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_article_suggestions_author_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name=op.f("fk_article_suggestions_centre_id_centres")
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["users.id"], name=op.f("fk_article_suggestions_reviewer_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_suggestions")),
    )
    op.create_index(
        op.f("ix_article_suggestions_article_id"), "article_suggestions", ["article_id"]
    )
    op.create_index("ix_article_suggestions_status_id", "article_suggestions", ["status", "id"])
    op.create_table(
        "article_variants",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("body_md", sa.Text(), nullable=False),
        sa.Column("required_documents", sa.JSON(), nullable=False),
        sa.Column("fees", sa.JSON(), nullable=False),
        sa.Column("deadline", sa.Text(), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_variants_article_id_articles")
        ),
        sa.PrimaryKeyConstraint("article_id", "language", name=op.f("pk_article_variants")),
    )
    op.create_table(
        "knowledge_changes",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_knowledge_changes_article_id_articles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_changes")),
        sa.UniqueConstraint("article_id", name=op.f("uq_knowledge_changes_article_id")),
    )
    op.create_index("uq_knowledge_changes_seq", "knowledge_changes", ["seq"], unique=True)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(NUMBER_CHANGE)
        op.execute(NUMBER_CHANGE_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER knowledge_changes_number_at_commit ON knowledge_changes")
        op.execute("DROP FUNCTION balcao_number_knowledge_change()")
    op.drop_index("uq_knowledge_changes_seq", table_name="knowledge_changes")
    op.drop_table("knowledge_changes")
    op.drop_table("article_variants")
    op.drop_index("ix_article_suggestions_status_id", table_name="article_suggestions")
    op.drop_index(op.f("ix_article_suggestions_article_id"), table_name="article_suggestions")
    op.drop_table("article_suggestions")
    op.drop_table("article_revisions")
    op.drop_table("articles")
    op.drop_table("knowledge_counter")
