"""Case entry at the counter, against a real central on loopback: every type typed by keyboard
and filed, invalid values marked at the field with nothing sent, no double submit, filing
offline and syncing later, a refusal kept for correction, the anonymous ethics report, the
receipt PDF, autosave, the duplicate hint and the case list's model."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from sqlalchemy import func, select, update

from central.cases.models import Case, IncidentCategory
from central.context import AppContext
from desktop.domain.cases import CaseDraft, CaseFields, CaseState, VisitLink
from desktop.views.case_desk import CaseDesk
from desktop.views.case_form import CaseFormDialog
from desktop.views.case_receipt import ReceiptContent, receipt_language, write_receipt
from desktop.views.case_table_model import CaseTableModel
from tests.central.live_server import LiveServer
from tests.integration.conftest import Restartable
from tests.ui.case_fixtures import choose, type_code
from tests.unit.test_case_domain import VALID

VALID_NIF = "123456789"


@pytest.fixture
def live(case_central: Restartable) -> LiveServer:
    """The window's central is the restartable one too: one server per database (its event
    hub belongs to one event loop). Same port after a restart, so clients carry on."""
    assert case_central.server is not None
    return case_central.server


def central_count(ctx: AppContext) -> int:
    with ctx.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Case)) or 0)


def new_form(qtbot, window) -> CaseFormDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    form = window.cases.form
    assert form is not None
    assert form.isVisible()
    return form


def type_text(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def fill(qtbot, form: CaseFormDialog, desk: CaseDesk, kind: str) -> None:
    choose(qtbot, form.type_combo, type_code(desk, kind))
    type_text(qtbot, form.description, "Candeeiro apagado junto ao numero doze")
    if kind == "complaint":
        type_text(qtbot, form.concerned_service, "Estacionamento")
    if kind == "suggestion":
        choose(qtbot, form.suggestion_scope, "public_policy")
    if kind == "incident":
        choose(qtbot, form.category, "iluminacao")
        type_text(qtbot, form.address, "Rua Augusta 12")
        type_text(qtbot, form.latitude, "38.7101")
        type_text(qtbot, form.longitude, "-9.1371")
    if kind == "question_to_official":
        choose(qtbot, form.addressee, "presidente")
        form.may_be_public.setFocus()
        qtbot.keyClick(form.may_be_public, Qt.Key.Key_Space)
    if kind in ("complaint", "question_to_official"):
        citizen = form.citizen
        type_text(qtbot, citizen.edits["name"], "Maria Silva")
        type_text(qtbot, citizen.edits["nif"], VALID_NIF)
        type_text(qtbot, citizen.edits["email"], "maria@example.pt")
        choose(qtbot, citizen.contact_by, "email")


def submit(qtbot, form: CaseFormDialog) -> None:
    qtbot.keyClick(form.submit_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


KINDS = (
    "information_request",
    "complaint",
    "suggestion",
    "incident",
    "question_to_official",
    "ethics_report",
)


def test_every_type_filled_by_keyboard_is_filed(qtbot, case_window, case_desk, ctx) -> None:
    window = case_window()
    for kind in KINDS:
        form = new_form(qtbot, window)
        fill(qtbot, form, case_desk, kind)
        assert form.errors == (), (kind, form.errors)
        assert form.submit_button.isEnabled()
        submit(qtbot, form)
        assert form.pages.currentIndex() == 1, kind
        assert form.reference_label.text().startswith("P-1-")
        qtbot.keyClick(form.done_button, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.cases.form is None)
    assert window.cases.pending_label.text() == "Registos a aguardar envio: 6"
    case_desk.sync_now()
    assert central_count(ctx) == 6
    model = window.cases.list_panel.model
    qtbot.waitUntil(lambda: model.count(CaseState.SYNCED) == 5)  # the ethics report: gone
    assert model.rowCount() == 5
    assert all(not (model.case_at(r).reference or "").startswith("P-") for r in range(5))
    assert window.cases.pending_label.isHidden()


def test_an_invalid_nif_is_marked_at_the_field_and_nothing_is_sent(
    qtbot, case_window, case_desk, ctx
) -> None:
    window = case_window()
    form = new_form(qtbot, window)
    fill(qtbot, form, case_desk, "complaint")
    nif = form.citizen.edits["nif"]
    nif.selectAll()
    qtbot.keyClicks(nif, "123456780")
    row = form.citizen.rows["nif"]
    assert row.error == "Dígito de controlo errado: confirme o NIF."
    assert nif.property("invalid") is True
    assert not form.submit_button.isEnabled()
    submit(qtbot, form)
    form.submit()
    assert form.pages.currentIndex() == 0
    assert case_desk.service.pending_count() == 0
    assert central_count(ctx) == 0
    nif.selectAll()
    qtbot.keyClicks(nif, VALID_NIF)
    assert row.error == ""
    assert form.submit_button.isEnabled()
    qtbot.keyClick(nif, Qt.Key.Key_Return)  # Enter in a one-line field submits
    assert form.pages.currentIndex() == 1
    assert case_desk.service.pending_count() == 1


def test_a_second_submit_files_nothing_more(
    qtbot, case_window, case_desk, ctx, monkeypatch
) -> None:
    window = case_window()
    form = new_form(qtbot, window)
    fill(qtbot, form, case_desk, "information_request")
    real_submit = case_desk.service.submit
    calls = []

    def impatient_submit(draft):
        calls.append(draft)
        # The attendant presses again while the first submit is on its way.
        assert not form.submit_button.isEnabled()
        form.submit()
        submit(qtbot, form)
        return real_submit(draft)

    monkeypatch.setattr(case_desk.service, "submit", impatient_submit)
    form.submit_button.click()
    assert len(calls) == 1
    assert not form.submit_button.isEnabled()
    form.submit()  # after it: the confirmation page, nothing to submit any more
    assert len(calls) == 1
    assert case_desk.service.pending_count() == 1
    assert len(case_desk.service.list_cases()) == 1
    case_desk.sync_now()
    assert central_count(ctx) == 1


def test_filed_offline_then_synced_with_the_final_reference(
    qtbot, case_window, case_desk, case_central, ctx
) -> None:
    window = case_window()
    case_central.stop()
    form = new_form(qtbot, window)
    fill(qtbot, form, case_desk, "incident")
    form.duplicates.ask_now()  # the duplicate hint: central is away
    assert form.duplicates.title.text() == (
        "Não é possível procurar ocorrências semelhantes sem ligação; o registo pode ser feito."
    )
    submit(qtbot, form)
    assert form.reference_label.text() == "P-1-1"
    form.accept()
    case_desk.sync_now()  # central is away: tried, kept
    model = window.cases.list_panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, 0).data() == "a aguardar envio"
    assert model.index(0, 1).data() == "P-1-1"
    case_central.start()
    case_desk.sync_now()
    qtbot.waitUntil(lambda: model.index(0, 0).data() == "enviado")
    assert not model.index(0, 1).data().startswith("P-")
    assert central_count(ctx) == 1


def test_a_refused_case_needs_attention_and_is_corrected(
    qtbot, case_window, case_desk, ctx
) -> None:
    window = case_window()
    form = new_form(qtbot, window)
    fill(qtbot, form, case_desk, "incident")
    with ctx.db.writing() as session:  # retired on central after the desk cached it
        session.execute(
            update(IncidentCategory)
            .where(IncidentCategory.code == "iluminacao")
            .values(active=False)
        )
    submit(qtbot, form)
    form.accept()
    case_desk.sync_now()
    panel = window.cases.list_panel
    qtbot.waitUntil(lambda: panel.model.count(CaseState.NEEDS_ATTENTION) == 1)
    assert panel.model.index(0, 0).data() == "requer atenção"
    panel.table.setFocus()
    panel.select_row(0)
    assert panel.detail.isVisible()
    assert "P-1-1" in panel.detail.text()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    fixed = window.cases.form
    assert fixed is not None
    assert fixed.rejection_label.isVisible()
    assert not fixed.unlink_button.isVisible()  # refused for its content, not its visit
    assert fixed.rows["category_code"].error == "Escolha uma categoria da lista."
    assert fixed.description.toPlainText().startswith("Candeeiro")
    choose(qtbot, fixed.category, "buracos")
    assert fixed.errors == ()
    submit(qtbot, fixed)
    assert fixed.reference_label.text() == "P-1-1"
    fixed.accept()
    case_desk.sync_now()
    qtbot.waitUntil(lambda: panel.model.count(CaseState.SYNCED) == 1)
    assert central_count(ctx) == 1


def test_an_ethics_report_has_no_citizen_and_shows_the_code_once(
    qtbot, case_window, case_desk, ctx
) -> None:
    window = case_window()
    form = new_form(qtbot, window)
    choose(qtbot, form.type_combo, type_code(case_desk, "ethics_report"))
    citizen = form.citizen
    assert citizen.anonymous_label.isVisible()
    assert all(not row.isVisible() for row in citizen.rows.values())
    assert citizen.block() is None
    assert not form.visit_label.isVisible()
    type_text(qtbot, form.description, "Pagamentos indevidos no servico de obras.")
    submit(qtbot, form)
    code = form.code_label.text()
    assert form.code_label.isVisible()
    assert len(code) == 19
    assert code.count("-") == 3
    form.accept()
    assert form.code_label.text() == ""
    case_desk.sync_now()
    assert central_count(ctx) == 1
    assert case_desk.service.list_cases() == ()


def test_the_receipt_is_saved_as_a_pdf(qtbot, case_window, case_desk, prompter, tmp_path) -> None:
    window = case_window()
    form = new_form(qtbot, window)
    fill(qtbot, form, case_desk, "complaint")
    english = form.citizen.language
    choose(qtbot, english, "en")
    submit(qtbot, form)
    prompter.choice = 0
    prompter.save_path = str(tmp_path / "recibo")
    form.receipt_button.click()
    path = Path(window.cases.last_receipt or "")
    assert path == tmp_path / "recibo.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Count 1" in data  # one page
    assert utf16("Filing receipt") in data  # the title, in the citizen's language (en)
    assert "save:P-1-1.pdf" in prompter.seen


def utf16(text: str) -> bytes:
    return text.encode("utf-16-be")


@pytest.mark.parametrize(("language", "title"), [("pt", "Comprovativo de registo"),
                                                 ("en", "Filing receipt")])  # fmt: skip
def test_the_receipt_pdf_in_the_citizens_language(qapp, tmp_path, language, title) -> None:
    content = ReceiptContent(
        centre_name="Loja do Cidadão das Laranjeiras",
        reference="P-1-7",
        provisional=True,
        type_name="Comunicação ao canal de ética",
        summary="",
        filed_at=datetime(2026, 11, 23, 10, 0, tzinfo=UTC),
        language=language,
        follow_up_code="ABCD-EFGH-JKMN-PQRS",
    )
    path = write_receipt(tmp_path / "r.pdf", content)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Count 1" in data
    assert utf16(title) in data
    assert receipt_language("pt-BR") == "pt"
    assert receipt_language("de") == "pt"


def test_the_draft_is_autosaved_and_reopened(qtbot, case_window, case_desk) -> None:
    window = case_window()
    form = new_form(qtbot, window)
    choose(qtbot, form.type_combo, type_code(case_desk, "complaint"))
    type_text(qtbot, form.description, "Esperou duas horas.")
    type_text(qtbot, form.citizen.edits["name"], "Maria Silva")
    qtbot.waitUntil(lambda: form.saves > 0, timeout=5000)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.cases.form is None)
    panel = window.cases.list_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.index(0, 0).data() == "rascunho"
    panel.select_row(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    again = window.cases.form
    assert again is not None
    assert again is not form
    assert again.description.toPlainText() == "Esperou duas horas."
    assert again.citizen.edits["name"].text() == "Maria Silva"
    assert again.type_combo.currentData() == type_code(case_desk, "complaint")


def test_similar_open_incidents_are_shown(qtbot, case_window, case_desk) -> None:
    window = case_window()
    form = new_form(qtbot, window)
    fill(qtbot, form, case_desk, "incident")
    submit(qtbot, form)
    form.accept()
    case_desk.sync_now()
    reference = case_desk.service.list_cases()[0].final_reference
    form = new_form(qtbot, window)
    fill(qtbot, form, case_desk, "incident")
    qtbot.waitUntil(lambda: form.duplicates.answers > 0, timeout=5000)
    assert form.duplicates.matches.count() == 1
    assert reference is not None
    assert reference in form.duplicates.matches.item(0).text()


def test_the_case_table_model(qtmodeltester, case_desk: CaseDesk) -> None:
    model = CaseTableModel()
    model.set_reference(case_desk.reference)
    service = case_desk.service
    draft = service.save_draft(VALID["information_request"])
    pending = service.submit(VALID["suggestion"])
    model.set_cases(service.list_cases())
    qtmodeltester.check(model)
    assert {model.index(r, 0).data() for r in range(2)} == {"rascunho", "a aguardar envio"}
    assert model.row_of(pending.local_id) >= 0
    assert model.row_of(draft.local_id) >= 0


def test_a_case_refused_for_its_visit_is_filed_without_it(
    qtbot, case_window, case_desk, ctx
) -> None:
    window = case_window()
    draft = CaseDraft(
        type_code=type_code(case_desk, "information_request"),
        fields=CaseFields(description="Horário da biblioteca municipal"),
        visit=VisitLink(ticket_id=999_999),  # central knows no such ticket at this centre
    )
    case_desk.service.submit(draft)
    case_desk.sync_now()
    panel = window.cases.list_panel
    qtbot.waitUntil(lambda: panel.model.count(CaseState.NEEDS_ATTENTION) == 1)
    panel.table.setFocus()
    panel.select_row(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    fixed = window.cases.form
    assert fixed is not None
    assert fixed.unlink_button.isVisible()
    assert "senha" in fixed.rejection_label.text().lower()
    fixed.activateWindow()
    qtbot.waitUntil(fixed.isActiveWindow)
    mnemonic = QKeySequence.mnemonic(fixed.unlink_button.text())[0]
    qtbot.keyClick(fixed.focusWidget(), mnemonic.key(), mnemonic.keyboardModifiers())
    qtbot.waitUntil(lambda: not fixed.unlink_button.isVisible())  # a mnemonic animates a click
    unlinked = "Sem ligação a um atendimento (nenhuma senha em atendimento)."
    assert fixed.visit_label.text() == unlinked
    submit(qtbot, fixed)
    fixed.accept()
    case_desk.sync_now()
    qtbot.waitUntil(lambda: panel.model.count(CaseState.SYNCED) == 1)
    with ctx.db.reading() as session:
        assert session.scalars(select(Case.ticket_id)).all() == [None]
