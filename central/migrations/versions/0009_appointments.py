"""appointments: schedules, closures, per-slot counters, bookings, citizens, read log

`appointment_slots` holds one row per booked slot with its count of places taken: booking
takes the place with a conditional update of that row, so under concurrency exactly as many
bookings win as the slot has places. `tickets.on_display` is false for the tickets of remote
appointments (video, phone), which the public display does not show.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import central.db

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "appointment_rules",
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("checkin_early_minutes", sa.Integer(), nullable=False),
        sa.Column("late_minutes", sa.Integer(), nullable=False),
        sa.Column("late_action", sa.String(length=16), nullable=False),
        sa.Column("updated_at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name=op.f("fk_appointment_rules_centre_id_centres")
        ),
        sa.PrimaryKeyConstraint("centre_id", name=op.f("pk_appointment_rules")),
    )
    op.create_table(
        "appointment_closures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name=op.f("fk_appointment_closures_centre_id_centres")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_appointment_closures_service_id_services"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_closures")),
    )
    with op.batch_alter_table("appointment_closures", schema=None) as batch_op:
        batch_op.create_index(
            "ix_appointment_closures_centre_day", ["centre_id", "day"], unique=False
        )

    op.create_table(
        "appointment_schedules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("weekly_hours", sa.JSON(), nullable=False),
        sa.Column("slot_minutes", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("horizon_days", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name=op.f("fk_appointment_schedules_centre_id_centres")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_appointment_schedules_service_id_services"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_schedules")),
        sa.UniqueConstraint("service_id", name=op.f("uq_appointment_schedules_service_id")),
    )
    with op.batch_alter_table("appointment_schedules", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appointment_schedules_centre_id"), ["centre_id"], unique=False
        )

    op.create_table(
        "appointment_slots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("booked", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_appointment_slots_service_id_services")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_slots")),
        sa.UniqueConstraint(
            "service_id", "starts_at", name=op.f("uq_appointment_slots_service_id_starts_at")
        ),
    )
    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=16), nullable=False),
        sa.Column("booking_code", sa.String(length=16), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("starts_at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("meeting_url", sa.String(length=500), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("late_walk_in", sa.Boolean(), nullable=False),
        sa.Column("created_at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("checked_in_at", central.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", central.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name=op.f("fk_appointments_centre_id_centres")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_appointments_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_appointments_service_id_services")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_appointments_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
        sa.UniqueConstraint("booking_code", name=op.f("uq_appointments_booking_code")),
        sa.UniqueConstraint("reference", name=op.f("uq_appointments_reference")),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_appointments_centre_day", ["centre_id", "service_day", "starts_at"], unique=False
        )
        batch_op.create_index(
            "ix_appointments_status_starts", ["status", "starts_at"], unique=False
        )

    op.create_table(
        "appointment_citizens",
        sa.Column("appointment_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("nif", sa.String(length=9), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.id"],
            name=op.f("fk_appointment_citizens_appointment_id_appointments"),
        ),
        sa.PrimaryKeyConstraint("appointment_id", name=op.f("pk_appointment_citizens")),
    )
    with op.batch_alter_table("appointment_citizens", schema=None) as batch_op:
        batch_op.create_index("ix_appointment_citizens_nif", ["nif"], unique=False)

    op.create_table(
        "appointment_reads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=False),
        sa.Column("access", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.id"],
            name=op.f("fk_appointment_reads_appointment_id_appointments"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_appointment_reads_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_reads")),
    )
    with op.batch_alter_table("appointment_reads", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appointment_reads_appointment_id"), ["appointment_id"], unique=False
        )

    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("on_display", sa.Boolean(), server_default=sa.true(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("on_display")

    with op.batch_alter_table("appointment_reads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appointment_reads_appointment_id"))

    op.drop_table("appointment_reads")
    with op.batch_alter_table("appointment_citizens", schema=None) as batch_op:
        batch_op.drop_index("ix_appointment_citizens_nif")

    op.drop_table("appointment_citizens")
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_index("ix_appointments_status_starts")
        batch_op.drop_index("ix_appointments_centre_day")

    op.drop_table("appointments")
    op.drop_table("appointment_slots")
    with op.batch_alter_table("appointment_schedules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appointment_schedules_centre_id"))

    op.drop_table("appointment_schedules")
    with op.batch_alter_table("appointment_closures", schema=None) as batch_op:
        batch_op.drop_index("ix_appointment_closures_centre_day")

    op.drop_table("appointment_closures")
    op.drop_table("appointment_rules")
