"""Settings: precedence, policy locking, malformed files, atomic saves, logging without secrets."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from desktop.config import (
    Settings,
    SettingsPaths,
    configure_logging,
    load_settings,
    save_user_settings,
)
from desktop.domain.errors import BalcaoError, SettingLocked


@pytest.fixture
def paths(tmp_path: Path) -> SettingsPaths:
    return SettingsPaths(
        config_dir=tmp_path / "user",
        site_file=tmp_path / "site" / "settings.json",
        policy_file=tmp_path / "policy" / "policy.json",
        log_dir=tmp_path / "logs",
        data_dir=tmp_path / "data",
    )


def write(path: Path, content: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")


def test_defaults(paths: SettingsPaths) -> None:
    settings = load_settings(env={}, paths=paths)
    assert settings.server_url == "http://127.0.0.1:8765"
    assert settings.counter_id is None
    assert settings.language == "pt_PT"
    assert (settings.idle_lock_minutes, settings.idle_warning_seconds) == (10, 60)
    assert settings.remember_session is True
    assert settings.locked == frozenset()
    assert settings.warnings == ()
    assert (settings.config_dir, settings.log_dir, settings.data_dir) == (
        paths.config_dir,
        paths.log_dir,
        paths.data_dir,
    )


def test_precedence(paths: SettingsPaths) -> None:
    write(paths.site_file, {"server_url": "http://site:1", "language": "en", "counter_id": 1,
                            "idle_lock_minutes": 5, "idle_warning_seconds": 30})  # fmt: skip
    write(paths.user_file, {"server_url": "http://user:2", "counter_id": 2, "idle_lock_minutes": 7})
    env = {"BALCAO_SERVER_URL": "http://env:3/", "BALCAO_COUNTER_ID": "3"}
    settings = load_settings({"counter_id": 4, "language": None}, env=env, paths=paths)
    assert settings.server_url == "http://env:3"  # environment over user file, no trailing /
    assert settings.counter_id == 4  # command line over environment
    assert settings.language == "en"  # None on the command line means "not given"
    assert settings.idle_lock_minutes == 7  # user over site
    assert settings.idle_warning_seconds == 30  # site over default
    write(paths.policy_file, {"server_url": "https://central.example.pt", "counter_id": 9})
    settings = load_settings({"counter_id": 4}, env=env, paths=paths)
    assert settings.server_url == "https://central.example.pt"  # policy over everything
    assert settings.counter_id == 9
    assert settings.locked == {"server_url", "counter_id"}


def test_policy_file_from_the_environment(paths: SettingsPaths, tmp_path: Path) -> None:
    policy = tmp_path / "elsewhere.json"
    write(policy, {"language": "en"})
    default = SettingsPaths.default({"BALCAO_POLICY_FILE": str(policy)})
    assert default.policy_file == policy
    settings = load_settings(env={}, paths=SettingsPaths(**{**vars(paths), "policy_file": policy}))
    assert settings.locked == {"language"}


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "not a JSON object"),
        ('{"idle_lock_minutes": "ten"}', "idle_lock_minutes ignored"),
        ('{"language": "fr"}', "language ignored"),
        ('{"server_url": "ftp://x"}', "server_url ignored"),
        ('{"remember_session": "maybe"}', "remember_session ignored"),
        ('{"counter_id": true}', "counter_id ignored"),
        ('{"colour": "blue"}', "unknown setting 'colour'"),
    ],
)
def test_malformed_user_file_is_reported_and_skipped(
    paths: SettingsPaths, content: str, fragment: str
) -> None:
    write(paths.site_file, {"language": "en", "idle_lock_minutes": 3})
    write(paths.user_file, content)
    settings = load_settings(env={}, paths=paths)
    assert len(settings.warnings) == 1
    assert fragment in settings.warnings[0]
    assert settings.idle_lock_minutes in (3,)  # the site file still applies
    assert settings.language == "en"


def test_malformed_policy_locks_nothing(paths: SettingsPaths) -> None:
    write(paths.policy_file, "\x00garbage")
    write(paths.user_file, {"counter_id": 2})
    settings = load_settings(env={}, paths=paths)
    assert settings.locked == frozenset()
    assert settings.counter_id == 2
    assert "policy.json" in settings.warnings[0]


def test_bad_environment_value_is_reported(paths: SettingsPaths) -> None:
    settings = load_settings(env={"BALCAO_COUNTER_ID": "balcao 3"}, paths=paths)
    assert settings.counter_id is None
    assert settings.warnings == ("environment: counter_id ignored (not a whole number)",)


def test_values_are_parsed(paths: SettingsPaths) -> None:
    write(
        paths.user_file, {"remember_session": "no", "counter_id": "12", "idle_warning_seconds": 0}
    )
    settings = load_settings(env={}, paths=paths)
    assert settings.remember_session is False
    assert settings.counter_id == 12
    assert settings.idle_warning_seconds == 0


def test_save_writes_only_the_user_file_atomically(paths: SettingsPaths) -> None:
    write(paths.user_file, {"idle_lock_minutes": 7})
    settings = load_settings(env={}, paths=paths)
    saved = save_user_settings(settings, language="en", counter_id=3)
    assert (saved.language, saved.counter_id, saved.idle_lock_minutes) == ("en", 3, 7)
    on_disk = json.loads(paths.user_file.read_text("utf-8"))
    assert on_disk == {"idle_lock_minutes": 7, "language": "en", "counter_id": 3}
    assert [p.name for p in paths.config_dir.iterdir()] == ["settings.json"]  # no temp left
    assert load_settings(env={}, paths=paths).counter_id == 3


def test_save_creates_the_folder(paths: SettingsPaths) -> None:
    saved = save_user_settings(load_settings(env={}, paths=paths), remember_session=False)
    assert saved.remember_session is False
    assert json.loads(paths.user_file.read_text("utf-8")) == {"remember_session": False}


def test_locked_keys_are_refused(paths: SettingsPaths) -> None:
    write(paths.policy_file, {"server_url": "https://central.example.pt"})
    settings = load_settings(env={}, paths=paths)
    with pytest.raises(SettingLocked) as caught:
        save_user_settings(settings, server_url="http://mine:1", language="en")
    assert caught.value.code == "client.setting_locked"
    assert caught.value.details == {"keys": ["server_url"]}
    assert isinstance(caught.value, PermissionError)
    assert not paths.user_file.exists()  # nothing written, not even the unlocked key


def test_invalid_values_are_refused(paths: SettingsPaths) -> None:
    settings = load_settings(env={}, paths=paths)
    with pytest.raises(BalcaoError) as caught:
        save_user_settings(settings, idle_lock_minutes=0, colour="blue")
    assert caught.value.code == "client.setting_invalid"
    assert caught.value.details == {"keys": ["colour", "idle_lock_minutes"]}
    assert not paths.user_file.exists()


def test_logging_to_a_rotating_file_without_secrets(paths: SettingsPaths) -> None:
    settings = Settings(log_dir=paths.log_dir, warnings=("user file: language ignored",))
    root = logging.getLogger()
    level = root.level
    try:
        path = configure_logging(settings)
        configure_logging(settings)  # twice: one handler, not two
        ours = [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)]
        assert len(ours) == 1
        assert ours[0].maxBytes == 1_000_000
        assert ours[0].backupCount == 5
        log = logging.getLogger("desktop.test")
        log.info("sent Authorization: Bearer abc.def-ghi")
        log.info("body %s", {"username": "ana", "password": "hunter2"})
        log.info("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")
        for handler in ours:
            handler.flush()
        text = path.read_text("utf-8")
        assert "settings: user file: language ignored" in text
        assert "abc.def-ghi" not in text
        assert "hunter2" not in text
        assert "eyJzdWIi" not in text
        assert text.count("[redacted]") == 3
    finally:
        for handler in [h for h in root.handlers if getattr(h, "baseFilename", None)]:
            if str(paths.log_dir) in str(getattr(handler, "baseFilename", "")):
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
