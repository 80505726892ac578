"""The knowledge panel, the article viewer and the related-articles hint, on the counter's real
cache synced from a real central on loopback (the demo knowledge base), driven by the keyboard
where the attendant would use it.

Expected sentences are looked up through the translator (`translate`), so these tests hold in
English and once the pt-PT translations are merged."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from central.context import AppContext
from desktop.domain.knowledge import Fee
from desktop.services.queue_service import QueueService
from desktop.tasks import TaskRunner
from desktop.views.article_sheet import fee_amount_text, is_example, sheet_markdown
from desktop.views.article_viewer import ArticleViewer, SuggestionDialog
from desktop.views.case_form import CaseFormDialog
from desktop.views.knowledge_desk import KnowledgeDesk
from desktop.views.knowledge_panel import KnowledgePanel
from desktop.views.knowledge_results import HTML_ROLE
from desktop.views.messages import time_text
from desktop.views.prompter import ScriptedPrompter
from desktop.views.related_articles_hint import RelatedArticlesHint
from tests.central.factories import World
from tests.integration.conftest import issue_in_database, logged_in


def translate(text: str, context: str = "KnowledgePanel") -> str:
    return QCoreApplication.translate(context, text)


@pytest.fixture
def panel(qtbot, synced_desk: KnowledgeDesk) -> KnowledgePanel:
    widget = KnowledgePanel(synced_desk, prompter=ScriptedPrompter(), delay_ms=0)
    qtbot.addWidget(widget)
    widget.resize(520, 720)
    widget.show()
    return widget


def type_query(qtbot, panel: KnowledgePanel, text: str) -> None:
    panel.focus_search()
    qtbot.keyClicks(panel.search_edit, text)
    qtbot.waitUntil(lambda: panel.shown_query == text)


def test_typing_certidao_shows_a_certidao_article_first_with_the_word_in_bold(
    qtbot, qtmodeltester, panel: KnowledgePanel
) -> None:
    type_query(qtbot, panel, "certidao")
    first = panel.model.rows[0]
    assert first.title.startswith("Certidão")
    assert "<b>Certidão</b>" in first.title_html
    html = panel.model.data(panel.model.index(0, 0), HTML_ROLE)
    assert "<b>Certidão</b>" in html
    assert panel.model.rowCount() >= 3
    qtmodeltester.check(panel.model)


def test_accents_and_plurals_do_not_matter_and_nothing_found_says_so(
    qtbot, panel: KnowledgePanel
) -> None:
    type_query(qtbot, panel, "licencas")
    assert any("licença" in row.title.lower() for row in panel.model.rows[:3])
    panel.search_edit.clear()
    type_query(qtbot, panel, "zzzxqw")
    assert panel.model.rowCount() == 0
    assert panel.empty_label.isVisible()


def test_keyboard_down_goes_into_the_list_and_enter_opens_the_viewer(
    qtbot, panel: KnowledgePanel
) -> None:
    type_query(qtbot, panel, "certidao toponimia")
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    assert panel.results.currentIndex().row() == 0
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    viewer = panel.viewer
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.article is not None)
    assert viewer.article is not None
    assert viewer.article.code == "certidao-toponimia"
    assert viewer.isVisible()
    assert viewer.documents.count() > 0
    # Esc in the list goes back to the field.
    panel.activateWindow()
    panel.results.setFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Escape)
    assert panel.search_edit.hasFocus()


def test_enter_in_the_field_opens_the_first_result(qtbot, panel: KnowledgePanel) -> None:
    panel.focus_search()
    qtbot.keyClicks(panel.search_edit, "renovacao cartao")
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    viewer = panel.viewer
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.article is not None)
    assert viewer.article is not None
    assert viewer.article.id == panel.model.rows[0].article_id


def test_status_line_says_when_the_cache_was_synced(qtbot, knowledge_desk: KnowledgeDesk) -> None:
    panel = KnowledgePanel(knowledge_desk, delay_ms=0)
    qtbot.addWidget(panel)
    panel.show()
    panel.start()  # the cache is empty: the first sync runs in the background
    assert panel.progress.isVisible()
    qtbot.waitUntil(lambda: not knowledge_desk.syncing, timeout=20_000)
    state = knowledge_desk.state
    assert state.articles >= 30
    assert state.last_synced_at is not None
    assert not panel.progress.isVisible()
    expected = translate("Cache synced at {time} · {count} articles").format(
        time=time_text(state.last_synced_at), count=state.articles
    )
    assert panel.status_label.text() == expected


def test_offline_the_cache_still_answers_and_the_status_says_since_when(
    qtbot, panel: KnowledgePanel, knowledge_central
) -> None:
    desk = panel.desk
    state = desk.service.state()
    knowledge_central.stop()
    panel.start()
    qtbot.waitUntil(lambda: not desk.syncing, timeout=20_000)
    assert not panel.progress.isVisible()
    expected = translate("Offline: cache of {time} · {count} articles").format(
        time=time_text(state.last_synced_at), count=state.articles
    )
    qtbot.waitUntil(lambda: panel.status_label.text() == expected)
    type_query(qtbot, panel, "estacionamento")
    assert panel.model.rowCount() > 0


def test_with_a_ticket_in_context_the_empty_field_lists_its_service_articles(
    qtbot, panel: KnowledgePanel
) -> None:
    assert panel.model.rowCount() == 0
    panel.set_context("REG", None)
    assert panel.heading.text() == translate("Articles for this service")
    codes = {row.code for row in panel.model.rows}
    assert "atestado-residencia" in codes
    for row in panel.model.rows:
        article = panel.desk.service.article(row.article_id)
        assert article is not None
        assert "REG" in article.service_codes
    # A search replaces them; clearing the field brings them back.
    type_query(qtbot, panel, "esplanada")
    assert "atestado-residencia" not in {row.code for row in panel.model.rows}
    panel.search_edit.clear()
    assert "atestado-residencia" in {row.code for row in panel.model.rows}
    panel.set_context(None, None)
    assert panel.model.rowCount() == 0


def test_an_article_opened_during_a_visit_is_recorded_on_it(
    qtbot,
    panel: KnowledgePanel,
    ctx: AppContext,
    world: World,
    knowledge_central,
) -> None:
    api = knowledge_central_api(knowledge_central)
    queue = QueueService(api)
    queue.open_counter(world.counters[1])
    issue_in_database(ctx, world, "A")
    ticket = queue.call_next(world.counters[1]).ticket
    panel.set_context("REG", ticket.id)
    row = next(r for r in panel.model.rows if r.code == "atestado-residencia")
    with qtbot.waitSignal(panel.desk.article_used, timeout=10_000) as used:
        panel.open_article(row.article_id)
    assert used.args == [row.article_id]
    uses = api.get(f"/tickets/{ticket.id}/knowledge-uses")
    assert [u["article_id"] for u in uses] == [row.article_id]
    api.close()


def knowledge_central_api(server):
    from desktop.api.api_client import ApiClient

    api = ApiClient(server.base_url, timeout=(1.0, 3.0))
    logged_in(api, "attendant")
    return api


@pytest.fixture
def viewer(qtbot, panel: KnowledgePanel) -> ArticleViewer:
    type_query(qtbot, panel, "atestado residencia")
    shown = panel.open_selected()
    assert shown is not None
    qtbot.waitUntil(lambda: shown.article is not None)
    return shown


def test_the_viewer_shows_documents_as_a_checklist_and_fees_in_portuguese(
    qtbot, viewer: ArticleViewer
) -> None:
    assert viewer.article is not None
    assert viewer.article.code == "atestado-residencia"
    assert viewer.documents.count() == 3
    viewer.documents.setFocus()
    viewer.documents.setCurrentRow(1)
    qtbot.keyClick(viewer.documents, Qt.Key.Key_Space)
    assert viewer.ticked_documents() == [viewer.documents.item(1).text()]
    fees = viewer.fees_label.text().replace("\xa0", " ")
    assert "3,00 €" in fees
    assert "valor de exemplo" in fees
    assert viewer.body.toPlainText().startswith("Como pedir")
    viewer.copy_reference()
    assert QGuiApplication.clipboard().text() == "atestado-residencia · Atestado de residência"


def test_fee_amounts_are_written_the_portuguese_way() -> None:
    fee = Fee("Emissão", "12.50", note="valor de exemplo")
    assert fee_amount_text(fee).replace("\xa0", " ") == "12,50 €"
    assert fee_amount_text(Fee("Licença", "1234.5")).replace("\xa0", " ") == "1234,50 €"
    assert is_example(fee)
    assert not is_example(Fee("Taxa", "3.00", note="por página"))


def test_print_save_pdf_writes_the_sheet_for_the_citizen(
    qtbot, viewer: ArticleViewer, tmp_path: Path
) -> None:
    prompter = ScriptedPrompter(choice=0)
    prompter.save_path = str(tmp_path / "atestado")
    viewer.prompter = prompter
    viewer.documents.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(viewer.pdf_saved) as saved:
        qtbot.keyClick(viewer, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    path = Path(saved.args[0])
    assert path == tmp_path / "atestado.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 2000
    assert viewer.article is not None
    assert viewer.variant is not None
    sheet = sheet_markdown(viewer.article, viewer.variant, viewer.ticked_documents())
    assert f"- [x] {viewer.variant.required_documents[0]}" in sheet
    assert f"- [ ] {viewer.variant.required_documents[1]}" in sheet


def test_a_suggestion_reaches_the_editors_review_queue(
    qtbot, viewer: ArticleViewer, editing
) -> None:
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, SuggestionDialog)
        assert not dialog.send_button.isEnabled()
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("note"))
        dialog.text_edit.setPlainText("A junta de Arroios já emite o atestado online.")
        return True

    viewer.prompter = ScriptedPrompter(on_dialog=fill)
    with qtbot.waitSignal(viewer.suggestion_sent, timeout=10_000):
        viewer.suggest_button.click()
    queue = editing.suggestions()
    assert [(s.article_code, s.kind, s.text) for s in queue] == [
        ("atestado-residencia", "note", "A junta de Arroios já emite o atestado online.")
    ]


def test_searches_typed_fast_deliver_only_the_newest_query(qtbot, knowledge_service) -> None:
    knowledge_service.sync(None, None)
    runner = TaskRunner()  # real threads: the searches overlap
    try:
        desk = KnowledgeDesk(runner, knowledge_service)
        answers: list[str] = []
        for query in ("c", "ce", "cer", "cert", "certidao"):
            desk.search(query, lambda q, _rows: answers.append(q))
        qtbot.waitUntil(lambda: answers == ["certidao"] and runner.in_flight == 0)
        assert desk.searches == 1
    finally:
        runner.shutdown()


def test_the_related_articles_hint_under_a_case_description(
    qtbot, case_desk, synced_desk: KnowledgeDesk
) -> None:
    form = CaseFormDialog(case_desk, knowledge=synced_desk, autosave_ms=60_000)
    qtbot.addWidget(form)
    form.show()
    hint = form.related
    assert isinstance(hint, RelatedArticlesHint)
    hint.prompter = ScriptedPrompter()
    form.select_type(form.type_combo.itemData(0))
    form.description.setFocus()
    qtbot.keyClicks(form.description, "Quer saber como pedir o atestado de residencia")
    qtbot.waitUntil(lambda: hint.answers > 0, timeout=5000)
    assert 0 < len(hint.rows) <= 3
    assert hint.rows[0].code == "atestado-residencia"
    hint.matches.setFocus()
    qtbot.keyClick(hint.matches, Qt.Key.Key_Return)
    viewer = hint.viewer
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.article is not None)
    assert viewer.article is not None
    assert viewer.article.code == "atestado-residencia"
    form.close()


def test_enter_typed_before_the_results_came_opens_the_first_of_them(
    qtbot, knowledge_service
) -> None:
    knowledge_service.sync(None, None)
    runner = TaskRunner()  # real threads: the results come after Enter
    try:
        desk = KnowledgeDesk(runner, knowledge_service)
        panel = KnowledgePanel(desk, prompter=ScriptedPrompter())
        qtbot.addWidget(panel)
        panel.show()
        panel.focus_search()
        qtbot.keyClicks(panel.search_edit, "esplanada")
        qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: panel.viewer is not None and panel.viewer.article is not None)
        assert panel.viewer is not None
        assert panel.viewer.article is not None
        assert panel.viewer.article.code == "esplanada"
        qtbot.waitUntil(lambda: runner.in_flight == 0)
    finally:
        runner.shutdown()
