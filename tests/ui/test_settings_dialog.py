"""Settings: the language switch (applies at the next start) and policy-locked settings."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.config import SettingsPaths, load_settings, save_user_settings
from desktop.views.settings_dialog import SettingsDialog


def paths(tmp_path: Path) -> SettingsPaths:
    return SettingsPaths(
        config_dir=tmp_path / "config",
        site_file=tmp_path / "site.json",
        policy_file=tmp_path / "policy.json",
        log_dir=tmp_path / "log",
        data_dir=tmp_path / "data",
    )


def test_language_is_saved_and_policy_settings_are_disabled(qtbot, runner, tmp_path):
    (tmp_path / "policy.json").write_text(
        json.dumps({"server_url": "https://balcao.example.pt", "counter_id": 3})
    )
    settings = load_settings({}, env={}, paths=paths(tmp_path))
    dialog = SettingsDialog(
        runner=runner, settings=settings, save=save_user_settings, counters=[(3, "Balcão 3")]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.server_edit.isEnabled()
    assert not dialog.counter_combo.isEnabled()
    assert (
        dialog.server_edit.toolTip() == "Definido pela sua organização: não pode ser alterado aqui."
    )
    assert dialog.language_combo.isEnabled()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.idle_spin.setValue(15)
    assert dialog.changes() == {"language": "en", "idle_lock_minutes": 15}
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].language == "en"
    stored = json.loads((tmp_path / "config" / "settings.json").read_text())
    assert stored == {"idle_lock_minutes": 15, "language": "en"}
    assert load_settings({}, env={}, paths=paths(tmp_path)).language == "en"


def test_a_failed_save_is_said_inline(qtbot, runner, tmp_path):
    settings = load_settings({}, env={}, paths=paths(tmp_path))

    def broken_save(_settings, **_changes):
        raise PermissionError("read-only profile")

    dialog = SettingsDialog(runner=runner, settings=settings, save=broken_save)
    qtbot.addWidget(dialog)
    dialog.idle_spin.setValue(settings.idle_lock_minutes + 1)
    dialog.accept()
    assert dialog.error_label.text().startswith("Erro inesperado (PermissionError)")
    assert dialog.save_button.isEnabled()
