"""The knowledge editor's window against a real central on loopback with the demo knowledge
base: an edit saved and published reaches central (and the counters' sync), a concurrent edit
is a 412 shown in words with "reload their version", and a suggestion from a counter is
accepted from the review queue. Driven by the keyboard where the editor would use it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from desktop.api.knowledge_api import KnowledgeApi
from desktop.app_services import Services
from desktop.config import Settings
from desktop.domain.knowledge_editing import EditableArticle
from desktop.domain.users import User
from desktop.services.case_service import CaseService
from desktop.services.case_sync import CaseSync
from desktop.services.credential_store import CredentialStore
from desktop.services.knowledge_editing import KnowledgeEditing
from desktop.store.local_store import LocalStore
from desktop.tasks import TaskRunner
from desktop.views.knowledge_editor_window import KnowledgeEditorWindow
from desktop.views.prompter import ScriptedPrompter
from desktop.views.session_flow import Session
from tests.integration.conftest import logged_in

CODE = "atestado-residencia"


@pytest.fixture
def editor_user(editing: KnowledgeEditing) -> User:
    me = editing.api.client.get("/auth/me")
    return User.from_json(me["user"])


@pytest.fixture
def window(
    qtbot, runner: TaskRunner, editing: KnowledgeEditing, editor_user: User
) -> KnowledgeEditorWindow:
    shown = KnowledgeEditorWindow(
        runner=runner, editing=editing, user=editor_user, prompter=ScriptedPrompter()
    )
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    shown.start()
    qtbot.waitUntil(lambda: len(shown.articles) >= 30)
    return shown


def open_article(qtbot, window: KnowledgeEditorWindow, code: str) -> EditableArticle:
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, code)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [a.code for a in window.articles] == [code])
    window.article_table.setFocus()
    window.article_table.setCurrentCell(0, 0)
    qtbot.waitUntil(lambda: window.form.article is not None and window.form.article.code == code)
    assert window.form.article is not None
    return window.form.article


def test_edit_save_and_publish_reach_central_and_the_counters(
    qtbot, window: KnowledgeEditorWindow, editing: KnowledgeEditing, knowledge_service
) -> None:
    before = open_article(qtbot, window, CODE)
    form = window.form
    assert not window.save_button.isEnabled()
    form.title_edit.setFocus()
    qtbot.keyClick(form.title_edit, Qt.Key.Key_End)
    qtbot.keyClicks(form.title_edit, " (junta de freguesia)")  # keyClicks types ASCII only
    form.body_edit.setPlainText("## Como pedir\n\nNa **junta** da área da morada.")
    qtbot.waitUntil(lambda: "junta" in form.preview.toPlainText())
    assert "**" not in form.preview.toPlainText()  # rendered, not shown as typed
    form.sections.setCurrentIndex(1)
    form.add_fee()
    row = form.fees_table.rowCount() - 1
    for column, value in enumerate(("Segunda via", "2,5", "valor de exemplo")):
        form.fees_table.item(row, column).setText(value)
    form.tags_edit.setText("atestados, residência, junta")
    assert window.save_button.isEnabled()
    with qtbot.waitSignal(window.saved):
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = editing.article(before.id)
    assert saved.version == before.version + 1
    variant = saved.variant("pt-PT")
    assert variant is not None
    assert variant.title == "Atestado de residência (junta de freguesia)"
    assert variant.fees[-1].label == "Segunda via"
    assert variant.fees[-1].amount == "2.50"
    assert saved.tags == ("atestados", "residência", "junta")
    assert saved.has_unpublished_changes
    assert window.publish_button.isEnabled()

    with qtbot.waitSignal(window.saved):
        qtbot.keyClick(
            window,
            Qt.Key.Key_P,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    published = editing.article(before.id)
    assert published.status == "published"
    assert not published.has_unpublished_changes
    # The counters get it at their next sync.
    knowledge_service.sync(None, None)
    cached = knowledge_service.article(before.id)
    assert cached is not None
    assert cached.title == "Atestado de residência (junta de freguesia)"


def test_a_concurrent_edit_is_a_conflict_with_their_version_to_reload(
    qtbot, window: KnowledgeEditorWindow, editing: KnowledgeEditing, knowledge_central
) -> None:
    mine = open_article(qtbot, window, CODE)
    # Another editor saves first.
    other_api = editing.api.client.__class__(knowledge_central.base_url)
    logged_in(other_api, "admin")
    theirs = KnowledgeEditing(other_api).save(
        replace(mine, owner="Outra divisão"), comment="by someone else"
    )
    window.form.title_edit.setFocus()
    qtbot.keyClicks(window.form.title_edit, " (editado)")
    window.save()
    qtbot.waitUntil(window.conflict_frame.isVisible)
    text = window.conflict_label.text()
    assert str(theirs.version) in text
    assert window.conflict_current is not None
    assert window.conflict_current.version == theirs.version
    assert window.form.title_edit.text().endswith("(editado)")  # the edits are kept
    assert window.reload_button.hasFocus()
    qtbot.keyClick(window.reload_button, Qt.Key.Key_Space)
    assert not window.conflict_frame.isVisible()
    assert window.form.article is not None
    assert window.form.article.version == theirs.version
    assert window.form.owner_edit.text() == "Outra divisão"
    assert not window.form.dirty
    other_api.close()


def test_a_suggestion_from_a_counter_is_accepted_from_the_review_queue(
    qtbot, window: KnowledgeEditorWindow, editing: KnowledgeEditing, knowledge_service
) -> None:
    article_id = next(a.id for a in window.articles if a.code == CODE)
    assert isinstance(knowledge_service.api, KnowledgeApi)
    knowledge_service.suggest(article_id, "correction", "A taxa subiu para 3,50 €.")
    window.refresh()
    qtbot.waitUntil(lambda: len(window.suggestions) == 1)
    assert window.tabs.tabText(1) == QCoreApplication.translate(
        "KnowledgeEditorWindow", "&Review queue ({count})"
    ).format(count=1)
    window.tabs.setCurrentIndex(1)
    window.suggestion_table.setFocus()
    assert window.selected_suggestion() is not None
    qtbot.keyClicks(window.reason_edit, "Corrigido na tabela de taxas.")
    with qtbot.waitSignal(window.decided):
        window.accept_button.click()
    assert editing.suggestions() == []
    decided = editing.suggestions(status="accepted")
    assert [(s.text, s.reason) for s in decided] == [
        ("A taxa subiu para 3,50 €.", "Corrigido na tabela de taxas.")
    ]
    qtbot.waitUntil(lambda: window.suggestions == ())


def test_a_draft_in_the_form_is_checked_before_it_is_sent(
    qtbot, window: KnowledgeEditorWindow, editing: KnowledgeEditing
) -> None:
    before = open_article(qtbot, window, CODE)
    window.form.title_edit.clear()
    window.form.title_edit.textEdited.emit("")
    window.save()
    assert window.message_bar.text  # says what is missing
    assert editing.article(before.id).version == before.version


@pytest.fixture
def editor_services(
    runner: TaskRunner, editing: KnowledgeEditing, tmp_path: Path
) -> Iterator[Services]:
    store = LocalStore.open(tmp_path / "data" / "balcao.sqlite3")
    api = editing.api.client
    yield Services(
        settings=Settings(
            config_dir=tmp_path / "config", log_dir=tmp_path / "log", data_dir=tmp_path / "data"
        ),
        api=api,
        store=CredentialStore(),
        auth=None,  # type: ignore[arg-type]  # not used to open the window
        queue=None,  # type: ignore[arg-type]
        runner=runner,
        case_store=store,
        cases=CaseService(store, api, centre_id=0, counter_label="0"),
        case_sync=CaseSync(store, api),
    )
    store.close()


def test_the_session_opens_the_editor_window_for_the_editor_role(
    qtbot, qapp, editor_services: Services, editor_user: User
) -> None:
    session = Session(qapp, editor_services)
    window = session.open_for(editor_user)
    assert isinstance(window, KnowledgeEditorWindow)
    qtbot.addWidget(window)
