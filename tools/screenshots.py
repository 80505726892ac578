"""`make screenshots`: the main screens in pt-PT, grabbed offscreen into docs/screenshots/.

Real data on a real central: the demo centre served in this process (`screenshot_central.py`,
no simulator, so the pictures are alike every time). The morning is staged through the API
with the central's clock set back: tickets issued 3 to 41 minutes ago (one service past its
target wait, priority tickets among them), other counters that called and started their
citizens a quarter of an hour ago, one on a break. Then the clock is back at the real now and
the windows sign in and work through the real services and TaskRunner; the waits they show are
measured against the wall clock like at any counter.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [--out docs/screenshots] [--language en]
        [--extras DIR]   also the finish and transfer dialogs, the offline banner, the lock
        [--only knowledge]   only the knowledge screens (panel, article, editor)
        [--only appointments]   only the agenda, the reception's check-in and the booking
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from screenshot_appointments import shoot_appointments
from screenshot_cases import demo_receipt, shoot_case_forms, shoot_lookup, shoot_receipt
from screenshot_central import InProcessCentral, ShiftedClock

from desktop.api.api_client import ApiClient
from desktop.app_services import Services, build_services
from desktop.config import Settings
from desktop.demo_mode import DEMO_PASSWORD, demo_counter_id
from desktop.domain.cases import CaseDraft, CaseFields, CaseState, SuggestionScope
from desktop.domain.tickets import Priority
from desktop.self_test import wait_until
from desktop.services.auth_service import AuthService
from desktop.services.credential_store import CredentialStore
from desktop.services.knowledge_editing import KnowledgeEditing
from desktop.services.queue_service import QueueService
from desktop.views.app_resources import make_application
from desktop.views.attendant_window import AttendantWindow
from desktop.views.connection_widgets import OFFLINE
from desktop.views.idle_lock import ScreenLock
from desktop.views.knowledge_desk import KnowledgeDesk
from desktop.views.knowledge_editor_window import KnowledgeEditorWindow
from desktop.views.knowledge_panel import KnowledgePanel
from desktop.views.login_dialog import LoginDialog
from desktop.views.monitor_window import MonitorWindow
from desktop.views.prompter import ScriptedPrompter
from desktop.views.reception_window import ReceptionWindow
from desktop.views.session_flow import Session

WINDOW_SIZE = (1280, 800)
TIMEOUT = 20.0

# Tickets issued this morning: (minutes ago, service prefix, priority). Counter 1 serves A, H
# and D. Targets: A and H 15 min, D, E and G 20, B, C and F 30. A is past its target (red on the
# monitor), B and E close to it (amber), the others within it.
ARRIVALS = (
    (41, "A", "none"),
    (36, "A", "none"),
    (26, "A", "elderly"),
    (24, "B", "none"),
    (19, "F", "none"),
    (17, "A", "none"),
    (16, "E", "none"),
    (14, "D", "none"),
    (13, "C", "none"),
    (11, "G", "none"),
    (10, "H", "none"),
    (9, "A", "none"),
    (8, "D", "disability"),
    (7, "H", "pregnancy"),
    (6, "A", "none"),
    (5, "E", "none"),
    (4, "A", "elderly"),
    (4, "D", "none"),
    (3, "H", "none"),
)
# Other attendants: they open their counters at the start and then, at (minutes ago), call the
# next citizen and start serving ("serve"), only call ("call"), or pause for a break.
OPENED_MINUTES_AGO = 45
# Counter 1 (the attendant's screenshot) opened, called and started this long ago.
SERVING_MINUTES = 3
OTHERS = (
    ("atendente6", 6, 22, "pause"),
    ("atendente2", 2, 20, "serve"),
    ("atendente3", 3, 15, "serve"),
    ("atendente4", 4, 2, "call"),
)


def signed_in(url: str, username: str) -> tuple[ApiClient, QueueService]:
    api = ApiClient(url)
    AuthService(api, CredentialStore(), remember=False).login(username, DEMO_PASSWORD)
    return api, QueueService(api)


def grab(widget: QWidget, path: Path, app: QApplication) -> None:
    # A few turns of the event loop: pending layout requests and repaints are done first.
    turns = iter(range(5))
    wait_until(app, lambda: next(turns, None) is None, "paint", 5)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def settle(app: QApplication, predicate: Callable[[], bool], what: str) -> None:
    wait_until(app, predicate, what, TIMEOUT)


def stage(url: str, centre_id: int, clock: ShiftedClock) -> list[ApiClient]:
    """The morning so far, replayed in time order with the central's clock set back."""
    clients: list[ApiClient] = []
    clock.set_minutes_ago(OPENED_MINUTES_AGO)
    api, reception = signed_in(url, "rececao")
    clients.append(api)
    centre = reception.load_centre(centre_id)
    by_prefix = {s.prefix: s.id for s in centre.services}
    steps: list[tuple[float, Callable[[], object]]] = []
    for minutes, prefix, priority in ARRIVALS:
        service_id = by_prefix[prefix]
        steps.append(
            (
                minutes,
                lambda s=service_id, p=priority: reception.issue_ticket(centre_id, s, Priority(p)),
            )
        )
    for username, number, minutes, action in OTHERS:
        api, queue = signed_in(url, username)
        clients.append(api)
        counter_id = demo_counter_id(queue, centre_id, number)
        queue.open_counter(counter_id)
        steps.append((minutes, lambda q=queue, c=counter_id, a=action: at_work(q, c, a)))
    # Earliest first; at the same minute the other counters act after the arrivals.
    for minutes, act in sorted(steps, key=lambda step: -step[0]):
        clock.set_minutes_ago(minutes)
        act()
    clock.set_minutes_ago(0)
    return clients


def at_work(queue: QueueService, counter_id: int, action: str) -> None:
    if action == "pause":
        queue.pause(counter_id, "break")
        return
    result = queue.call_next(counter_id)
    if action == "serve":
        queue.start(result.ticket.id)


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


def shoot_attendant(
    app: QApplication, settings: Settings, clock: ShiftedClock, out: Path, extras: Path | None
) -> None:
    services = build_services(settings, remember=False)
    user = services.auth.login("atendente1", DEMO_PASSWORD)
    assert user.centre_id is not None
    counter_id = demo_counter_id(services.queue, user.centre_id, 1)
    session = Session(app, services, demo=True)
    window = session.attendant_window(user, counter_id)
    window.prompter = ScriptedPrompter()
    window.resize(*WINDOW_SIZE)
    window.show()
    clock.set_minutes_ago(SERVING_MINUTES)  # counter 1 called its citizen a few minutes ago
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
    clock.set_minutes_ago(0)
    settle(app, lambda: window.connection.state == "LIVE", "live feed")
    window.panel.set_notes(
        "Pedido de certidão de residência; entregou comprovativo de morada. Falta o NIF do "
        "cônjuge: volta amanhã."
    )
    window.panel.notes_edit.setFocus()
    window.queue_model.tick()
    grab(window, out / "attendant.png", app)
    if extras is not None:
        shoot_attendant_extras(app, window, services, extras)
    shoot_cases(app, window, out)
    window.close()
    settle(app, lambda: services.runner.in_flight == 0, "counter closed")
    services.close()


def shoot_attendant_extras(
    app: QApplication, window: AttendantWindow, services: Services, out: Path
) -> None:
    """The dialogs of the visit, the offline state and the lock: for review, not the docs."""

    def grab_and_cancel(dialog: QDialog) -> bool:
        dialog.show()
        dialog.adjustSize()
        grab(dialog, out / f"{dialog.objectName()}.png", app)
        dialog.close()
        return False

    window.prompter = ScriptedPrompter(on_dialog=grab_and_cancel)
    window.counter_actions["transfer"].trigger()
    window.counter_actions["finish"].trigger()
    window.prompter = ScriptedPrompter()
    window._on_live_feed_state_changed(OFFLINE, 8)
    grab(window, out / "offline.png", app)
    lock = ScreenLock(
        runner=services.runner, auth=services.auth, window=window, watcher=None, parent=window
    )
    lock.lock()
    assert lock.dialog is not None
    grab(lock.dialog, out / "lock.png", app)
    lock.dialog.done(QDialog.DialogCode.Accepted)


def shoot_cases(app: QApplication, window: AttendantWindow, out: Path) -> None:
    """The case list with its four states, then an incident being typed with one invalid field
    and the duplicate hint (the synced incident nearby)."""
    cases = window.cases
    assert cases is not None
    desk = cases.desk
    service = desk.service
    settle(app, lambda: not desk.reference.is_empty, "case reference data")
    visit = window._visit_link()
    lighting = CaseFields(
        "Candeeiro apagado há uma semana em frente ao número 12.",
        category_code="iluminacao",
        address="Rua Augusta 12, Lisboa",
        latitude=38.7101,
        longitude=-9.1371,
    )
    service.submit(CaseDraft("incident", lighting, visit=visit))
    # A visit central does not know: refused, so the case needs attention.
    lost = replace(visit, ticket_id=999_999_999)
    question = CaseFields("Quando abre a nova biblioteca de Arroios?", subject="Biblioteca")
    service.submit(CaseDraft("information_request", question, visit=lost))
    desk.wake()
    settle(app, lambda: service.pending_count() == 0, "cases synced")
    desk.stop()
    suggestion = CaseFields(
        "Mais bancos na Praça do Chile.", suggestion_scope=SuggestionScope.PUBLIC_POLICY
    )
    service.submit(CaseDraft("suggestion", suggestion, visit=visit))
    service.save_draft(CaseDraft("complaint", CaseFields("Esperou duas horas."), visit=visit))
    desk.submitted()
    panel = cases.list_panel
    settle(app, lambda: panel.model.rowCount() == 4, "case list")
    for row in range(4):
        case = panel.model.case_at(row)
        if case is not None and case.state is CaseState.NEEDS_ATTENTION:
            panel.select_row(row)
    panel.table.setFocus()
    grab(window, out / "cases.png", app)

    shoot_case_forms(app, cases, out, grab, settle)
    shoot_lookup(app, window, out, grab, settle)
    shoot_receipt(out, demo_receipt(cases._centre_name()))


def shoot_role_window(app: QApplication, settings: Settings, out: Path, username: str) -> None:
    services = build_services(settings, remember=False)
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
        window.search_edit.setText("A002")  # the longest wait of the morning
        window.search_button.click()
        settle(app, lambda: bool(window.found), "ticket found")
        window.results.selectRow(0)
        window.results.setFocus()
    else:
        settle(app, lambda: window.services_model.rowCount() > 0, "monitor filled")
        window.services_view.setFocus()
    grab(window, out / name, app)
    window.close()
    services.close()


def shoot_knowledge(app: QApplication, settings: Settings, out: Path) -> None:
    """The knowledge panel searching "licenca" (accents typed or not), the article viewer with
    a document ticked, and the editor's window with an article open and a suggestion waiting."""
    services = build_services(settings, remember=False)
    services.auth.login("atendente1", DEMO_PASSWORD)
    desk = KnowledgeDesk(services.runner, services.knowledge)
    panel = KnowledgePanel(desk, prompter=ScriptedPrompter())
    panel.resize(640, 800)
    panel.show()
    panel.start()
    settle(app, lambda: not desk.syncing and desk.state.articles > 0, "knowledge synced")
    panel.focus_search()
    panel.search_edit.setText("licenca")
    panel.search_now()
    settle(app, lambda: panel.shown_query == "licenca", "knowledge results")
    grab(panel, out / "knowledge.png", app)

    panel.open_selected()
    viewer = panel.viewer
    assert viewer is not None
    settle(app, lambda: viewer.article is not None, "article shown")
    viewer.resize(1100, 760)
    item = viewer.documents.item(0)
    if item is not None:
        item.setCheckState(Qt.CheckState.Checked)
    article = viewer.article
    assert article is not None
    grab(viewer, out / "article.png", app)
    services.knowledge.suggest(
        article.id, "correction", "A taxa de apreciação foi atualizada em janeiro."
    )
    panel.stop()
    panel.close()
    settle(app, lambda: services.runner.in_flight == 0, "knowledge idle")
    services.close()

    services = build_services(settings, remember=False)
    user = services.auth.login("conteudos", DEMO_PASSWORD)
    window = KnowledgeEditorWindow(
        runner=services.runner, editing=KnowledgeEditing(services.api), user=user
    )
    window.resize(*WINDOW_SIZE)
    window.show()
    window.start()
    settle(app, lambda: bool(window.articles) and bool(window.suggestions), "editor lists")
    row = next(i for i, a in enumerate(window.articles) if a.id == article.id)
    window.article_table.setCurrentCell(row, 0)
    settle(app, lambda: window.form.article is not None, "article in the editor")
    window.form.title_edit.setFocus()
    grab(window, out / "knowledge_editor.png", app)
    window.close()
    services.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--language", default="pt_PT", choices=("pt_PT", "en"))
    parser.add_argument("--extras", help="also grab dialogs and states for review, into EXTRAS")
    parser.add_argument("--only", choices=("knowledge", "appointments"), help="only these screens")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    extras = Path(args.extras) if args.extras else None
    if extras is not None:
        extras.mkdir(parents=True, exist_ok=True)
    base = Settings(language=args.language, idle_lock_minutes=480)
    # The screenshots' cases (and compiled translations) never touch the user's data folder.
    scratch = tempfile.TemporaryDirectory(prefix="balcao-screenshots-data-")
    with scratch, InProcessCentral() as central:
        settings = Settings(
            server_url=central.url,
            language=args.language,
            idle_lock_minutes=480,
            config_dir=base.config_dir,
            log_dir=base.log_dir,
            data_dir=Path(scratch.name),
        )
        app = make_application(settings)
        services = build_services(settings, remember=False)
        api, probe = signed_in(central.url, "atendente1")
        centre_id = int(probe.api.centres()[0]["id"])
        api.close()
        if args.only == "knowledge":
            shoot_knowledge(app, settings, out)
            services.close()
            return 0
        if args.only == "appointments":
            shoot_appointments(app, settings, out, grab, settle)
            services.close()
            return 0
        clients = stage(central.url, centre_id, central.clock)
        shoot_login(app, services, out)
        services.close()
        shoot_attendant(app, settings, central.clock, out, extras)
        shoot_role_window(app, settings, out, "rececao")
        shoot_role_window(app, settings, out, "supervisora")
        shoot_knowledge(app, settings, out)
        shoot_appointments(app, settings, out, grab, settle)
        for client in clients:
            client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
