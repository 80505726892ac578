"""Next free appointment slots over 90 days of schedules for 10 services: p95 <= 50 ms.

A fresh PostgreSQL database (a throwaway cluster from tests/pg.py, fsync off, or
BALCAO_TEST_PG_URL; `--db sqlite` for a file) holds one centre in Europe/Lisbon with 10
services, each with a weekday schedule (09:00-12:30 and 14:00-17:00, 15-minute slots, 2 places),
a 90-day horizon and the national holidays closed. Bookings fill the horizon: the first five
services are fully booked for their first 60 days (the search must walk two months to find a
place), the others at random to 60 % (about 28,000 appointments in all).

Each search is what the booking dialog asks, `appointments.service.next_free_slots` for one
service, from today or a random day of the horizon, 10 slots, in a read session of its own:
the schedule, then the booked counts (`appointment_slots`) and closures window by window.

Baseline in the same run, on the same data: a straightforward search without the per-slot
counter rows, counting the appointments of each candidate slot (`SELECT count(*) FROM
appointments WHERE service_id = ? AND starts_at = ? AND status <> 'cancelled'`) day by day until
10 free slots are found.

    .venv/bin/python bench/appointment_slots_bench.py                  # PostgreSQL, 300 searches
    .venv/bin/python bench/appointment_slots_bench.py --db sqlite --searches 100
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench_support import (  # noqa: E402
    Summary,
    fresh_database,
    machine_line,
    markdown_table,
    ms,
    verdict,
)
from sqlalchemy import func, insert, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from central import migrate  # noqa: E402
from central.appointments import service as appointments  # noqa: E402
from central.appointments.models import Appointment, AppointmentSlot  # noqa: E402
from central.appointments.schedules import SlotPlan, WeeklyHours, local_day  # noqa: E402
from central.auth.actor import Actor  # noqa: E402
from central.auth.models import User  # noqa: E402
from central.auth.roles import Role  # noqa: E402
from central.db import Database  # noqa: E402
from central.reference.models import Centre, Service  # noqa: E402
from tests.pg import postgres_server  # noqa: E402

SERVICES = 10
FULL_SERVICES = 5
FULL_DAYS = 60
OTHER_OCCUPANCY = 0.6
HOURS = {d: [["09:00", "12:30"], ["14:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
SLOT_MINUTES = 15
CAPACITY = 2
HORIZON = 90
COUNT = 10
TARGET_P95_MS = 50.0
HOLIDAYS = (date(2026, 12, 1), date(2026, 12, 8), date(2026, 12, 25), date(2027, 1, 1))
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # a Monday, before opening


def fill(db: Database, rng: random.Random) -> tuple[Actor, list[int], int]:
    """The centre, schedules, closures and bookings; returns an actor, service ids, bookings."""
    with db.writing() as s:
        centre = Centre(code="BENCH", name="Bench", timezone="Europe/Lisbon", opening_hours={},
                        policy={}, updated_at=NOW)  # fmt: skip
        s.add(centre)
        s.flush()
        user = User(username="bench", full_name="Bench", password_hash="x", role=Role.SUPERVISOR,
                    centre_id=centre.id, active=True, created_at=NOW)  # fmt: skip
        s.add(user)
        services = [
            Service(centre_id=centre.id, code=f"S{i}", name=f"Serviço {i}", prefix=chr(65 + i),
                    target_wait_minutes=20, priority_allowed=True, active=True)
            for i in range(SERVICES)
        ]  # fmt: skip
        s.add_all(services)
        s.flush()
        actor = Actor(user.id, "bench", Role.SUPERVISOR, centre.id)
        for svc in services:
            spec = appointments.ScheduleInput(HOURS, SLOT_MINUTES, CAPACITY, HORIZON, True)
            appointments.put_schedule(s, actor, centre.id, svc.id, spec, NOW)
        for day in HOLIDAYS:
            appointments.add_closure(s, actor, centre.id, day, None, "Feriado")
        plan = SlotPlan(WeeklyHours.parse(HOURS), SLOT_MINUTES, CAPACITY, "Europe/Lisbon")
        today = local_day("Europe/Lisbon", NOW)
        rows: list[dict[str, object]] = []
        slots: list[dict[str, object]] = []
        for index, svc in enumerate(services):
            for offset in range(HORIZON + 1):
                day = today + timedelta(days=offset)
                if day in HOLIDAYS:
                    continue
                for starts_at in plan.slots_on(day):
                    if index < FULL_SERVICES and offset < FULL_DAYS:
                        taken = CAPACITY
                    else:
                        taken = sum(rng.random() < OTHER_OCCUPANCY for _ in range(CAPACITY))
                    if not taken:
                        continue
                    slots.append({"service_id": svc.id, "starts_at": starts_at, "booked": taken})
                    for _ in range(taken):
                        n = len(rows)
                        rows.append(
                            {"reference": f"AP-B{n:07d}", "booking_code": f"B{n:07d}",
                             "centre_id": centre.id, "service_id": svc.id, "service_day": day,
                             "starts_at": starts_at,
                             "ends_at": starts_at + timedelta(minutes=SLOT_MINUTES),
                             "channel": "in_person", "status": "booked", "late_walk_in": False,
                             "created_at": NOW, "created_by": user.id, "version": 1}
                        )  # fmt: skip
        s.execute(insert(AppointmentSlot), slots)
        s.execute(insert(Appointment), rows)
        return actor, [svc.id for svc in services], len(rows)


def baseline(session: Session, service_id: int, first: date, now: datetime) -> int:
    """Free slots found by counting each candidate slot's appointments, one query a slot."""
    plan = SlotPlan(WeeklyHours.parse(HOURS), SLOT_MINUTES, CAPACITY, "Europe/Lisbon")
    closed = set(HOLIDAYS)
    found = 0
    today = local_day("Europe/Lisbon", now)
    day = max(first, today)
    while day <= today + timedelta(days=HORIZON) and found < COUNT:
        if day not in closed:
            for starts_at in plan.slots_on(day):
                if starts_at <= now:
                    continue
                taken = session.execute(
                    select(func.count()).where(
                        Appointment.service_id == service_id,
                        Appointment.starts_at == starts_at,
                        Appointment.status != "cancelled",
                    )
                ).scalar_one()
                if taken < CAPACITY:
                    found += 1
                    if found == COUNT:
                        break
        day += timedelta(days=1)
    return found


def measure(
    db: Database, searches: list[tuple[int, date]], search: Callable[[Session, int, date], int]
) -> tuple[Summary, int]:
    times: list[float] = []
    found = 0
    for service_id, first in searches:
        started = time.perf_counter()
        with db.reading() as session:
            found += search(session, service_id, first)
        times.append(time.perf_counter() - started)
    return Summary.of(times), found


@contextlib.contextmanager
def database(kind: str) -> Iterator[tuple[Database, str]]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="balcao-bench-") as folder:
            db = Database(f"sqlite:///{folder}/central.sqlite3")
            migrate.upgrade(db)
            yield db, "SQLite (file, WAL)"
            db.dispose()
        return
    with postgres_server() as admin_url, fresh_database(admin_url) as url:
        db = Database(url)
        yield db, "PostgreSQL (throwaway cluster, fsync off)"
        db.dispose()


def run(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    print(machine_line())
    with database(args.db) as (db, label):
        started = time.perf_counter()
        actor, service_ids, booked = fill(db, rng)
        print(f"{label}: filled {booked} appointments in {time.perf_counter() - started:.1f} s")
        today = local_day("Europe/Lisbon", NOW)
        plans = {
            "from today, fully booked service (walks 60 days)": [
                (service_ids[i % FULL_SERVICES], today) for i in range(args.searches)
            ],
            "from today, 60 % booked service": [
                (service_ids[FULL_SERVICES + i % (SERVICES - FULL_SERVICES)], today)
                for i in range(args.searches)
            ],
            "from a random day of the horizon, any service": [
                (rng.choice(service_ids), today + timedelta(days=rng.randrange(HORIZON)))
                for _ in range(args.searches)
            ],
        }

        def ours(session: Session, service_id: int, first: date) -> int:
            return len(
                appointments.next_free_slots(
                    session, actor, service_id, from_day=first, count=COUNT, now=NOW
                )
            )

        def theirs(session: Session, service_id: int, first: date) -> int:
            return baseline(session, service_id, first, NOW)

        rows = []
        worst = 0.0
        for name, searches in plans.items():
            for path, search in (("slot counters (ours)", ours), ("count per slot", theirs)):
                picked = searches if search is ours else searches[: args.baseline_searches]
                summary, found = measure(db, picked, search)
                if search is ours:
                    worst = max(worst, summary.p95 * 1000)
                rows.append(
                    [name, path, summary.count, ms(summary.p50), ms(summary.p95),
                     ms(summary.max), f"{found / max(1, summary.count):.1f}"]
                )  # fmt: skip
        print()
        print(
            markdown_table(
                ["search", "path", "n", "p50 ms", "p95 ms", "max ms", "slots found"], rows
            )
        )
        print()
        print(
            f"Next free slots, worst p95 {worst:.1f} ms: {verdict(worst <= TARGET_P95_MS)} "
            f"(target p95 <= {TARGET_P95_MS:.0f} ms)"
        )
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--db", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--searches", type=int, default=300, help="of each kind")
    parser.add_argument(
        "--baseline-searches", type=int, default=30, help="of each kind, for the slow baseline"
    )
    parser.add_argument("--seed", type=int, default=20261123)
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(run(parse_args()))
