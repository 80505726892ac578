"""`balcao --self-test`: build the counter window against a demo central and serve one citizen
(call → start → finish) through the real services and threads; a short report, exit 0 if it
worked. Runs without a display."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from desktop.api.api_client import ApiClient
from desktop.app_services import build_services
from desktop.config import Settings
from desktop.demo_mode import (
    DEMO_COUNTER_NUMBER,
    DEMO_PASSWORD,
    DEMO_RECEPTION,
    DEMO_USER,
    demo_counter_id,
    embedded_central,
)
from desktop.domain.errors import BalcaoError
from desktop.domain.tickets import Priority
from desktop.services.auth_service import AuthService
from desktop.services.queue_service import QueueService
from desktop.views.app_resources import make_application
from desktop.views.prompter import ScriptedPrompter
from desktop.views.session_flow import Session

log = logging.getLogger(__name__)

SELF_TEST_TIMEOUT = 30.0


def wait_until(app: QApplication, predicate: Callable[[], bool], what: str, timeout: float) -> None:
    """Run the event loop until `predicate()` holds (results arrive as queued signals)."""
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not done within {timeout:.0f} s")
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def self_test(settings: Settings, *, timeout: float = SELF_TEST_TIMEOUT) -> int:
    """Builds the counter window against a demo central and serves one citizen through the real
    services and threads. Prints a short report; 0 if everything worked."""
    steps: list[str] = []
    started = time.monotonic()

    def step(text: str) -> None:
        steps.append(f"  ok  {time.monotonic() - started:5.1f} s  {text}")

    try:
        with embedded_central(simulator=False) as central:
            settings = replace(settings, server_url=central.url)
            app = make_application(settings)
            step(f"central running at {central.url}")
            services = build_services(settings, remember=False, data_dir=central.folder)
            reception_api = ApiClient(central.url)
            try:
                user = services.auth.login(DEMO_USER, DEMO_PASSWORD)
                assert user.centre_id is not None
                step(f"signed in as {user.username} ({user.role})")
                reception = AuthService(reception_api, services.store, remember=False)
                reception.login(DEMO_RECEPTION, DEMO_PASSWORD)
                reception_queue = QueueService(reception_api)
                centre = reception_queue.load_centre(user.centre_id)
                counter_id = demo_counter_id(services.queue, user.centre_id, DEMO_COUNTER_NUMBER)
                counter = centre.counter(counter_id)
                if counter is None or not counter.service_ids:
                    raise AssertionError("the demo counter has no services")
                issued = reception_queue.issue_ticket(
                    centre.id, counter.service_ids[0], Priority.NONE
                )
                step(f"reception issued ticket {issued.number}")
                session = Session(app, services, demo=True)
                window = session.attendant_window(user, counter_id)
                window.prompter = ScriptedPrompter()
                session._show(window)
                wait_until(app, lambda: window.counter is not None, "opening the counter", timeout)
                wait_until(app, lambda: not window.busy, "loading the counter", timeout)
                if window.panel.ticket is not None:
                    raise AssertionError("the demo counter already had a ticket")
                step(f"window open at {window.counter.name if window.counter else '?'}")
                window.counter_actions["call_next"].trigger()
                wait_until(app, lambda: window.panel.ticket is not None, "call next", timeout)
                ticket = window.panel.ticket
                assert ticket is not None
                step(f"called {ticket.number}")
                window.counter_actions["start"].trigger()
                wait_until(
                    app,
                    lambda: (
                        window.panel.ticket is not None and window.panel.ticket.status == "serving"
                    ),
                    "start",
                    timeout,
                )
                step(f"serving {ticket.number}")
                window.panel.set_notes("self-test")
                window.counter_actions["finish"].trigger()
                wait_until(
                    app, lambda: window.panel.ticket is None and not window.busy, "finish", timeout
                )
                finished = services.queue.api.ticket(ticket.id)
                if finished.status != "done":
                    raise AssertionError(f"ticket {ticket.number} is {finished.status}, not done")
                step(f"finished {ticket.number} (outcome {finished.outcome})")
                window.close()
                wait_until(app, lambda: services.runner.in_flight == 0, "closing", timeout)
                step("counter closed")
            finally:
                reception_api.close()
                services.close()
    except Exception as exc:
        print("Balcão self-test FAILED", file=sys.stdout)
        print("\n".join(steps))
        detail = exc.message if isinstance(exc, BalcaoError) else f"{type(exc).__name__}: {exc}"
        print(f"  FAIL  {detail}")
        log.exception("self-test failed")
        return 1
    print("Balcão self-test passed")
    print("\n".join(steps))
    return 0
