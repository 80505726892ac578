"""Citizens arriving and, optionally, robot attendants at some counters, so the demo moves.

Arrivals follow a Poisson process split by each service's share; robot counters call next,
serve for an exponentially distributed time and finish. Everything goes through the same
service functions as the API, in short transactions, so the live stream sees real events.
"""

from __future__ import annotations

import heapq
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from central.auth.actor import Actor
from central.auth.models import User
from central.auth.roles import Role
from central.clock import Clock
from central.db import Database
from central.demo.seed import CENTRE_CODE, SERVICES
from central.errors import DomainError
from central.reference.models import Centre, Counter, Service
from central.tickets import counters, service
from central.tickets.policy import Priority

log = logging.getLogger(__name__)

PRIORITY_MIX = (
    (Priority.ELDERLY, 0.06),
    (Priority.PREGNANCY, 0.015),
    (Priority.INFANT, 0.015),
    (Priority.DISABILITY, 0.02),
)


@dataclass(order=True)
class _Job:
    at: float
    action: Callable[[], float | None] = field(compare=False)


class Simulator:
    """Runs on its own thread; `speed` compresses time (2.0 = twice as many arrivals)."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        *,
        arrivals_per_hour: float = 90,
        robot_counters: tuple[int, ...] = (3, 4, 6, 8, 10),
        speed: float = 1.0,
        seed: int | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self._rate = arrivals_per_hour * speed / 3600
        self.speed = speed
        self._robots = robot_counters
        self._rng = random.Random(seed)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="demo-simulator", daemon=True)
        self._jobs: list[_Job] = []
        self._mean_minutes = {s.prefix: s.mean_service_minutes for s in SERVICES}

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        self._setup()
        elapsed = 0.0
        while self._jobs and not self._stop.is_set():
            job = heapq.heappop(self._jobs)
            if self._stop.wait(max(0.0, job.at - elapsed)):
                return
            elapsed = max(elapsed, job.at)
            try:
                delay = job.action()
            except DomainError as exc:
                log.debug("simulator step refused: %s", exc.code)
                delay = 5.0
            except Exception:
                log.exception("simulator step failed")
                delay = 10.0
            if delay is not None:
                heapq.heappush(self._jobs, _Job(elapsed + delay, job.action))

    def _setup(self) -> None:
        with self.db.reading() as s:
            centre = s.execute(select(Centre).where(Centre.code == CENTRE_CODE)).scalar_one()
            self._centre_id = centre.id
            self._services = [(svc.id, svc.prefix) for svc in centre.services]
            self._shares = [
                next(d.share for d in SERVICES if d.prefix == p) for _, p in self._services
            ]
            attendants = (
                s.execute(select(User).where(User.role == Role.ATTENDANT).order_by(User.id))
                .scalars()
                .all()
            )
            robot_rows = (
                s.execute(
                    select(Counter)
                    .where(Counter.centre_id == centre.id, Counter.number.in_(self._robots))
                    .order_by(Counter.number)
                )
                .scalars()
                .all()
            )
        heapq.heappush(self._jobs, _Job(0.5, self._arrive))
        for i, counter in enumerate(robot_rows):
            user = attendants[-(i + 1)]
            robot = Actor(user.id, user.username, Role.ATTENDANT, user.centre_id)
            heapq.heappush(self._jobs, _Job(1.0 + i, _Robot(self, robot, counter.id).step))

    def _arrive(self) -> float:
        ((service_id, _),) = self._rng.choices(self._services, weights=self._shares)
        roll, priority = self._rng.random(), Priority.NONE
        for category, share in PRIORITY_MIX:
            if roll < share:
                priority = category
                break
            roll -= share
        reception = Actor(0, "simulator", Role.ADMIN, None)
        with self.db.writing() as s:
            service.issue(s, reception, self._centre_id, service_id, priority, self.clock.now())
        return self._rng.expovariate(self._rate)

    def service_seconds(self, service_id: int) -> float:
        with self.db.reading() as s:
            prefix = s.get(Service, service_id).prefix  # type: ignore[union-attr]
        minutes = self._rng.expovariate(1 / self._mean_minutes.get(prefix, 8))
        return max(20.0, minutes * 60) / self.speed


class _Robot:
    """One robot attendant: open, then call, serve, finish, forever."""

    def __init__(self, sim: Simulator, actor: Actor, counter_id: int) -> None:
        self._sim = sim
        self._actor = actor
        self._counter_id = counter_id
        self._ticket: int | None = None
        self._service_id = 0

    def step(self) -> float:
        db, now = self._sim.db, self._sim.clock.now()
        with db.writing() as s:
            if self._ticket is not None:
                service.finish(
                    s,
                    self._actor,
                    self._ticket,
                    now,
                    outcome="resolved",
                    notes=None,
                    services_performed=[],
                )
                self._ticket = None
                return 3.0 / self._sim.speed
            counter = s.get(Counter, self._counter_id)
            if counter is not None and counter.state == "closed":
                counters.open_counter(s, self._actor, self._counter_id, now)
                return 1.0
        try:
            with db.writing() as s:
                result = service.call_next(s, self._actor, self._counter_id, now)
                service.start(s, self._actor, result.ticket.id, now)
                self._ticket, self._service_id = result.ticket.id, result.ticket.service_id
        except DomainError:
            return 15.0 / self._sim.speed
        return self._sim.service_seconds(self._service_id)
