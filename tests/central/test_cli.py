"""`balcao-central` commands on a temporary SQLite, and the demo simulator running for real."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from central.auth.models import User
from central.cli import main
from central.clock import Clock
from central.db import Database
from central.demo.knowledge_seed import load_articles
from central.demo.seed import CENTRE_CODE, DEMO_PASSWORD, SERVICES
from central.demo.simulator import Simulator
from central.knowledge.models import Article
from central.models import Centre, Counter, Service, Ticket
from central.tickets.transitions import Status


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


@pytest.fixture
def database(url: str) -> Iterator[Database]:
    db = Database(url)
    yield db
    db.dispose()


def _count(db: Database, model: type[object], *where: object) -> int:
    with db.reading() as session:
        query = select(func.count()).select_from(model).where(*where)  # type: ignore[arg-type]
        return int(session.execute(query).scalar_one())


def _lisbon_yesterday() -> date:
    return (Clock().now().astimezone(ZoneInfo("Europe/Lisbon")) - timedelta(days=1)).date()


def test_migrate(url: str, database: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", url, "migrate"]) == 0
    assert "latest schema" in capsys.readouterr().out
    assert _count(database, Centre) == 0
    assert main(["--database-url", url, "migrate"]) == 0  # a second run changes nothing


def test_seed_demo_twice(url: str, database: Database, capsys: pytest.CaptureFixture[str]) -> None:
    before = _lisbon_yesterday()
    assert main(["--database-url", url, "seed-demo"]) == 0
    assert DEMO_PASSWORD in capsys.readouterr().out
    assert main(["--database-url", url, "seed-demo"]) == 0
    after = _lisbon_yesterday()
    assert _count(database, Centre) == 1
    assert _count(database, Service) == 8
    assert _count(database, Counter) == 10
    # 13 at the counters, the ethics officer and the knowledge editor
    assert _count(database, User) == 15
    assert _count(database, Article) == len(load_articles())
    history = sum(int(320 * spec.share) for spec in SERVICES)
    assert _count(database, Ticket) == history
    with database.reading() as session:
        days = set(session.execute(select(Ticket.service_day).distinct()).scalars())
        statuses = set(session.execute(select(Ticket.status).distinct()).scalars())
        centre = session.execute(select(Centre)).scalar_one()
    assert len(days) == 1
    assert days <= {before, after}
    assert statuses <= {Status.DONE, Status.NO_SHOW}
    assert centre.code == CENTRE_CODE


def test_create_user(
    url: str,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("BALCAO_NEW_PASSWORD", "a-new-strong-password")
    assert main(["--database-url", url, "seed-demo"]) == 0
    args = ["--database-url", url, "create-user", "Nova.Pessoa", "--full-name", "Nova Pessoa"]
    assert main([*args, "--role", "attendant", "--centre", CENTRE_CODE]) == 0
    out = capsys.readouterr()
    assert "created nova.pessoa (attendant)" in out.out
    assert "a-new-strong-password" not in out.out + out.err
    with database.reading() as session:
        user = session.execute(select(User).where(User.username == "nova.pessoa")).scalar_one()
        centre_id = session.execute(select(Centre.id)).scalar_one()
    assert user.centre_id == centre_id
    assert user.password_hash.startswith("$argon2id$")
    assert PasswordHasher().verify(user.password_hash, "a-new-strong-password")
    # The same name again is refused with exit status 2 and a code on stderr.
    assert main([*args, "--role", "attendant", "--centre", CENTRE_CODE]) == 2
    assert "user.exists" in capsys.readouterr().err
    assert _count(database, User) == 16  # the demo staff (15) and the new one


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--role", "attendant", "--centre", "NOPE"], "no centre with code NOPE"),
        (["--role", "reception"], "user.centre_required"),
    ],
)
def test_create_user_refusals(
    url: str,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    monkeypatch.setenv("BALCAO_NEW_PASSWORD", "a-new-strong-password")
    args = ["--database-url", url, "create-user", "someone", "--full-name", "Someone"]
    assert main([*args, *extra]) == 2
    assert message in capsys.readouterr().err
    assert _count(database, User) == 0


def test_create_admin_without_centre(
    url: str, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BALCAO_NEW_PASSWORD", "a-new-strong-password")
    args = ["--database-url", url, "create-user", "root", "--full-name", "Root", "--role", "admin"]
    assert main(args) == 0
    assert _count(database, User, User.centre_id.is_(None)) == 1


def test_usage_errors_exit_with_status_2(url: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--database-url", url, "create-user", "x", "--full-name", "X", "--role", "king"])
    assert exc.value.code == 2


# --- the demo simulator ---------------------------------------------------------------------


class QuickSimulator(Simulator):
    """Service times of a fraction of a second: the real ones have a floor of 20 s whatever the
    speed, which keeps the demo readable but a test waiting."""

    def service_seconds(self, service_id: int) -> float:
        assert super().service_seconds(service_id) >= 20.0
        return 0.05


def _wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        pause.wait(0.05)


ROBOTS = (3, 4)


def test_simulator_issues_and_robots_finish(url: str, database: Database) -> None:
    assert main(["--database-url", url, "seed-demo"]) == 0
    with database.reading() as session:
        history = set(session.execute(select(Ticket.id)).scalars())

    def new_tickets(*where: object) -> int:
        return _count(database, Ticket, Ticket.id.not_in(history), *where)

    simulator = QuickSimulator(database, Clock(), speed=200, robot_counters=ROBOTS, seed=3)
    simulator.start()
    try:
        _wait_for(lambda: new_tickets() >= 5, 30, "arrivals")
        _wait_for(
            lambda: new_tickets(Ticket.status == Status.DONE, Ticket.counter_id.is_not(None)) >= 2,
            30,
            "robots to finish tickets",
        )
    finally:
        simulator.stop()
    with database.reading() as session:
        robot_counters = set(
            session.execute(select(Counter.id).where(Counter.number.in_(ROBOTS))).scalars()
        )
        finished = session.execute(
            select(Ticket.counter_id, Ticket.outcome).where(
                Ticket.id.not_in(history), Ticket.status == Status.DONE
            )
        ).all()
        opened = session.execute(select(Counter.state).where(Counter.id.in_(robot_counters)))
        states = set(opened.scalars())
    assert finished
    assert {row.counter_id for row in finished} <= robot_counters
    assert {row.outcome for row in finished} == {"resolved"}
    assert states <= {"open"}
