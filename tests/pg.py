"""A real PostgreSQL for the tests: BALCAO_TEST_PG_URL, or a throwaway cluster we start.

The throwaway cluster is made with the installed initdb/pg_ctl (run as the `postgres` user when
the tests run as root, since PostgreSQL refuses root), on a free port and a private socket
folder, with fsync off: it is thrown away at the end of the session.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser is None:
        raise RuntimeError("running as root and no runuser to drop to the postgres user")
    return [runuser, "-u", "postgres", "--", *cmd]


def unavailable_reason() -> str | None:
    if os.environ.get("BALCAO_TEST_PG_URL"):
        return None
    if _bin("initdb") is None or _bin("pg_ctl") is None:
        return "no PostgreSQL binaries (initdb, pg_ctl) and BALCAO_TEST_PG_URL is not set"
    return None


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yields an admin URL (SQLAlchemy form) of a server where databases may be created."""
    if url := os.environ.get("BALCAO_TEST_PG_URL"):
        yield url
        return
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    assert initdb
    assert pg_ctl
    root = Path(tempfile.mkdtemp(prefix="balcao-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
    port = _free_port()
    subprocess.run(
        _as_postgres(
            [initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]
        ),
        check=True,
        capture_output=True,
    )
    options = (
        f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    )
    subprocess.run(
        _as_postgres(
            [pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)
