"""counters.current_ticket_id foreign key on PostgreSQL

0001 declared it inside `create_table` with `use_alter=True`, which SQLAlchemy leaves out of
CREATE TABLE for a later ALTER that `op.create_table` never emits: PostgreSQL databases got no
constraint (SQLite, which cannot ALTER constraints, got it inline and needs nothing).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 10:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NAME = "fk_counters_current_ticket_id_tickets"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.create_foreign_key(NAME, "counters", "tickets", ["current_ticket_id"], ["id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.drop_constraint(NAME, "counters", type_="foreignkey")
