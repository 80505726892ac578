"""`balcao-central`: serve, migrate, seed-demo, create-user, retention, housekeeping, demo."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import tempfile
from pathlib import Path

from central.auth.roles import Role
from central.config import Settings

log = logging.getLogger("central")

# Counter PCs keep one connection open between clicks; uvicorn's 5 s default closes it under a
# client about to send, which then sees "server disconnected" on a command.
KEEP_ALIVE_SECONDS = 75


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env()
    if getattr(args, "database_url", None):
        from dataclasses import replace

        settings = replace(settings, database_url=args.database_url)
    return settings


def _database(settings: Settings):  # type: ignore[no-untyped-def]
    from central.db import Database

    return Database(settings.database_url)


def cmd_migrate(args: argparse.Namespace) -> int:
    from central import migrate

    db = _database(_settings(args))
    migrate.upgrade(db)
    print("database is at the latest schema")
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from central import migrate
    from central.clock import Clock
    from central.demo.seed import DEMO_PASSWORD, seed_demo

    db = _database(_settings(args))
    migrate.upgrade(db)
    with db.writing() as session:
        centre = seed_demo(session, Clock().now())
        print(
            f"demo centre {centre.code} (id {centre.id}); users share the password "
            f"'{DEMO_PASSWORD}'"
        )
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from central import migrate
    from central.auth.service import create_user
    from central.clock import Clock
    from central.errors import DomainError
    from central.reference.models import Centre

    password = os.environ.get("BALCAO_NEW_PASSWORD") or getpass.getpass("Password: ")
    db = _database(_settings(args))
    migrate.upgrade(db)
    try:
        with db.writing() as session:
            centre_id = None
            if args.centre:
                centre_id = session.execute(
                    select(Centre.id).where(Centre.code == args.centre)
                ).scalar_one_or_none()
                if centre_id is None:
                    print(f"no centre with code {args.centre}", file=sys.stderr)
                    return 2
            user = create_user(
                session,
                username=args.username,
                full_name=args.full_name,
                password=password,
                role=Role(args.role),
                centre_id=centre_id,
                now=Clock().now(),
            )
            print(f"created {user.username} ({user.role})")
    except DomainError as exc:
        print(f"{exc.code}: {exc.message}", file=sys.stderr)
        return 2
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    """Erase the personal data of cases past their retention (run daily, e.g. from cron)."""
    from central import migrate
    from central.cases import retention
    from central.clock import Clock

    db = _database(_settings(args))
    try:
        migrate.upgrade(db)
        batch = args.batch or retention.DEFAULT_BATCH
        report = retention.run(db, Clock().now(), batch=batch, dry_run=args.dry_run)
    finally:
        db.dispose()
    verb = "would erase" if report.dry_run else "erased"
    # Counts only: never a reference next to a name, never any text of a case.
    print(
        f"retention: {verb} {report.cases} case(s): {report.citizens} citizen record(s), "
        f"{report.attachments} attachment(s), {report.notes} note(s)"
        + ("" if report.dry_run else f" in {report.batches} batch(es)")
    )
    return 0


def cmd_housekeeping(args: argparse.Namespace) -> int:
    """Prune stored answers, failed logins and refresh tokens past their use."""
    from central import housekeeping, migrate
    from central.clock import Clock

    db = _database(_settings(args))
    try:
        migrate.upgrade(db)
        batch = args.batch or housekeeping.DEFAULT_BATCH
        report = housekeeping.run(db, Clock().now(), batch=batch, dry_run=args.dry_run)
    finally:
        db.dispose()
    verb = "would delete" if report.dry_run else "deleted"
    counts = ", ".join(f"{count} from {table}" for table, count in report.deleted.items())
    print(f"housekeeping: {verb} {counts}")
    return 0


def cmd_appointments_sweep(args: argparse.Namespace) -> int:
    """Mark as no-show the appointments whose check-in window has passed (run every few
    minutes, e.g. from cron; reading a day's agenda does the same for that centre)."""
    from central import migrate
    from central.appointments import service as appointments
    from central.clock import Clock

    db = _database(_settings(args))
    try:
        migrate.upgrade(db)
        with db.writing() as session:
            changed = appointments.sweep(session, Clock().now())
    finally:
        db.dispose()
    print(f"appointments-sweep: {changed} appointment(s) updated")
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = _settings(args)
    if "BALCAO_SECRET_KEY" not in os.environ:
        log.warning("BALCAO_SECRET_KEY is not set: tokens will not survive a restart")
        if args.workers > 1:
            print("several workers need a shared BALCAO_SECRET_KEY", file=sys.stderr)
            return 2
    if args.database_url:
        os.environ["BALCAO_DATABASE_URL"] = settings.database_url
    if args.workers > 1:
        uvicorn.run(
            "central.main:create_app",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level="info",
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
        )
        return 0
    from central.main import create_app

    uvicorn.run(
        create_app(settings),
        host=args.host,
        port=args.port,
        log_level="info",
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Demo data and the arrivals simulator, served on loopback: on a throwaway SQLite database,
    or on `--database-url` (seeded if empty). `--port 0 --port-file F` binds a free port and
    writes it to F, for a parent process that runs the demo (the desktop's `--demo`)."""
    import socket
    from dataclasses import replace

    import uvicorn

    from central import migrate
    from central.clock import Clock
    from central.demo.seed import DEMO_PASSWORD, seed_demo
    from central.demo.simulator import Simulator
    from central.main import build_context, create_app

    if args.database_url:
        url = args.database_url
    else:
        folder = Path(tempfile.mkdtemp(prefix="balcao-demo-"))
        url = f"sqlite:///{folder / 'central.sqlite3'}"
    settings = replace(Settings.from_env(), database_url=url)
    ctx = build_context(settings)
    migrate.upgrade(ctx.db)
    with ctx.db.writing() as session:
        seed_demo(session, ctx.clock.now())
    # Bound here, before uvicorn starts, so the port written is the port served.
    sock = socket.socket(socket.AF_INET6 if ":" in args.host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    port = sock.getsockname()[1]
    simulator = None
    if args.simulator:
        simulator = Simulator(ctx.db, Clock(), speed=args.speed)
        simulator.start()
    print(
        f"demo central on http://{args.host}:{port}/docs - users atendente1..10, "
        f"rececao, supervisora, admin, etica; password '{DEMO_PASSWORD}'",
        flush=True,
    )
    config = uvicorn.Config(
        create_app(context=ctx),
        log_level="info",
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        # Open event streams never end by themselves: do not wait for them for ever on exit.
        timeout_graceful_shutdown=3,
    )
    server = uvicorn.Server(config)
    if args.port_file:
        _write_port_file(Path(args.port_file), port)
    try:
        server.run(sockets=[sock])
    finally:
        if simulator is not None:
            simulator.stop()
        sock.close()
    return 0


def _write_port_file(path: Path, port: int) -> None:
    """Written whole then renamed, so a reader never sees half a number."""
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(str(port), encoding="ascii")
    os.replace(temp, path)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="balcao-central", description=__doc__)
    parser.add_argument("--database-url", help="overrides BALCAO_DATABASE_URL")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(func=cmd_serve)

    sub.add_parser("migrate", help="bring the database to the latest schema").set_defaults(
        func=cmd_migrate
    )
    sub.add_parser("seed-demo", help="add the demo centre, staff and history").set_defaults(
        func=cmd_seed_demo
    )

    user = sub.add_parser(
        "create-user", help="add a staff account (password from prompt or BALCAO_NEW_PASSWORD)"
    )
    user.add_argument("username")
    user.add_argument("--full-name", required=True)
    user.add_argument("--role", choices=[r.value for r in Role], required=True)
    user.add_argument("--centre", help="centre code; omit only for admins")
    user.set_defaults(func=cmd_create_user)

    erase = sub.add_parser(
        "retention", help="erase the personal data of cases past their retain-until day"
    )
    erase.add_argument("--dry-run", action="store_true", help="count, change nothing")
    erase.add_argument("--batch", type=_positive, help="cases per transaction (default 100)")
    erase.set_defaults(func=cmd_retention)

    prune = sub.add_parser(
        "housekeeping", help="prune old idempotency records, failed logins, refresh tokens"
    )
    prune.add_argument("--dry-run", action="store_true", help="count, change nothing")
    prune.add_argument("--batch", type=_positive, help="rows per transaction (default 5000)")
    prune.set_defaults(func=cmd_housekeeping)

    sub.add_parser(
        "appointments-sweep", help="mark appointments past their check-in window as no-show"
    ).set_defaults(func=cmd_appointments_sweep)

    demo = sub.add_parser("demo", help="throwaway demo: SQLite, demo data, arrivals simulator")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--speed", type=float, default=4.0, help="time compression of arrivals")
    demo.add_argument(
        "--no-simulator",
        dest="simulator",
        action="store_false",
        help="no simulated arrivals or robot counters (for tests and the desktop's self-test)",
    )
    demo.add_argument("--port-file", help="write the port served to this file (with --port 0)")
    demo.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
