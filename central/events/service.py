"""Writing events in the same transaction as the change, and reading them back by sequence."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import event, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from central.events.models import ChangeCounter, Event

_PENDING = "balcao.pending_events"
_COMMITTED = "balcao.events_written"
NOTIFY_CHANNEL = "balcao_events"  # also named in the numbering trigger of migration 0004


def emit(
    session: Session, centre_id: int, kind: str, payload: dict[str, Any], at: datetime
) -> None:
    """Queue an event; it gets its sequence number and row when the transaction commits."""
    session.info.setdefault(_PENDING, []).append((centre_id, kind, payload, at))


def _allocate(session: Session, count: int) -> int:
    """Reserve `count` sequence numbers; returns the last. Holds the counter's row lock."""
    result = session.execute(
        update(ChangeCounter)
        .where(ChangeCounter.id == 1)
        .values(value=ChangeCounter.value + count)
        .returning(ChangeCounter.value)
    )
    return int(result.scalar_one())


def _before_commit(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    rows: list[dict[str, Any]] = [
        {"centre_id": centre_id, "kind": kind, "payload": payload, "at": at}
        for centre_id, kind, payload, at in pending
    ]
    if session.get_bind().dialect.name != "postgresql":
        # SQLite writers hold the database lock for the whole transaction, so numbering here
        # costs nothing more. PostgreSQL numbers the rows itself, at COMMIT (migration 0004).
        session.flush()  # the changes themselves first, so the counter lock is taken last
        last = _allocate(session, len(rows))
        for seq, row in enumerate(rows, start=last - len(rows) + 1):
            row["seq"] = seq
    session.execute(insert(Event), rows)
    session.info[_COMMITTED] = True


def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_COMMITTED, None)


def attach(factory: sessionmaker[Session], on_committed: Callable[[], None]) -> None:
    """Make sessions of `factory` write their pending events at commit and say when they did."""

    def _after_commit(session: Session) -> None:
        if session.info.pop(_COMMITTED, False):
            on_committed()

    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_commit", _after_commit)
    event.listen(factory, "after_soft_rollback", lambda s, _t: _after_rollback(s))


def last_seq(session: Session) -> int:
    return int(
        session.execute(select(ChangeCounter.value).where(ChangeCounter.id == 1)).scalar_one()
    )


def since(
    session: Session, after: int, *, centre_id: int | None = None, limit: int = 1000
) -> Sequence[Event]:
    query = select(Event).where(Event.seq > after).order_by(Event.seq).limit(limit)
    if centre_id is not None:
        query = query.where(Event.centre_id == centre_id)
    return session.execute(query).scalars().all()


def ensure_counter(session: Session) -> None:
    if session.get(ChangeCounter, 1) is None:
        session.add(ChangeCounter(id=1, value=0))
