"""Case lookup at the counter, against a real central on loopback: search by reference, NIF and
name; a wrong NIF stopped before anything is sent; nothing found; an ethics report invisible to
an attendant; a note added; an edit that meets a concurrent change (both versions shown, mine
kept on central's new version); the receipt reprinted, from the lookup and from the counter's
own list for a case whose text was deleted locally after sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import requests.adapters
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy import select

from central.cases.models import Case, CaseNote, CaseReadLog
from central.context import AppContext
from desktop.api.api_client import ApiClient
from desktop.api.cases_api import CasesApi
from desktop.domain.case_lookup import (
    CaseEdit,
    CaseRecord,
    ReadPurpose,
    SearchBy,
    edit_body,
    parse_query,
)
from desktop.domain.cases import (
    CaseDraft,
    CaseFields,
    CaseState,
    CitizenBlock,
    ContactBy,
    FieldError,
    VisitLink,
)
from desktop.domain.errors import ApiError, OfflineError
from desktop.services.case_lookup_service import CaseLookupService
from desktop.tasks import TaskRunner
from desktop.views.case_conflict_dialog import DIFFERS_MARK, CaseConflictDialog
from desktop.views.case_desk import CaseDesk
from desktop.views.case_hit_table_model import CaseHitTableModel
from desktop.views.case_lookup_panel import CaseLookupPanel
from desktop.views.counter_cases import CounterCases
from desktop.views.prompter import ScriptedPrompter
from tests.central.case_factories import VALID_NIF, body_for, citizen
from tests.central.factories import World
from tests.integration.conftest import Restartable, logged_in, new_key

CENTRE = "Loja do Cidadão das Laranjeiras"


class Recording(requests.adapters.HTTPAdapter):
    """Sends for real and remembers each request's method and path (nothing else)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        path = (request.url or "").split("/api/v1", 1)[-1].split("?", 1)[0]
        self.sent.append(f"{request.method} {path}")
        return super().send(request, *args, **kwargs)


@pytest.fixture
def wire() -> Recording:
    return Recording()


@pytest.fixture
def attendant_api(case_central: Restartable, wire: Recording) -> Iterator[ApiClient]:
    def session() -> requests.Session:
        made = requests.Session()
        made.mount("http://", wire)
        return made

    api = ApiClient(case_central.base_url, timeout=(1.0, 5.0), session_factory=session)
    logged_in(api, "attendant")
    yield api
    api.close()


@pytest.fixture
def other_api(case_central: Restartable) -> Iterator[ApiClient]:
    """A colleague at another counter, working on the same cases."""
    api = ApiClient(case_central.base_url, timeout=(1.0, 5.0))
    logged_in(api, "attendant2")
    yield api
    api.close()


@pytest.fixture
def filed(attendant_api: ApiClient, world: World) -> dict[str, str]:
    """Three cases filed at the centre: a complaint of Maria (her language English), an
    incident without a citizen, and an ethics report. Their references by kind."""
    cases = CasesApi(attendant_api)
    bodies = {
        "complaint": body_for("complaint", subject="Espera longa", citizen=citizen(language="en")),
        "incident": body_for("incident"),
        "ethics_report": body_for("ethics_report"),
    }
    return {
        kind: cases.file_case(world.centre_id, body, new_key()).reference
        for kind, body in bodies.items()
    }


@pytest.fixture
def panel(
    qtbot, runner: TaskRunner, attendant_api: ApiClient, prompter: ScriptedPrompter
) -> CaseLookupPanel:
    service = CaseLookupService(CasesApi(attendant_api))
    shown = CaseLookupPanel(
        runner,
        service,
        prompter,
        centre_name=lambda: CENTRE,
        type_name={"complaint": "Reclamação"}.get,
    )
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    shown.activateWindow()
    qtbot.waitExposed(shown)
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def search(qtbot, panel: CaseLookupPanel, text: str) -> None:
    panel.focus_search()
    panel.search_edit.clear()
    qtbot.keyClicks(panel.search_edit, text)
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)


def searches(wire: Recording) -> int:
    return sum(1 for line in wire.sent if line == "POST /cases/search")


def reads(ctx: AppContext) -> list[tuple[str, str]]:
    with ctx.db.reading() as session:
        rows = session.execute(select(CaseReadLog.purpose, CaseReadLog.access)).all()
    return [(str(r.purpose), str(r.access)) for r in rows]


def central_case(ctx: AppContext, reference: str) -> Case:
    with ctx.db.reading() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        session.expunge(case)
        return case


# --- searching --------------------------------------------------------------------------------


def test_a_reference_opens_its_case_at_once(qtbot, panel, filed, ctx) -> None:
    reference = filed["complaint"]
    search(qtbot, panel, reference.lower())
    record = panel.detail.record
    assert record is not None
    assert record.reference == reference
    assert reference in panel.detail.title.text()
    assert "Maria da Conceição Silva" in panel.detail.citizen_label.text()
    assert panel.detail.edits["subject"].text() == "Espera longa"
    assert panel.detail.history.count() == 1  # received
    assert panel.reprint_button.isEnabled()
    # The search and the opening were both recorded with the purpose chosen.
    assert ("citizen_request", "search") in reads(ctx)
    assert ("citizen_request", "case") in reads(ctx)


def test_by_nif_lists_the_citizens_cases_and_enter_opens_one(
    qtbot, panel, filed, wire, ctx
) -> None:
    panel.purpose_combo.setFocus()
    qtbot.keyClick(panel.purpose_combo, Qt.Key.Key_Down)  # working on the case
    assert panel.purpose.value == "follow_up"
    search(qtbot, panel, "123 456 789")
    assert panel.model.rowCount() == 1
    assert panel.detail.record is None  # a NIF lists; Enter opens
    assert panel.table.hasFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert panel.detail.record is not None
    assert panel.detail.record.reference == filed["complaint"]
    # The NIF travelled in a POST body, never in a URL.
    assert all(VALID_NIF not in line for line in wire.sent)
    assert ("follow_up", "case") in reads(ctx)


def test_by_name_ignoring_case_and_accents(qtbot, panel, filed) -> None:
    search(qtbot, panel, "maria conceicao")
    assert panel.model.rowCount() == 1
    hit = panel.model.hit_at(0)
    assert hit is not None
    assert hit.reference == filed["complaint"]
    assert panel.model.index(0, 4).data() == "Maria da Conceição Silva"
    assert panel.model.index(0, 1).data() == "Reclamação"


def test_a_wrong_nif_is_marked_and_nothing_is_sent(qtbot, panel, filed, wire, ctx) -> None:
    before = reads(ctx)
    search(qtbot, panel, "123456788")  # wrong check digit
    assert panel.search_hint.isVisible()
    assert "NIF" in panel.search_hint.text()
    assert panel.search_edit.accessibleDescription() == panel.search_hint.text()
    assert searches(wire) == 0
    assert reads(ctx) == before
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Backspace)  # typing clears the mark
    assert not panel.search_hint.isVisible()


def test_nothing_found_says_so(qtbot, panel, filed) -> None:
    search(qtbot, panel, filed["complaint"])
    assert panel.detail.record is not None
    search(qtbot, panel, "LX-2026-999999")
    assert panel.model.rowCount() == 0
    assert panel.detail.record is None  # the previous citizen's case left the screen
    assert "Maria" not in panel.detail.citizen_label.text()
    assert not panel.reprint_button.isEnabled()
    assert panel.message_bar.text != ""
    assert panel.message_bar.kind == "info"


def test_an_ethics_report_is_invisible_to_an_attendant(qtbot, panel, filed) -> None:
    search(qtbot, panel, filed["ethics_report"])
    assert panel.model.rowCount() == 0
    assert panel.detail.record is None
    panel.open_reference(filed["ethics_report"])  # even by its exact reference: 404
    assert panel.detail.record is None
    assert panel.message_bar.kind == "error"
    assert panel.message_bar.text == panel.words.lookup_error(ApiError(404, "case.not_found"))


def test_offline_is_said_in_words(qtbot, panel, filed, case_central) -> None:
    case_central.stop()
    search(qtbot, panel, filed["complaint"])
    assert panel.message_bar.kind == "error"
    assert panel.message_bar.text == panel.words.lookup_error(OfflineError())
    assert panel.search_button.isEnabled()  # not stuck busy


# --- working on a case ----------------------------------------------------------------------


def test_a_note_added_by_keyboard_appears_in_the_case(qtbot, panel, filed, ctx) -> None:
    search(qtbot, panel, filed["incident"])
    detail = panel.detail
    assert detail.citizen_box.isHidden()  # no citizen: no citizen block, no contact fields
    assert detail.rows["email"].isHidden()
    detail.note_edit.setFocus()
    qtbot.keyClicks(detail.note_edit, "Ligou a perguntar; encaminhado para a junta.")
    qtbot.keyClick(detail.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert detail.note_edit.toPlainText() == ""
    texts = [detail.notes.item(i).text() for i in range(detail.notes.count())]
    assert any("encaminhado para a junta" in t for t in texts)
    case_id = central_case(ctx, filed["incident"]).id
    with ctx.db.reading() as session:
        notes = session.scalars(select(CaseNote.text).where(CaseNote.case_id == case_id)).all()
    assert list(notes) == ["Ligou a perguntar; encaminhado para a junta."]


def test_an_edit_saves_with_the_version_shown(qtbot, panel, filed, ctx) -> None:
    search(qtbot, panel, filed["complaint"])
    version = central_case(ctx, filed["complaint"]).version
    subject = panel.detail.edits["subject"]
    subject.setFocus()
    subject.selectAll()
    qtbot.keyClicks(subject, "Espera de duas horas")
    qtbot.keyClick(subject, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    case = central_case(ctx, filed["complaint"])
    assert case.subject == "Espera de duas horas"
    assert case.version == version + 1
    assert panel.detail.record is not None
    assert panel.detail.record.version == version + 1


def test_an_invalid_email_is_marked_and_not_sent(qtbot, panel, filed, wire) -> None:
    search(qtbot, panel, filed["complaint"])
    email = panel.detail.edits["email"]
    email.setFocus()
    email.selectAll()
    qtbot.keyClicks(email, "maria@")
    qtbot.keyClick(email, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert panel.detail.rows["email"].error != ""
    assert not any(line.startswith("PATCH") for line in wire.sent)


def test_a_conflict_shows_both_versions_and_mine_can_be_kept(
    qtbot, panel, filed, other_api, prompter, ctx
) -> None:
    reference = filed["complaint"]
    search(qtbot, panel, reference)
    shown = central_case(ctx, reference).version
    # A colleague saves another description meanwhile.
    other = CasesApi(other_api)
    other.update_case(reference, shown, {"description": "Texto do colega."}, new_key())
    seen: dict[str, Any] = {}

    def keep_mine(dialog: QDialog) -> bool:
        assert isinstance(dialog, CaseConflictDialog)
        seen["rows"] = dialog.row_texts()
        seen["differing"] = dialog.differing
        dialog.keep_button.click()
        return True

    prompter.on_dialog = keep_mine
    description = panel.detail.edits["description"]
    description.setFocus()
    qtbot.keyClick(description, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(description, "O meu texto.")
    qtbot.keyClick(description, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert "CaseConflictDialog" in prompter.seen
    assert seen["differing"] == ("description",)
    row = next(r for r in seen["rows"] if r[2] == "O meu texto.")
    assert row[0] == DIFFERS_MARK
    assert row[3] == "Texto do colega."
    unmarked = [r for r in seen["rows"] if r[0] == ""]
    assert unmarked
    assert all(r[2] == r[3] for r in unmarked)  # the same on both sides
    case = central_case(ctx, reference)
    assert case.description == "O meu texto."
    assert case.version == shown + 2  # the colleague's, then mine on top of it
    assert panel.detail.record is not None
    assert panel.detail.record.version == shown + 2
    assert ("follow_up", "conflict") in reads(ctx)


def test_a_conflict_can_take_centrals_version(
    qtbot, panel, filed, other_api, prompter, ctx
) -> None:
    reference = filed["complaint"]
    search(qtbot, panel, reference)
    shown = central_case(ctx, reference).version
    CasesApi(other_api).update_case(reference, shown, {"subject": "Do colega"}, new_key())

    def take_theirs(dialog: QDialog) -> bool:
        assert isinstance(dialog, CaseConflictDialog)
        dialog.take_button.click()
        return True

    prompter.on_dialog = take_theirs
    subject = panel.detail.edits["subject"]
    subject.setFocus()
    subject.selectAll()
    qtbot.keyClicks(subject, "Meu")
    panel.detail.save_button.click()
    assert central_case(ctx, reference).subject == "Do colega"
    assert central_case(ctx, reference).version == shown + 1
    assert panel.detail.edits["subject"].text() == "Do colega"


def test_no_double_submit_while_a_request_runs(qtbot, panel, filed) -> None:
    search(qtbot, panel, filed["complaint"])
    panel._set_busy(True)  # as while a request is on the way
    assert not panel.detail.save_button.isEnabled()
    assert not panel.detail.note_button.isEnabled()
    assert not panel.reprint_button.isEnabled()
    assert not panel.search_button.isEnabled()
    panel._set_busy(False)
    assert panel.detail.save_button.isEnabled()


# --- the receipt ----------------------------------------------------------------------------


def test_the_receipt_is_reprinted_in_the_citizens_language(
    qtbot, panel, filed, prompter, tmp_path
) -> None:
    search(qtbot, panel, filed["complaint"])
    prompter.choice = 0
    prompter.save_path = str(tmp_path / "segunda-via")
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    path = Path(panel.last_receipt or "")
    assert path == tmp_path / "segunda-via.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert "Filing receipt".encode("utf-16-be") in data  # English: Maria's language
    assert f"save:{filed['complaint']}.pdf" in prompter.seen


def test_a_synced_case_of_this_counter_reprints_from_central(
    qtbot, case_desk: CaseDesk, prompter, tmp_path, world
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    cases = CounterCases(
        window, case_desk, prompter, visit=lambda: VisitLink(), centre_name=lambda: CENTRE
    )
    draft = CaseDraft(
        type_code="complaint",
        fields=CaseFields(description="Esperou muito.", concerned_service="Atendimento"),
        citizen=CitizenBlock(
            name="Ana Sousa", email="ana@example.pt", language="en", contact_by=ContactBy.EMAIL
        ),
    )
    case_desk.service.submit(draft)
    case_desk.sync_now()
    cases.list_panel.refresh()
    synced = cases.list_panel.model.case_at(0)
    assert synced is not None
    assert synced.state is CaseState.SYNCED
    assert synced.fields is None  # the text was deleted here once central had it
    cases.list_panel.select_row(0)
    assert cases.list_panel.reprint_button.isEnabled()
    prompter.choice = 0
    prompter.save_path = str(tmp_path / "recibo")
    cases.list_panel.reprint_button.click()
    path = Path(cases.last_receipt or "")
    assert path == tmp_path / "recibo.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert "Filing receipt".encode("utf-16-be") in data
    assert f"save:{synced.final_reference}.pdf" in prompter.seen


# --- pure parts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "by", "value"),
    [
        ("LX-2026-000123", SearchBy.REFERENCE, "LX-2026-000123"),
        (" p-1-3 ", SearchBy.REFERENCE, "P-1-3"),
        ("123 456 789", SearchBy.NIF, "123456789"),
        ("Maria  Silva", SearchBy.NAME, "Maria Silva"),
    ],
)
def test_what_is_typed_decides_the_search(typed: str, by: SearchBy, value: str) -> None:
    query = parse_query(typed)
    assert not isinstance(query, FieldError)
    assert (query.by, query.value) == (by, value)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "client.lookup_empty"),
        ("12345678", "nif.wrong_length"),
        ("a", "client.lookup_name_too_short"),
    ],
)
def test_what_cannot_be_searched(typed: str, code: str) -> None:
    problem = parse_query(typed)
    assert isinstance(problem, FieldError)
    assert problem.code == code


def test_an_edit_of_a_contact_sends_the_whole_citizen_block() -> None:
    record = CaseRecord.from_json(
        {
            "reference": "LX-2026-000001",
            "type_code": "complaint",
            "kind": "complaint",
            "status": "received",
            "description": "Texto",
            "received_at": "2026-11-23T10:00:00+00:00",
            "updated_at": "2026-11-23T10:00:00+00:00",
            "version": 3,
            "citizen": citizen(),
        }
    )
    edit = CaseEdit(**{**record.edit().__dict__, "phone": "913 000 000"})
    body = edit_body(record, edit)
    assert set(body) == {"citizen"}
    assert body["citizen"]["phone"] == "913000000"
    assert body["citizen"]["nif"] == VALID_NIF  # the rest as it was
    assert edit_body(record, record.edit()) == {}


def test_the_hit_model_passes_the_model_tester(qtmodeltester, filed, attendant_api) -> None:
    model = CaseHitTableModel()
    service = CaseLookupService(CasesApi(attendant_api))
    query = parse_query("maria")
    assert not isinstance(query, FieldError)
    model.set_hits(service.search(query, ReadPurpose.CITIZEN_REQUEST).hits)
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_the_counter_window_shows_the_lookup_with_its_key(
    qtbot, case_window, attendant_api: ApiClient
) -> None:
    window = case_window(lookup=CaseLookupService(CasesApi(attendant_api)))
    panel = window.lookup_panel
    assert panel is not None
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
    )
    assert window.side_pages.currentWidget() is panel
    qtbot.waitUntil(panel.search_edit.hasFocus)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.side_pages.currentWidget() is window.queue_page
    assert window.queue_view.hasFocus()
