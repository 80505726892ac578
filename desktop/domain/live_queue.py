"""The live queue of a centre, kept from a snapshot plus the event stream (pure, no I/O).

Rules (docs/desktop.md, "Live queue protocol"):

- A ticket event is applied only if its `version` is newer than the one held (or than the
  version at which the ticket left the queue), so a replayed or late event and a ticket list that
  already includes an event are harmless, whatever their order.
- A ticket in a terminal status (done, no_show, cancelled) leaves the state; reactivating it
  (a newer version) brings it back.
- A counter patch (the `counter` object of an event) merges into the counter's live state: only
  the keys it carries change. Patches are ordered by the event's `seq`; an older one is ignored.
"""

from __future__ import annotations

import json
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from desktop.domain.errors import BAD_ANSWER, BalcaoError
from desktop.domain.tickets import CallReason, Status, TicketSummary
from desktop.domain.values import optional_int, parse_time, require_time

RESET = "reset"
ACTIVE_STATUSES = frozenset({Status.WAITING, Status.CALLED, Status.SERVING, Status.PARKED})
TERMINAL_STATUSES = frozenset({Status.DONE, Status.NO_SHOW, Status.CANCELLED})

# The counter fields an event may carry, as named in the event's `counter` object.
_PATCH_FIELDS = ("number", "state", "pause_reason", "user_id", "current_ticket_id", "state_since")
# Fields a counter always has: a null for one of them is ignored rather than stored.
_REQUIRED_COUNTER_FIELDS = frozenset({"number", "state", "state_since", "service_ids"})


@dataclass(frozen=True)
class CounterPatch:
    """The `counter` object of an event: `present` names the keys it carried, since a None value
    (no pause reason, nobody at the counter) is news too."""

    id: int
    present: frozenset[str]
    number: int | None = None
    state: str | None = None
    pause_reason: str | None = None
    user_id: int | None = None
    current_ticket_id: int | None = None
    state_since: datetime | None = None
    service_ids: tuple[int, ...] | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CounterPatch:
        present = {key for key in _PATCH_FIELDS if key in data}
        services = data.get("services")
        if services is not None:
            present.add("service_ids")
        number = data.get("number")
        state = data.get("state")
        return cls(
            id=int(data["id"]),
            present=frozenset(present),
            number=None if number is None else int(number),
            state=None if state is None else str(state),
            pause_reason=data.get("pause_reason"),
            user_id=optional_int(data.get("user_id")),
            current_ticket_id=optional_int(data.get("current_ticket_id")),
            state_since=parse_time(data.get("state_since")),
            service_ids=(
                None if services is None else tuple(int(s["service_id"]) for s in services)
            ),
        )


@dataclass(frozen=True)
class QueueEvent:
    """One event of the stream. `kind` is `ticket.called`, `counter.paused`, ... or `reset`
    (then `seq` is the server's newest id and nothing else is set)."""

    seq: int
    kind: str
    at: datetime | None
    ticket: TicketSummary | None = None
    counter: CounterPatch | None = None
    reason: CallReason | None = None
    from_counter_id: int | None = None

    @classmethod
    def from_sse(cls, event: str, data: str) -> QueueEvent:
        """Parse one SSE message (`event:` name and `data:` JSON); BalcaoError
        `client.bad_answer` if it is not what the central sends."""
        try:
            body = json.loads(data)
            if not isinstance(body, dict):
                raise ValueError("event data is not an object")
            if event == RESET:
                return cls(seq=int(body["last_event_id"]), kind=RESET, at=None)
            ticket = body.get("ticket")
            counter = body.get("counter")
            return cls(
                seq=int(body["seq"]),
                kind=str(body.get("kind") or event),
                at=require_time(body["at"]),
                ticket=TicketSummary.from_json(ticket) if ticket else None,
                counter=CounterPatch.from_json(counter) if counter else None,
                reason=CallReason.from_json(body.get("reason")),
                from_counter_id=optional_int(body.get("from_counter_id")),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise BalcaoError(
                BAD_ANSWER, f"unreadable {event or 'message'} event: {exc}", {"event": event}
            ) from exc

    @property
    def is_reset(self) -> bool:
        return self.kind == RESET


@dataclass(frozen=True)
class CounterLive:
    id: int
    number: int
    name: str
    state: str
    pause_reason: str | None
    user_id: int | None
    attendant: str | None
    current_ticket_id: int | None
    current_ticket_number: str | None
    state_since: datetime
    service_ids: tuple[int, ...]

    @classmethod
    def from_snapshot(cls, data: Mapping[str, Any]) -> CounterLive:
        ticket = data.get("ticket")
        return cls(
            id=int(data["counter_id"]),
            number=int(data["number"]),
            name=str(data["name"]),
            state=str(data["state"]),
            pause_reason=data.get("pause_reason"),
            user_id=optional_int(data.get("user_id")),
            attendant=data.get("attendant"),
            current_ticket_id=int(ticket["id"]) if ticket else None,
            current_ticket_number=str(ticket["number"]) if ticket else None,
            state_since=require_time(data["state_since"]),
            service_ids=tuple(int(s) for s in data.get("service_ids") or ()),
        )


@dataclass(frozen=True)
class QueueChange:
    """What one event (or a batch) changed, so item models emit precise signals."""

    inserted: tuple[int, ...] = ()
    updated: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()
    counters: tuple[int, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.inserted or self.updated or self.removed or self.counters)

    def merge(self, later: QueueChange) -> QueueChange:
        """This change followed by `later`, as one: a ticket inserted then removed is no news."""
        inserted = dict.fromkeys(self.inserted)
        updated = dict.fromkeys(self.updated)
        removed = dict.fromkeys(self.removed)
        for ticket_id in later.inserted:
            if ticket_id in removed:  # left and came back: it was there before and still is
                del removed[ticket_id]
                updated[ticket_id] = None
            else:
                inserted[ticket_id] = None
        for ticket_id in later.updated:
            if ticket_id not in inserted:
                updated[ticket_id] = None
        for ticket_id in later.removed:
            if ticket_id in inserted:
                del inserted[ticket_id]
            else:
                updated.pop(ticket_id, None)
                removed[ticket_id] = None
        return QueueChange(
            inserted=tuple(inserted),
            updated=tuple(updated),
            removed=tuple(removed),
            counters=tuple(dict.fromkeys((*self.counters, *later.counters))),
        )


@dataclass(frozen=True)
class ServiceStats:
    waiting: int = 0
    priority_waiting: int = 0
    longest_wait_seconds: int = 0


def _queue_order(ticket: TicketSummary) -> tuple[bool, datetime, int]:
    return (not ticket.front, ticket.queued_at, ticket.id)


@dataclass
class QueueState:
    """Every active ticket (waiting, called, serving, parked) and every counter of one centre.

    Mutable inside, used from one thread (the GUI's); what it hands out is frozen or a copy.
    """

    centre_id: int
    last_event_id: int
    service_ids: tuple[int, ...] = ()
    _tickets: dict[int, TicketSummary] = field(default_factory=dict, repr=False)
    _counters: dict[int, CounterLive] = field(default_factory=dict, repr=False)
    # Version at which a ticket left the queue: an older event about it must not revive it.
    _gone: dict[int, int] = field(default_factory=dict, repr=False)
    # Seq of the last patch applied to each counter: patches carry no version of their own.
    _counter_seq: dict[int, int] = field(default_factory=dict, repr=False)
    # Names seen in snapshots: events carry a user id only.
    _names: dict[int, str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_snapshot(
        cls, snapshot: Mapping[str, Any], tickets: Iterable[TicketSummary]
    ) -> QueueState:
        """`snapshot` is `GET /centres/{id}/queue`; `tickets` the active tickets read after it."""
        last = int(snapshot["last_event_id"])
        state = cls(
            centre_id=int(snapshot["centre_id"]),
            last_event_id=last,
            service_ids=tuple(int(s["service_id"]) for s in snapshot.get("services") or ()),
        )
        for data in snapshot.get("counters") or ():
            counter = CounterLive.from_snapshot(data)
            state._counters[counter.id] = counter
            state._counter_seq[counter.id] = last
            if counter.user_id is not None and counter.attendant:
                state._names[counter.user_id] = counter.attendant
        for ticket in tickets:
            held = state._tickets.get(ticket.id)
            if ticket.status in ACTIVE_STATUSES and (held is None or ticket.version > held.version):
                state._tickets[ticket.id] = ticket
        return state

    # --- reading --------------------------------------------------------------------------------

    @property
    def tickets(self) -> Mapping[int, TicketSummary]:
        return types.MappingProxyType(dict(self._tickets))

    @property
    def counters(self) -> Mapping[int, CounterLive]:
        return types.MappingProxyType(dict(self._counters))

    def ticket(self, ticket_id: int) -> TicketSummary | None:
        return self._tickets.get(ticket_id)

    def counter(self, counter_id: int) -> CounterLive | None:
        return self._counters.get(counter_id)

    def waiting_for(
        self, service_ids: Iterable[int], counter_id: int | None
    ) -> list[TicketSummary]:
        """Waiting tickets this counter may call, in queue order: those of its services not
        reserved for another counter, and those transferred to it whatever their service."""
        services = set(service_ids)
        mine = [
            t
            for t in self._tickets.values()
            if t.status == Status.WAITING
            and (
                (counter_id is not None and t.target_counter_id == counter_id)
                or (t.target_counter_id is None and t.service_id in services)
            )
        ]
        return sorted(mine, key=_queue_order)

    def waiting(self) -> list[TicketSummary]:
        """Every waiting ticket of the centre, in queue order."""
        return sorted(
            (t for t in self._tickets.values() if t.status == Status.WAITING), key=_queue_order
        )

    def service_stats(self, now: datetime) -> dict[int, ServiceStats]:
        counts: dict[int, list[int]] = {sid: [0, 0] for sid in self.service_ids}
        oldest: dict[int, datetime] = {}
        for t in self._tickets.values():
            if t.status != Status.WAITING:
                continue
            entry = counts.setdefault(t.service_id, [0, 0])
            entry[0] += 1
            entry[1] += int(t.is_priority)
            if t.service_id not in oldest or t.queued_at < oldest[t.service_id]:
                oldest[t.service_id] = t.queued_at
        return {
            sid: ServiceStats(
                waiting=waiting,
                priority_waiting=priority,
                longest_wait_seconds=(
                    max(0, int((now - oldest[sid]).total_seconds())) if sid in oldest else 0
                ),
            )
            for sid, (waiting, priority) in counts.items()
        }

    def unnamed_counters(self) -> tuple[int, ...]:
        """Counters with someone at them whose name is unknown (events carry a user id only):
        read the names (`QueueService.attendant_names`) and `learn_names` them."""
        return tuple(
            c.id for c in self._counters.values() if c.user_id is not None and c.attendant is None
        )

    def learn_names(self, names: Mapping[int, str]) -> QueueChange:
        """Attendants' names by user id; returns the counters whose attendant became known."""
        self._names.update(names)
        changed: list[int] = []
        for counter in list(self._counters.values()):
            name = names.get(counter.user_id) if counter.user_id is not None else None
            if name is not None and counter.attendant != name:
                self._counters[counter.id] = replace(counter, attendant=name)
                changed.append(counter.id)
        return QueueChange(counters=tuple(changed))

    # --- applying events ------------------------------------------------------------------------

    def apply_all(self, events: Iterable[QueueEvent]) -> QueueChange:
        change = QueueChange()
        for event in events:
            change = change.merge(self.apply(event))
        return change

    def apply(self, event: QueueEvent) -> QueueChange:
        if event.is_reset:
            return QueueChange()  # the caller reloads; nothing here can be trusted to change
        self.last_event_id = max(self.last_event_id, event.seq)
        change = QueueChange()
        if event.ticket is not None:
            change = self._apply_ticket(event.ticket)
        if event.counter is not None and self._apply_counter(event.counter, event.seq):
            change = replace(change, counters=(event.counter.id,))
        return change

    def _apply_ticket(self, ticket: TicketSummary) -> QueueChange:
        held = self._tickets.get(ticket.id)
        newest_known = held.version if held is not None else self._gone.get(ticket.id, -1)
        if ticket.version <= newest_known:
            return QueueChange()
        if ticket.status not in ACTIVE_STATUSES:
            self._gone[ticket.id] = ticket.version
            if held is None:
                return QueueChange()
            del self._tickets[ticket.id]
            return QueueChange(removed=(ticket.id,))
        self._gone.pop(ticket.id, None)
        self._tickets[ticket.id] = ticket
        return QueueChange(updated=(ticket.id,)) if held else QueueChange(inserted=(ticket.id,))

    def _apply_counter(self, patch: CounterPatch, seq: int) -> bool:
        if seq <= self._counter_seq.get(patch.id, -1):
            return False
        held = self._counters.get(patch.id)
        if held is None:
            held = self._new_counter(patch)
            if held is None:
                return False  # too little to show; the next snapshot will bring it
        values: dict[str, Any] = {}
        for key in patch.present:
            value = getattr(patch, key)
            if value is not None or key not in _REQUIRED_COUNTER_FIELDS:
                values[key] = value
        if "user_id" in patch.present and patch.user_id != held.user_id:
            # Events name no one: keep the name only while the same user is there.
            values["attendant"] = self._names.get(patch.user_id) if patch.user_id else None
        if "current_ticket_id" in patch.present:
            current = patch.current_ticket_id
            known = self._tickets.get(current) if current is not None else None
            if known is not None:
                values["current_ticket_number"] = known.number
            elif current != held.current_ticket_id:
                values["current_ticket_number"] = None
        self._counters[patch.id] = replace(held, **values)
        self._counter_seq[patch.id] = seq
        return True

    @staticmethod
    def _new_counter(patch: CounterPatch) -> CounterLive | None:
        if patch.number is None or patch.state is None or patch.state_since is None:
            return None
        return CounterLive(
            id=patch.id,
            number=patch.number,
            name="",
            state=patch.state,
            pause_reason=None,
            user_id=None,
            attendant=None,
            current_ticket_id=None,
            current_ticket_number=None,
            state_since=patch.state_since,
            service_ids=(),
        )
