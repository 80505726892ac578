"""retention and erasure of cases; the knowledge articles used in a visit

`cases.erased_at` marks a case whose personal data the retention job erased once `retain_until`
passed; `ix_cases_retain_until` lets that job find the due cases without reading every case.
`visit_article_uses` records which article (and which version of it) the attendant used while
serving a ticket, once per ticket and article (knowledge issue 5).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 15:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import central.db

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("erased_at", central.db.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index("ix_cases_retain_until", ["retain_until"], unique=False)
    op.create_table(
        "visit_article_uses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("article_version", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_visit_article_uses_ticket_id_tickets")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_visit_article_uses_article_id_articles"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_visit_article_uses_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_article_uses")),
    )
    op.create_index(
        "uq_visit_article_uses_ticket_article",
        "visit_article_uses",
        ["ticket_id", "article_id"],
        unique=True,
    )
    op.create_index(op.f("ix_visit_article_uses_article_id"), "visit_article_uses", ["article_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_visit_article_uses_article_id"), table_name="visit_article_uses")
    op.drop_index("uq_visit_article_uses_ticket_article", table_name="visit_article_uses")
    op.drop_table("visit_article_uses")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_retain_until")
        batch_op.drop_column("erased_at")
