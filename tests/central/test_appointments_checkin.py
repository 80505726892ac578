"""Check-in rules across a day in Lisbon that changes to summer time (2027-03-28), no-shows,
and the ticket's life reflected on the appointment. Service layer with a moving clock, SQLite
only (the rules are the same on both engines; concurrency is in test_appointments_concurrency).
"""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from central.appointments import queries
from central.appointments import service as appointments
from central.appointments.schedules import Channel, CheckinRules, LateAction, SlotPlan, WeeklyHours
from central.auth.roles import Role
from central.clock import FrozenClock
from central.context import AppContext
from central.errors import Conflict
from central.tickets import counters
from central.tickets import service as tickets
from tests.central.appointment_fixtures import actor
from tests.central.factories import World

LISBON = "Europe/Lisbon"
EVERY_DAY = {d: [["08:00", "13:00"]] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


# Cheap argon2 parameters: passwords are tested elsewhere.
pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture
def db_url(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "central.sqlite3"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_slots_keep_local_time_across_the_change_and_skip_the_missing_hour() -> None:
    plan = SlotPlan(WeeklyHours.parse({"sat": [["00:00", "03:00"]], "sun": [["00:00", "03:00"]]}),
                    30, 1, LISBON)  # fmt: skip
    # Saturday 27 March 2027, still winter time (UTC+0).
    assert plan.slots_on(date(2027, 3, 27))[2] == utc(2027, 3, 27, 1, 0)
    # Sunday 28: at 01:00 local the clocks go to 02:00; 01:00 and 01:30 do not exist.
    assert plan.slots_on(date(2027, 3, 28)) == [
        utc(2027, 3, 28, 0, 0),
        utc(2027, 3, 28, 0, 30),
        utc(2027, 3, 28, 1, 0),  # 02:00 WEST
        utc(2027, 3, 28, 1, 30),  # 02:30 WEST
    ]


class Day:
    """A reception desk and a counter on one day, with a clock the test moves."""

    def __init__(self, ctx: AppContext, world: World) -> None:
        assert isinstance(ctx.clock, FrozenClock)
        self.ctx, self.world, self.clock = ctx, world, ctx.clock
        self.reception = actor(world, "reception", Role.RECEPTION)
        self.supervisor = actor(world, "supervisor", Role.SUPERVISOR)
        self.attendant = actor(world, "attendant", Role.ATTENDANT)

    def at(self, when: datetime) -> None:
        self.clock.set(when)

    def book(self, starts_at: datetime, channel: Channel = Channel.IN_PERSON) -> str:
        with self.ctx.db.writing() as s:
            citizen = appointments.CitizenInput("Ana Lopes", phone="912345678")
            url = "https://meet.example.org/ab-cd" if channel is Channel.VIDEO else None
            booking = appointments.Booking(
                self.world.services["A"], starts_at, channel, citizen, meeting_url=url
            )
            return appointments.book(
                s, self.reception, self.world.centre_id, booking, self.clock.now()
            ).reference

    def check_in(self, reference: str) -> appointments.CheckIn:
        with self.ctx.db.writing() as s:
            return appointments.check_in(s, self.reception, reference, self.clock.now())

    def refused(self, reference: str, code: str) -> dict[str, object]:
        with pytest.raises(Conflict) as raised:
            self.check_in(reference)
        assert raised.value.code == code
        return raised.value.details

    def status(self, reference: str) -> str:
        with self.ctx.db.reading() as s:
            day = queries.agenda(s, self.reception, self.world.centre_id, date(2027, 3, 28))
        return {a.reference: a.status for a in day}[reference]

    def rules(self, rules: CheckinRules) -> None:
        with self.ctx.db.writing() as s:
            appointments.set_rules(
                s, self.supervisor, self.world.centre_id, rules, self.clock.now()
            )


@pytest.fixture
def day(ctx: AppContext, world: World) -> Day:
    d = Day(ctx, world)
    d.at(utc(2027, 3, 20, 12))
    with ctx.db.writing() as s:
        spec = appointments.ScheduleInput(EVERY_DAY, 30, 2, 90, True)
        appointments.put_schedule(s, d.supervisor, world.centre_id, world.services["A"], spec,
                                  d.clock.now())  # fmt: skip
    return d


def test_early_and_late_rules_in_lisbon_on_the_change_day(day: Day) -> None:
    # Booked the week before, in winter time; on the 28th 09:00 local is 08:00 UTC.
    nine = day.book(utc(2027, 3, 28, 8, 0))
    half_nine = day.book(utc(2027, 3, 28, 8, 30))
    ten = day.book(utc(2027, 3, 28, 9, 0))
    half_ten = day.book(utc(2027, 3, 28, 9, 30))

    day.at(utc(2027, 3, 28, 7, 29))  # 08:29 local: 31 minutes early
    details = day.refused(nine, "appointment.too_early")
    assert details["allowed_from"] == "2027-03-28T07:30:00+00:00"  # 08:30 local

    day.at(utc(2027, 3, 28, 7, 30))  # 08:30 local: exactly 30 minutes early
    on_time = day.check_in(nine)
    assert on_time.decision.arrival == "on_time"
    assert on_time.ticket.appointment_at == utc(2027, 3, 28, 8, 0)
    assert on_time.ticket.on_display is True
    assert day.status(nine) == "checked_in"

    day.at(utc(2027, 3, 28, 8, 45))  # 09:45 local: 15 minutes late keeps the appointment
    late_ok = day.check_in(half_nine)
    assert late_ok.decision.arrival == "on_time"
    assert late_ok.ticket.appointment_at == utc(2027, 3, 28, 8, 30)

    day.at(utc(2027, 3, 28, 9, 16))  # 10:16 local: 16 minutes late, default normal_queue
    walk_in = day.check_in(ten)
    assert walk_in.decision.arrival == "late_walk_in"
    assert walk_in.ticket.appointment_at is None
    assert walk_in.appointment.late_walk_in is True

    day.rules(
        CheckinRules(checkin_early_minutes=30, late_minutes=15, late_action=LateAction.REFUSE)
    )
    day.at(utc(2027, 3, 28, 9, 46))  # 10:46 local
    details = day.refused(half_ten, "appointment.too_late")
    assert details["reason"] == "late_refused"
    assert details["minutes_late"] == 16
    assert details["late_until"] == "2027-03-28T09:45:00+00:00"


def test_no_show_is_set_when_the_window_passes(day: Day) -> None:
    eleven = day.book(utc(2027, 3, 28, 10, 0))  # 11:00 local
    day.at(utc(2027, 3, 28, 10, 15))
    with day.ctx.db.writing() as s:
        assert appointments.sweep(s, day.clock.now()) == 0
    assert day.status(eleven) == "booked"

    day.at(utc(2027, 3, 28, 10, 16))
    # Reading the agenda marks it (the lazy half of the sweep is in the route; the CLI runs
    # the same function).
    with day.ctx.db.writing() as s:
        assert appointments.sweep(s, day.clock.now()) == 1
    assert day.status(eleven) == "no_show"

    # The citizen turns up later that day: by the default rule, a walk-in ticket.
    day.at(utc(2027, 3, 28, 11, 0))
    late = day.check_in(eleven)
    assert late.decision.arrival == "late_walk_in"
    assert day.status(eleven) == "checked_in"
    # The next day it is too late in any case.
    day.at(utc(2027, 3, 29, 8, 0))
    other = day.book(utc(2027, 3, 29, 8, 30))
    day.at(utc(2027, 3, 30, 8, 0))
    assert day.refused(other, "appointment.too_late")["reason"] == "another_day"


def test_ticket_life_shows_on_the_appointment_and_remote_stays_off_display(day: Day) -> None:
    video = day.book(utc(2027, 3, 28, 8, 0), Channel.VIDEO)
    day.at(utc(2027, 3, 28, 7, 50))
    checked = day.check_in(video)
    assert checked.ticket.on_display is False
    counter_id = day.world.counters[1]
    with day.ctx.db.writing() as s:
        counters.open_counter(s, day.attendant, counter_id, day.clock.now())
    # A walk-in who came first waits; the appointment is not due until 08:00 UTC.
    with day.ctx.db.writing() as s:
        tickets.issue(s, day.reception, day.world.centre_id, day.world.services["A"], "none",
                      day.clock.now())  # fmt: skip
    day.at(utc(2027, 3, 28, 8, 0))
    with day.ctx.db.writing() as s:
        called = tickets.call_next(s, day.attendant, counter_id, day.clock.now())
    assert called.ticket.id == checked.ticket.id
    assert called.choice.rule == "appointment"
    assert day.status(video) == "being_served"
    with day.ctx.db.writing() as s:
        detail = queries.read_for_ticket(
            s, day.attendant, checked.ticket.id, "citizen_request", day.clock.now()
        )
    assert detail is not None
    assert detail.meeting_url == "https://meet.example.org/ab-cd"
    assert detail.citizen is not None
    assert detail.citizen.name == "Ana Lopes"
    with day.ctx.db.writing() as s:
        tickets.start(s, day.attendant, checked.ticket.id, day.clock.now())
        tickets.finish(s, day.attendant, checked.ticket.id, day.clock.now(),
                       outcome="resolved", notes=None, services_performed=[])  # fmt: skip
    assert day.status(video) == "done"
    with day.ctx.db.writing() as s:
        assert appointments.sweep(s, day.clock.now()) == 1  # copies "done" onto the row
    assert day.status(video) == "done"


def test_the_sweep_command_marks_past_appointments(
    ctx: AppContext, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    from central import cli

    d = Day(ctx, world)
    d.at(utc(2026, 1, 5, 8, 0))  # a Monday long before the real clock's today
    with ctx.db.writing() as s:
        spec = appointments.ScheduleInput(EVERY_DAY, 30, 1, 90, True)
        appointments.put_schedule(
            s, d.supervisor, world.centre_id, world.services["A"], spec, d.clock.now()
        )
    reference = d.book(utc(2026, 1, 5, 9, 0))
    assert cli.main(["--database-url", ctx.db.url, "appointments-sweep"]) == 0
    assert "1 appointment(s) updated" in capsys.readouterr().out
    with ctx.db.reading() as s:
        [found] = queries.agenda(s, d.reception, world.centre_id, date(2026, 1, 5))
    assert found.reference == reference
    assert found.status == "no_show"
