"""A central service of its own, as a child process: `balcao --demo` and `balcao --self-test`.

The desktop never imports `central` (field PCs lag behind the server); it runs
`python -m central.cli demo` on a free loopback port, with a throwaway SQLite database and the
demo data, and talks to it over HTTP like to any central. The child writes the port it bound to
a file (no race for the port) and its output to a log file.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from desktop.api.api_client import ApiClient
from desktop.domain.errors import EMBEDDED_CENTRAL_FAILED, NO_EMBEDDED_CENTRAL, BalcaoError
from desktop.lifecycle import StartedWhileInside

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 5.0
POLL_SECONDS = 0.1
# Modules the demo central needs besides itself (the `server` extra of the package).
SERVER_MODULES = ("central", "uvicorn", "fastapi", "sqlalchemy", "alembic")


def embedded_central_available() -> bool:
    """True if this installation can run a central (the server extra is installed)."""
    return all(importlib.util.find_spec(name) is not None for name in SERVER_MODULES)


class EmbeddedCentral(StartedWhileInside):
    def __init__(
        self,
        *,
        simulator: bool = True,
        database_url: str | None = None,
        log_path: Path | None = None,
        speed: float | None = None,
        start_timeout: float = START_TIMEOUT,
        python: str = sys.executable,
    ) -> None:
        self._simulator = simulator
        self._database_url = database_url
        self._log_path = log_path
        self._speed = speed
        self._start_timeout = start_timeout
        self._python = python
        self._folder: Path | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._url: str | None = None

    @property
    def url(self) -> str:
        if self._url is None:
            raise BalcaoError(EMBEDDED_CENTRAL_FAILED, "the embedded central is not running")
        return self._url

    @property
    def folder(self) -> Path:
        """Its temporary folder (removed when it stops): the demo keeps its cases there too."""
        if self._folder is None:
            raise BalcaoError(EMBEDDED_CENTRAL_FAILED, "the embedded central is not running")
        return self._folder

    @property
    def log_path(self) -> Path | None:
        return self._log_path

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> EmbeddedCentral:
        spec = importlib.util.find_spec("central")
        if spec is None or not embedded_central_available():
            raise BalcaoError(
                NO_EMBEDDED_CENTRAL,
                "The central service is not installed on this computer (install the 'central' "
                "extra of the balcao package to run the demo or the self-test).",
            )
        self._folder = Path(tempfile.mkdtemp(prefix="balcao-embedded-"))
        if self._log_path is None:
            self._log_path = self._folder / "central.log"
        port_file = self._folder / "port"
        database = self._database_url or f"sqlite:///{self._folder / 'central.sqlite3'}"
        command = [self._python, "-m", "central.cli", "--database-url", database, "demo"]
        command += ["--host", HOST, "--port", "0", "--port-file", str(port_file)]
        if not self._simulator:
            command.append("--no-simulator")
        if self._speed is not None:
            command += ["--speed", str(self._speed)]
        self._log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self._log_path, "ab") as output:
            self._process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                command,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                env=_child_environment(spec.submodule_search_locations),
                cwd=self._folder,
            )
        log.info("embedded central starting (pid %s)", self._process.pid)
        try:
            self._wait_until_ready(port_file)
        except BaseException:
            self.stop(keep_log=True)
            raise
        return self

    def _wait_until_ready(self, port_file: Path) -> None:
        deadline = time.monotonic() + self._start_timeout
        pause = threading.Event()  # never set: a bounded wait between polls
        while True:
            process = self._process
            assert process is not None
            if process.poll() is not None:
                raise self._failure(f"it exited with status {process.returncode}")
            if self._url is None:
                self._url = _read_url(port_file)
            if self._url is not None and _healthy(self._url):
                log.info("embedded central ready at %s", self._url)
                return
            if time.monotonic() > deadline:
                raise self._failure(f"it was not ready within {self._start_timeout:.0f} s")
            pause.wait(POLL_SECONDS)

    def _failure(self, what: str) -> BalcaoError:
        return BalcaoError(
            EMBEDDED_CENTRAL_FAILED,
            f"The embedded central did not start: {what}. See {self._log_path}.",
            {"log": str(self._log_path)},
        )

    def stop(self, *, keep_log: bool = False) -> None:
        """Terminate the child (kill it if it lingers) and remove its temporary files; with
        `keep_log` (a failed start) the log in the temporary folder stays, to say why."""
        process, self._process = self._process, None
        self._url = None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                log.warning("embedded central ignored terminate: killing it")
                process.kill()
                process.wait(STOP_TIMEOUT)
        folder, self._folder = self._folder, None
        if folder is None:
            return
        if keep_log and self._log_path is not None and folder in self._log_path.parents:
            for path in folder.iterdir():
                if path != self._log_path:
                    with contextlib.suppress(OSError):
                        path.unlink()
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _child_environment(locations: object) -> dict[str, str]:
    """This process's environment, with the folder `central` was found in on the path (it may
    come from a source tree rather than an installed package)."""
    env = dict(os.environ)
    folders = [str(Path(location).parent) for location in (locations or [])]  # type: ignore[attr-defined]
    if folders:
        env["PYTHONPATH"] = os.pathsep.join([*folders, *filter(None, [env.get("PYTHONPATH")])])
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def _read_url(port_file: Path) -> str | None:
    try:
        text = port_file.read_text(encoding="ascii").strip()
    except OSError:
        return None
    return f"http://{HOST}:{int(text)}" if text.isdigit() else None


def _healthy(url: str) -> bool:
    client = ApiClient(url, timeout=(1.0, 2.0))
    try:
        return client.health().get("status") == "ok"
    except BalcaoError:
        return False
    finally:
        client.close()
