"""Slots and check-in rules, pure: no database, no web framework.

Schedules are written in the centre's local wall time ("09:00" stays 09:00 across a
daylight-saving change) and every slot is turned into UTC on its own day, so a slot's UTC time
moves by an hour at the change and its local time never does. A local time that does not exist
that day (the hour skipped in spring) gives no slot.
"""

from __future__ import annotations

import calendar
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

DEFAULT_CHECKIN_EARLY_MINUTES = 30
DEFAULT_LATE_MINUTES = 15


class LateAction(StrEnum):
    NORMAL_QUEUE = "normal_queue"  # queued as a walk-in ticket
    REFUSE = "refuse"


class Channel(StrEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"


REMOTE_CHANNELS = frozenset({Channel.VIDEO, Channel.PHONE})


class ScheduleError(ValueError):
    """A weekly schedule that cannot be used; `code` says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _minutes(value: str) -> int:
    try:
        parsed = time.fromisoformat(value)
    except (TypeError, ValueError):
        raise ScheduleError("schedule.time_invalid", f"Not a time (HH:MM): {value!r}.") from None
    return parsed.hour * 60 + parsed.minute


@dataclass(frozen=True)
class WeeklyHours:
    """Per weekday (0 = Monday), the opening intervals in minutes after local midnight."""

    days: tuple[tuple[tuple[int, int], ...], ...]

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> WeeklyHours:
        unknown = set(data) - set(WEEKDAYS)
        if unknown:
            raise ScheduleError("schedule.day_invalid", f"Unknown days: {sorted(unknown)}.")
        days: list[tuple[tuple[int, int], ...]] = []
        for name in WEEKDAYS:
            intervals = sorted((_minutes(a), _minutes(b)) for a, b in data.get(name) or ())
            for start, end in intervals:
                if start >= end:
                    raise ScheduleError(
                        "schedule.interval_invalid", f"{name}: an interval ends before it starts."
                    )
            for (_, end), (start, _) in itertools.pairwise(intervals):
                if start < end:
                    raise ScheduleError("schedule.interval_overlap", f"{name}: intervals overlap.")
            days.append(tuple(intervals))
        return cls(tuple(days))

    def to_mapping(self) -> dict[str, list[list[str]]]:
        def hhmm(m: int) -> str:
            return f"{m // 60:02d}:{m % 60:02d}"

        return {
            name: [[hhmm(a), hhmm(b)] for a, b in intervals]
            for name, intervals in zip(WEEKDAYS, self.days, strict=True)
            if intervals
        }


@dataclass(frozen=True)
class SlotPlan:
    """A service's schedule as the slot search needs it."""

    hours: WeeklyHours
    slot_minutes: int
    capacity: int
    timezone: str

    @cached_property
    def _weekly_starts(self) -> tuple[tuple[int, ...], ...]:
        starts: list[tuple[int, ...]] = []
        for intervals in self.hours.days:
            day: list[int] = []
            for open_at, close_at in intervals:
                at = open_at
                while at + self.slot_minutes <= close_at:
                    day.append(at)
                    at += self.slot_minutes
            starts.append(tuple(day))
        return tuple(starts)

    def starts_on(self, day: date) -> tuple[int, ...]:
        """Local start times of the day's slots, in minutes after midnight."""
        return self._weekly_starts[day.weekday()]

    def epochs_on(self, day: date) -> list[int]:
        """`slots_on` as epoch seconds: what the free-slot search compares, without making a
        datetime for every slot of a fully booked quarter."""
        zone = ZoneInfo(self.timezone)
        offset = datetime.combine(day, time(), tzinfo=zone).utcoffset()
        following = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone).utcoffset()
        if offset is None or offset != following:
            return [int(slot.timestamp()) for slot in self.slots_on(day)]
        base = calendar.timegm(day.timetuple()) - int(offset.total_seconds())
        return [base + minutes * 60 for minutes in self.starts_on(day)]

    def slots_on(self, day: date) -> list[datetime]:
        """UTC start of each slot of the local day, skipping local times that do not exist."""
        zone = ZoneInfo(self.timezone)
        midnight = datetime.combine(day, time(), tzinfo=zone)
        offset = midnight.utcoffset()
        starts = self.starts_on(day)
        next_midnight = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone)
        if offset is not None and offset == next_midnight.utcoffset():
            # No change of offset that day (all but two days a year): plain arithmetic, which
            # keeps the search over a quarter's slots cheap.
            base = datetime.combine(day, time(), tzinfo=UTC) - offset
            return [base + timedelta(minutes=m) for m in starts]
        found: list[datetime] = []
        for minutes in starts:
            local = midnight.replace(hour=minutes // 60, minute=minutes % 60)
            utc = local.astimezone(UTC)
            if utc.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
                continue  # in the gap of a spring-forward change
            found.append(utc)
        return found

    def is_slot(self, starts_at: datetime) -> bool:
        local = starts_at.astimezone(ZoneInfo(self.timezone))
        return starts_at.astimezone(UTC) in self.slots_on(local.date())

    def days(self, first: date, count: int) -> Iterator[date]:
        for offset in range(count):
            yield first + timedelta(days=offset)


def local_day(timezone: str, at: datetime) -> date:
    return at.astimezone(ZoneInfo(timezone)).date()


def day_bounds(timezone: str, day: date) -> tuple[datetime, datetime]:
    """The UTC instants of the local day's start and the next day's start (23 or 25 h apart
    on a change day)."""
    zone = ZoneInfo(timezone)
    start = datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone).astimezone(UTC)
    return start, end


@dataclass(frozen=True)
class CheckinRules:
    checkin_early_minutes: int = DEFAULT_CHECKIN_EARLY_MINUTES
    late_minutes: int = DEFAULT_LATE_MINUTES
    late_action: LateAction = LateAction.NORMAL_QUEUE

    def no_show_after(self, starts_at: datetime) -> datetime:
        """When a booked appointment nobody checked in becomes a no-show."""
        return starts_at + timedelta(minutes=self.late_minutes)


class Arrival(StrEnum):
    TOO_EARLY = "too_early"
    ON_TIME = "on_time"  # keeps its time in the queue
    LATE_WALK_IN = "late_walk_in"  # queued as a walk-in
    TOO_LATE = "too_late"


@dataclass(frozen=True)
class ArrivalDecision:
    arrival: Arrival
    allowed_from: datetime
    late_until: datetime
    minutes_late: int


def judge_arrival(rules: CheckinRules, starts_at: datetime, now: datetime) -> ArrivalDecision:
    """What check-in does with a citizen arriving at `now` for an appointment at `starts_at`.

    In UTC throughout, so a daylight-saving change between booking and arrival changes nothing:
    30 minutes before 09:00 local is 08:30 local on every day.
    """
    allowed_from = starts_at - timedelta(minutes=rules.checkin_early_minutes)
    late_until = rules.no_show_after(starts_at)
    minutes_late = max(0, int((now - starts_at).total_seconds() // 60))
    if now < allowed_from:
        arrival = Arrival.TOO_EARLY
    elif now <= late_until:
        arrival = Arrival.ON_TIME
    elif rules.late_action is LateAction.NORMAL_QUEUE:
        arrival = Arrival.LATE_WALK_IN
    else:
        arrival = Arrival.TOO_LATE
    return ArrivalDecision(arrival, allowed_from, late_until, minutes_late)
