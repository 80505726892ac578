"""Housekeeping: prune records that have outlived their use (run daily, like `retention`).

Each table has its own age, a constant with the reason for it. Rows are deleted in batches, one
transaction each, so a first run over a long backlog neither holds locks for long nor builds
one huge transaction. Running it twice in a row deletes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, func, select, tuple_

from central.auth.models import LoginAttempt, RefreshToken
from central.db import Database
from central.idempotency.models import IdempotencyRecord

# A stored answer is only needed while the client may still retry the request it answers. The
# desktop retries its outbox until it gets an answer, and a counter PC can be off, with a
# command sent but its answer lost, over a long weekend or a holiday fortnight; 30 days covers
# that with room to spare, and keeps the stored receipts (which name case references and
# attachment file names) from being kept for ever.
IDEMPOTENCY_MAX_AGE = timedelta(days=30)
# Failed logins count against a 15-minute window (auth policy); beyond that they only serve to
# look into an attack after the fact. Four weeks is enough for that, and no longer: a user name
# and a client address are personal data of the staff (or of whoever tried them).
LOGIN_ATTEMPT_MAX_AGE = timedelta(days=28)
# A refresh token lives a shift (12 h); an expired one is refused whether it is stored or not,
# so a week past expiry it only takes room (kept that long to help read a recent incident).
REFRESH_TOKEN_GRACE = timedelta(days=7)
DEFAULT_BATCH = 5000


@dataclass
class HousekeepingReport:
    """Rows deleted (or, in a dry run, that would be) per table."""

    deleted: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False


def _rules(now: datetime) -> list[tuple[Any, tuple[Any, ...], ColumnElement[bool]]]:
    """(model, its primary key columns, the condition of rows to delete)."""
    return [
        (
            IdempotencyRecord,
            (IdempotencyRecord.user_id, IdempotencyRecord.key),
            IdempotencyRecord.created_at < now - IDEMPOTENCY_MAX_AGE,
        ),
        (LoginAttempt, (LoginAttempt.id,), LoginAttempt.at < now - LOGIN_ATTEMPT_MAX_AGE),
        (
            RefreshToken,
            (RefreshToken.token_hash,),
            RefreshToken.expires_at < now - REFRESH_TOKEN_GRACE,
        ),
    ]


def _prune(db: Database, model: Any, key: tuple[Any, ...], where: Any, batch: int) -> int:
    total = 0
    while True:
        with db.writing() as session:
            rows = session.execute(select(*key).where(where).limit(batch)).all()
            if rows:
                if len(key) == 1:
                    match = key[0].in_([row[0] for row in rows])
                else:
                    match = tuple_(*key).in_([tuple(row) for row in rows])
                session.execute(delete(model).where(match))
        total += len(rows)
        if len(rows) < batch:
            return total


def run(
    db: Database, now: datetime, *, batch: int = DEFAULT_BATCH, dry_run: bool = False
) -> HousekeepingReport:
    if batch < 1:
        raise ValueError("batch must be at least 1")
    report = HousekeepingReport(dry_run=dry_run)
    for model, key, where in _rules(now):
        if dry_run:
            with db.reading() as session:
                count = session.execute(select(func.count()).select_from(model).where(where))
                report.deleted[model.__tablename__] = int(count.scalar_one())
        else:
            report.deleted[model.__tablename__] = _prune(db, model, key, where, batch)
    return report
