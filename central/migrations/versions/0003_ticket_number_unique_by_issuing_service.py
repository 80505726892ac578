"""ticket numbers unique per issuing service, so a transferred ticket keeps its number

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 11:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("uq_tickets_service_day_seq", table_name="tickets")
    op.create_index(
        "uq_tickets_issued_service_day_seq",
        "tickets",
        ["issued_service_id", "service_day", "seq"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_tickets_issued_service_day_seq", table_name="tickets")
    op.create_index(
        "uq_tickets_service_day_seq", "tickets", ["service_id", "service_day", "seq"], unique=True
    )
