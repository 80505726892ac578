"""Attachments in the case form, by keyboard, against a real central on loopback: Ctrl+Shift+A
asks for files (a scripted dialog), each is checked off the GUI thread and listed with its
size or refused with the reason, Delete removes one, and the files submitted with the case
reach central after it; a file central refused is sent again from the form of the filed case."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from central.cases.models import Case, CaseAttachment
from central.context import AppContext
from desktop.domain.attachments import MAX_BYTES, AttachmentFile, sha256_hex
from desktop.domain.cases import CaseState
from desktop.views.case_desk import CaseDesk
from desktop.views.case_form import CaseFormDialog
from tests.ui.case_fixtures import choose, type_code
from tests.unit.test_attachment_checks import EXE, PDF, PNG
from tests.unit.test_case_domain import VALID


class ScriptedFiles:
    """The file dialog: answers each call with the next list of paths."""

    def __init__(self, *answers: Sequence[Path]) -> None:
        self.answers = [list(map(str, answer)) for answer in answers]
        self.calls = 0

    def __call__(self, _parent: QWidget) -> list[str]:
        self.calls += 1
        return self.answers.pop(0) if self.answers else []


def open_form(qtbot, desk: CaseDesk, files: ScriptedFiles) -> CaseFormDialog:
    form = CaseFormDialog(desk, pick_files=files)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitExposed(form)
    qtbot.waitUntil(form.isActiveWindow)
    choose(qtbot, form.type_combo, type_code(desk, "information_request"))
    form.description.setFocus()
    qtbot.keyClicks(form.description, "Pede a segunda via do cartao")
    return form


def attach_by_keyboard(qtbot, form: CaseFormDialog) -> None:
    with qtbot.waitSignal(form.attachments.read_done, timeout=10_000):
        qtbot.keyClick(
            form.focusWidget() or form,
            Qt.Key.Key_A,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )


def test_files_attached_by_keyboard_reach_central_with_the_case(
    qtbot, tmp_path: Path, case_desk: CaseDesk, ctx: AppContext
) -> None:
    (tmp_path / "cartao.pdf").write_bytes(PDF)
    (tmp_path / "foto.png").write_bytes(PNG)
    (tmp_path / "fatura.pdf").write_bytes(EXE)  # a program renamed
    files = ScriptedFiles(
        [tmp_path / "cartao.pdf", tmp_path / "fatura.pdf"], [tmp_path / "foto.png"]
    )
    form = open_form(qtbot, case_desk, files)

    attach_by_keyboard(qtbot, form)
    box = form.attachments
    assert files.calls == 1
    assert [f.filename for f in box.files()] == ["cartao.pdf"]
    assert box.list.item(0).text().startswith("cartao.pdf — ")
    assert box.error_label.isVisible()
    assert "fatura.pdf" in box.error_label.text()

    attach_by_keyboard(qtbot, form)
    assert [f.filename for f in box.files()] == ["cartao.pdf", "foto.png"]
    box.list.setFocus()
    box.list.setCurrentRow(0)
    qtbot.keyClick(box.list, Qt.Key.Key_Delete)
    assert [f.filename for f in box.files()] == ["foto.png"]
    assert box.list.count() == 1

    qtbot.keyClick(form.submit_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.pages.currentIndex() == 1, timeout=10_000)
    assert box.files() == ()  # handed to the store with the case
    case = form.result_case
    assert case is not None
    assert [a.filename for a in case_desk.service.attachments(case.local_id)] == ["foto.png"]

    for _round in range(2):  # the case, then its file
        with qtbot.waitSignal(case_desk.round_done, timeout=10_000):
            case_desk.sync_now()
    assert case_desk.service.get(case.local_id).state is CaseState.SYNCED
    with ctx.db.reading() as session:
        rows = session.execute(
            select(Case.reference, CaseAttachment.filename, CaseAttachment.sha256).join(
                CaseAttachment, CaseAttachment.case_id == Case.id
            )
        ).all()
    final = case_desk.service.get(case.local_id).final_reference
    assert [tuple(r) for r in rows] == [(final, "foto.png", hashlib.sha256(PNG).hexdigest())]


def test_a_file_over_the_limit_is_refused_with_its_size(
    qtbot, tmp_path: Path, case_desk: CaseDesk
) -> None:
    big = tmp_path / "digitalizacao.pdf"
    with big.open("wb") as stream:
        stream.write(PDF)
        stream.truncate(MAX_BYTES + MAX_BYTES // 2)  # 15 MB, sparse
    form = open_form(qtbot, case_desk, ScriptedFiles([big]))
    attach_by_keyboard(qtbot, form)
    box = form.attachments
    assert box.files() == ()
    text = box.error_label.text()
    assert "digitalizacao.pdf" in text
    assert box.size_text(MAX_BYTES + MAX_BYTES // 2) in text  # "15 MB"
    assert box.size_text(MAX_BYTES) in text  # "10 MB"
    assert box.size_text(MAX_BYTES) != box.size_text(MAX_BYTES + MAX_BYTES // 2)


def test_sizes_are_written_in_the_users_locale(qtbot, case_desk: CaseDesk) -> None:
    form = open_form(qtbot, case_desk, ScriptedFiles())
    box = form.attachments
    tenths = box.size_text(int(14.2 * 1024 * 1024))
    assert tenths.startswith("14")
    assert tenths.endswith(" MB")
    assert tenths[2] in ",."  # the decimal separator of the locale
    assert box.size_text(10 * 1024 * 1024).startswith("10 ")
    assert box.size_text(2048).endswith(" KB")


def test_a_refused_file_of_a_filed_case_is_sent_again_from_the_form(
    qtbot, tmp_path: Path, case_desk: CaseDesk, ctx: AppContext
) -> None:
    service = case_desk.service
    # A program that slipped past the checks (an older desktop): central refuses it.
    smuggled = AttachmentFile("fatura.pdf", "application/pdf", sha256_hex(EXE), EXE)
    pending = service.submit(VALID["information_request"], (smuggled,))
    for _round in range(2):  # the case, then its file
        with qtbot.waitSignal(case_desk.round_done, timeout=10_000):
            case_desk.sync_now()
    refused = service.get(pending.local_id)
    assert refused.state is CaseState.NEEDS_ATTENTION
    assert refused.final_reference is not None

    (tmp_path / "fatura.pdf").write_bytes(PDF)
    files = ScriptedFiles([tmp_path / "fatura.pdf"])
    form = CaseFormDialog(case_desk, case=refused, pick_files=files)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    assert not form.fields_box.isVisible()  # its text is on central, not here
    assert form.submit_button.isEnabled()
    attach_by_keyboard(qtbot, form)
    assert [f.filename for f in form.attachments.files()] == ["fatura.pdf"]
    qtbot.keyClick(form.submit_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.pages.currentIndex() == 1, timeout=10_000)
    assert service.get(pending.local_id).state is CaseState.PENDING

    with qtbot.waitSignal(case_desk.round_done, timeout=10_000):
        case_desk.sync_now()
    assert service.get(pending.local_id).state is CaseState.SYNCED
    with ctx.db.reading() as session:
        names = session.execute(select(CaseAttachment.filename)).scalars().all()
    assert names == ["fatura.pdf"]
