"""Screenshots of case entry: the form of each case type filled as at a real visit, and the
citizen's receipt as it prints (painted on an image with the code that writes the PDF)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from desktop.views.attendant_window import AttendantWindow
from desktop.views.case_form import CaseFormDialog
from desktop.views.case_receipt import ReceiptContent, paint_receipt
from desktop.views.counter_cases import CounterCases

Grab = Callable[[QWidget, Path, QApplication], None]
Settle = Callable[[QApplication, Callable[[], bool], str], None]

FORM_SIZE = (760, 980)  # tall enough to show every field of a type without scrolling
A5_150_DPI = (874, 1240)
MARGIN_PX = 89  # 1.5 cm at 150 dpi, as the PDF's page margins
DOTS_PER_METRE_150_DPI = 5906


def _citizen(form: CaseFormDialog, *, name: str, nif: str, email: str = "") -> None:
    form.citizen.edits["name"].setText(name)
    form.citizen.edits["nif"].setText(nif)
    if email:
        form.citizen.edits["email"].setText(email)
        form.citizen.contact_by.setCurrentIndex(form.citizen.contact_by.findData("email"))


def _fill_information_request(form: CaseFormDialog) -> None:
    form.subject.setText("Horário de verão das piscinas municipais")
    form.description.setPlainText(
        "Pretende saber se as piscinas de Alvalade abrem ao domingo em julho e agosto."
    )


def _fill_complaint(form: CaseFormDialog) -> None:
    form.concerned_service.setText("Recolha de resíduos")
    form.description.setPlainText(
        "O contentor do vidro da Rua de Arroios não é recolhido há três semanas."
    )
    _citizen(form, name="Ana Rita Ferreira", nif="123456789", email="ana.ferreira@example.pt")


def _fill_suggestion(form: CaseFormDialog) -> None:
    scope = form.suggestion_scope
    scope.setCurrentIndex(scope.findData("public_policy"))
    form.description.setPlainText("Mais bancos e sombra na Praça do Chile, junto à paragem.")


def _fill_incident(form: CaseFormDialog) -> None:
    form.category.setCurrentIndex(form.category.findData("iluminacao"))
    form._on_category_activated(form.category.currentIndex())
    form.address.setText("Rua Augusta 14, Lisboa")
    form.latitude.setText("38.7102")
    form.longitude.setText("-9.1372")
    form.description.setPlainText("Candeeiro apagado em frente ao número 14.")
    # A wrong check digit, to show the inline message at the field.
    _citizen(form, name="Maria da Conceição Silva", nif="123456780")


def _fill_question(form: CaseFormDialog) -> None:
    form.addressee.setCurrentIndex(form.addressee.findData("presidente"))
    form.may_be_public.setChecked(True)
    form.subject.setText("Obras no Largo do Intendente")
    form.description.setPlainText("Quando terminam as obras e como fica o trânsito na praça?")
    _citizen(form, name="José Manuel Costa", nif="123456789", email="jm.costa@example.pt")


def _fill_ethics(form: CaseFormDialog) -> None:
    form.description.setPlainText(
        "Relato de um favorecimento na atribuição de lugares de estacionamento."
    )


FILLERS: dict[str, Callable[[CaseFormDialog], None]] = {
    "information_request": _fill_information_request,
    "complaint": _fill_complaint,
    "suggestion": _fill_suggestion,
    "incident": _fill_incident,
    "question_to_official": _fill_question,
    "ethics_report": _fill_ethics,
}


def shoot_case_forms(
    app: QApplication, cases: CounterCases, out: Path, grab: Grab, settle: Settle
) -> None:
    """`case_form_<kind>.png` for each case type, the fields of the type filled in."""
    types = {t.kind.value: t.code for t in cases.desk.reference.case_types}
    for kind, fill in FILLERS.items():
        form = cases.open_new()
        form.resize(*FORM_SIZE)
        form.select_type(types[kind])
        fill(form)
        for name in form.rows:
            form._on_edited(name)
        for name in form.citizen.edits:
            form._on_edited(f"citizen.{name}")
        if kind == "incident":
            form.duplicates.ask_now()
            settle(app, lambda f=form: f.duplicates.answers > 0, "duplicate hint")
            form.citizen.edits["nif"].setFocus()
        else:
            form.description.setFocus()
        form.scroll_area.verticalScrollBar().setValue(0)
        grab(form, out / f"case_form_{kind}.png", app)
        form.close()


def shoot_lookup(
    app: QApplication, window: AttendantWindow, out: Path, grab: Grab, settle: Settle
) -> None:
    """The lookup page (Ctrl+F) with the synced incident open: its history and a note."""
    panel = window.lookup_panel
    assert panel is not None
    window.side_pages.show_page(panel, panel.focus_search)
    panel.search_edit.setText("LX-2026-000001")
    panel.search()
    settle(app, lambda: panel.detail.record is not None and not panel.busy, "case opened")
    panel.add_note("O cidadão voltou a ligar: o candeeiro continua apagado.")
    settle(app, lambda: not panel.busy, "note added")
    grab(window, out / "lookup.png", app)
    window.side_pages.show_page(window.queue_page)


def shoot_receipt(out: Path, content: ReceiptContent) -> Path:
    """The receipt as printed on A5, at 150 dpi, with the PDF's margins."""
    page = QImage(*A5_150_DPI, QImage.Format.Format_RGB32)
    page.fill(QColor(Qt.GlobalColor.white))
    width, height = A5_150_DPI
    body = QImage(width - 2 * MARGIN_PX, height - 2 * MARGIN_PX, QImage.Format.Format_RGB32)
    body.setDotsPerMeterX(DOTS_PER_METRE_150_DPI)
    body.setDotsPerMeterY(DOTS_PER_METRE_150_DPI)
    body.fill(QColor(Qt.GlobalColor.white))
    paint_receipt(body, content)
    painter = QPainter(page)
    painter.drawImage(QPoint(MARGIN_PX, MARGIN_PX), body)
    painter.end()
    path = out / "receipt.png"
    page.save(str(path))
    print(f"wrote {path}")
    return path


def demo_receipt(centre_name: str) -> ReceiptContent:
    return ReceiptContent(
        centre_name=centre_name,
        reference="LX-2026-000123",
        provisional=False,
        type_name="Ocorrência na via pública",
        summary="Candeeiro apagado em frente ao número 14 da Rua Augusta.",
        filed_at=datetime(2026, 11, 23, 14, 32, tzinfo=UTC),
    )
