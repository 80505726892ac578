"""events get their sequence number at COMMIT, inside PostgreSQL

Until now the writer's Python code took the `change_counter` row lock with an UPDATE and then
needed two more round trips (insert the events, COMMIT) before releasing it; under load every
other writer waited on a backend that was idle in transaction while its Python thread queued for
the GIL. Events are now inserted unnumbered during the transaction, and a deferred constraint
trigger numbers them while PostgreSQL commits, so the lock lives for the commit only.

Rows get a surrogate key `id`; `seq` (the public change sequence) becomes nullable and unique.
SQLite keeps numbering in Python: its writers are serialized by BEGIN IMMEDIATE anyway.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 13:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import central.db

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NUMBER_EVENT = """
CREATE FUNCTION balcao_number_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    next_seq bigint;
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value INTO next_seq;
    UPDATE events SET seq = next_seq WHERE id = NEW.id;
    PERFORM pg_notify('balcao_events', next_seq::text);
    RETURN NULL;
END
$$
"""

NUMBER_EVENT_TRIGGER = """
CREATE CONSTRAINT TRIGGER events_number_at_commit AFTER INSERT ON events
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
EXECUTE FUNCTION balcao_number_event()
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE events DROP CONSTRAINT pk_events")
        op.execute("ALTER TABLE events ADD COLUMN id BIGSERIAL")
        op.execute("ALTER TABLE events ADD CONSTRAINT pk_events PRIMARY KEY (id)")
        op.execute("ALTER TABLE events ALTER COLUMN seq DROP NOT NULL")
        op.create_index("uq_events_seq", "events", ["seq"], unique=True)
        op.execute(NUMBER_EVENT)
        op.execute(NUMBER_EVENT_TRIGGER)
        return
    # SQLite cannot change a primary key in place: rebuild the table.
    op.drop_index("ix_events_centre_seq", table_name="events")
    op.rename_table("events", "events_before_0004")
    _create_events_table()
    op.execute(
        "INSERT INTO events (id, seq, centre_id, kind, payload, at) "
        "SELECT seq, seq, centre_id, kind, payload, at FROM events_before_0004"
    )
    op.drop_table("events_before_0004")
    op.create_index("ix_events_centre_seq", "events", ["centre_id", "seq"])
    op.create_index("uq_events_seq", "events", ["seq"], unique=True)


def _create_events_table() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=True),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=48), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name=op.f("fk_events_centre_id_centres")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER events_number_at_commit ON events")
        op.execute("DROP FUNCTION balcao_number_event()")
        op.drop_index("uq_events_seq", table_name="events")
        op.execute("DELETE FROM events WHERE seq IS NULL")
        op.execute("ALTER TABLE events DROP CONSTRAINT pk_events")
        op.execute("ALTER TABLE events DROP COLUMN id")
        op.execute("ALTER TABLE events ALTER COLUMN seq SET NOT NULL")
        op.execute("ALTER TABLE events ADD CONSTRAINT pk_events PRIMARY KEY (seq)")
        return
    op.drop_index("uq_events_seq", table_name="events")
    op.drop_index("ix_events_centre_seq", table_name="events")
    op.rename_table("events", "events_after_0004")
    op.create_table(
        "events",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=48), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("at", central.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name=op.f("fk_events_centre_id_centres")
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_events")),
    )
    op.execute(
        "INSERT INTO events (seq, centre_id, kind, payload, at) "
        "SELECT seq, centre_id, kind, payload, at FROM events_after_0004 WHERE seq IS NOT NULL"
    )
    op.drop_table("events_after_0004")
    op.create_index("ix_events_centre_seq", "events", ["centre_id", "seq"])
