"""`make screenshots`: the main screens in pt-PT, grabbed offscreen into docs/screenshots/.

Real data: a demo central of its own (`EmbeddedCentral`, no simulator, so the pictures are the
same every time), tickets issued by the reception user, other counters opened and serving by
other demo attendants. The windows talk to it through the real services and TaskRunner.

The tickets were issued seconds before the pictures are taken, so the waits are short: the
clock is not faked.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [--out docs/screenshots] [--language en]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from desktop.api.api_client import ApiClient
from desktop.app import (
    DEMO_PASSWORD,
    Services,
    Session,
    build_services,
    demo_counter_id,
    make_application,
    wait_until,
)
from desktop.config import Settings
from desktop.domain.tickets import Priority
from desktop.services.auth_service import AuthService
from desktop.services.credential_store import CredentialStore
from desktop.services.embedded_central import EmbeddedCentral
from desktop.services.queue_service import QueueService
from desktop.views.login_dialog import LoginDialog
from desktop.views.monitor_window import MonitorWindow
from desktop.views.prompter import ScriptedPrompter
from desktop.views.reception_window import ReceptionWindow

WINDOW_SIZE = (1280, 800)
TIMEOUT = 20.0

# Tickets for the queue of counter 1 (services A, H, D) and a few elsewhere; (prefix, priority).
ARRIVALS = (
    ("A", "none"),
    ("H", "none"),
    ("A", "elderly"),
    ("D", "none"),
    ("A", "none"),
    ("B", "none"),
    ("H", "pregnancy"),
    ("A", "none"),
    ("E", "none"),
    ("D", "none"),
    ("F", "none"),
    ("A", "none"),
    ("G", "none"),
    ("C", "none"),
    ("H", "none"),
    ("A", "none"),
    ("D", "disability"),
    ("A", "none"),
)
# Other attendants at work: (login, counter number, action after calling).
OTHERS = (
    ("atendente2", 2, "serve"),
    ("atendente3", 3, "serve"),
    ("atendente4", 4, "call"),
    ("atendente6", 6, "pause"),
)


def signed_in(url: str, username: str) -> tuple[ApiClient, QueueService]:
    api = ApiClient(url)
    AuthService(api, CredentialStore(), remember=False).login(username, DEMO_PASSWORD)
    return api, QueueService(api)


def grab(widget: QWidget, path: Path, app: QApplication) -> None:
    wait_until(app, lambda: True, "paint", 1)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def settle(app: QApplication, predicate: Callable[[], bool], what: str) -> None:
    wait_until(app, predicate, what, TIMEOUT)


def stage(url: str, centre_id: int) -> list[ApiClient]:
    """The morning so far: tickets issued, other counters working."""
    clients: list[ApiClient] = []
    api, reception = signed_in(url, "rececao")
    clients.append(api)
    centre = reception.load_centre(centre_id)
    by_prefix = {s.prefix: s.id for s in centre.services}
    for prefix, priority in ARRIVALS:
        reception.issue_ticket(centre_id, by_prefix[prefix], Priority(priority))
    for username, number, action in OTHERS:
        api, queue = signed_in(url, username)
        clients.append(api)
        counter_id = demo_counter_id(queue, centre_id, number)
        queue.open_counter(counter_id)
        if action == "pause":
            queue.pause(counter_id, "break")
            continue
        result = queue.call_next(counter_id)
        if action == "serve":
            queue.start(result.ticket.id)
    return clients


def shoot_login(app: QApplication, services: Services, out: Path) -> None:
    dialog = LoginDialog(
        runner=services.runner,
        auth=services.auth,
        keyring_available=services.store.available,
        switch_server=services.switch_server,
        username="atendente1",
    )
    dialog.show()
    dialog.activateWindow()
    dialog.password_edit.setFocus()
    dialog.adjustSize()
    grab(dialog, out / "login.png", app)
    dialog.close()


def shoot_attendant(app: QApplication, url: str, settings: Settings, out: Path) -> None:
    services = build_services(settings, remember=False)
    services.api = ApiClient(url)
    services.auth = AuthService(services.api, services.store, remember=False)
    services.queue = QueueService(services.api)
    user = services.auth.login("atendente1", DEMO_PASSWORD)
    assert user.centre_id is not None
    counter_id = demo_counter_id(services.queue, user.centre_id, 1)
    session = Session(app, services, demo=True)
    window = session.attendant_window(user, counter_id)
    window.prompter = ScriptedPrompter()
    window.resize(*WINDOW_SIZE)
    window.show()
    window.start()
    settle(app, lambda: window.counter is not None and not window.busy, "counter opened")
    settle(app, lambda: window.queue_model.rowCount() >= 8, "queue loaded")
    window.counter_actions["call_next"].trigger()
    settle(app, lambda: window.panel.ticket is not None and not window.busy, "ticket called")
    window.counter_actions["start"].trigger()
    settle(
        app,
        lambda: window.panel.ticket is not None and window.panel.ticket.status == "serving",
        "serving",
    )
    settle(app, lambda: window.connection.state == "LIVE", "live feed")
    window.panel.set_notes(
        "Pedido de certidão de residência; entregou comprovativo de morada. Falta o NIF do "
        "cônjuge: volta amanhã."
    )
    window.panel.notes_edit.setFocus()
    window.queue_model.tick()
    grab(window, out / "attendant.png", app)
    window.close()
    settle(app, lambda: services.runner.in_flight == 0, "counter closed")
    services.close()


def shoot_role_window(
    app: QApplication, url: str, settings: Settings, out: Path, username: str
) -> None:
    services = build_services(settings, remember=False)
    services.api = ApiClient(url)
    services.auth = AuthService(services.api, services.store, remember=False)
    services.queue = QueueService(services.api)
    user = services.auth.login(username, DEMO_PASSWORD)
    assert user.centre_id is not None
    session = Session(app, services, demo=True)
    live = session.live_queue(user.centre_id)
    if username == "rececao":
        window: QWidget = ReceptionWindow(
            runner=services.runner, queue_service=services.queue, live=live, user=user
        )
        name = "reception.png"
    else:
        window = MonitorWindow(
            runner=services.runner,
            queue_service=services.queue,
            live=live,
            user=user,
            centre_id=user.centre_id,
        )
        name = "monitor.png"
    window.resize(*WINDOW_SIZE)
    window.show()
    window.start()  # type: ignore[attr-defined]
    settle(app, lambda: live.state is not None, "queue loaded")
    settle(app, lambda: window.connection.state == "LIVE", "live feed")
    if isinstance(window, ReceptionWindow):
        settle(app, lambda: bool(window.service_buttons), "services")
        first = next(iter(window.service_buttons.values()))
        first.click()
        window.priority_buttons["none"].click()
        settle(app, lambda: window.issued_number.text() != "—", "ticket issued")
        window.search_edit.setText("A003")
        window.search_button.click()
        settle(app, lambda: bool(window.found), "ticket found")
        window.search_edit.setFocus()
    else:
        settle(app, lambda: window.services_model.rowCount() > 0, "monitor filled")
        window.services_view.setFocus()
    grab(window, out / name, app)
    window.close()
    services.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--language", default="pt_PT", choices=("pt_PT", "en"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    base = Settings(language=args.language, idle_lock_minutes=480)
    with EmbeddedCentral(simulator=False) as central:
        settings = Settings(
            server_url=central.url,
            language=args.language,
            idle_lock_minutes=480,
            config_dir=base.config_dir,
            log_dir=base.log_dir,
            data_dir=base.data_dir,
        )
        app = make_application(settings)
        services = build_services(settings, remember=False)
        _api, probe = signed_in(central.url, "atendente1")
        centre_id = int(probe.api.centres()[0]["id"])
        clients = stage(central.url, centre_id)
        shoot_login(app, services, out)
        services.close()
        shoot_attendant(app, central.url, settings, out)
        shoot_role_window(app, central.url, settings, out, "rececao")
        shoot_role_window(app, central.url, settings, out, "supervisora")
        for client in clients:
            client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
