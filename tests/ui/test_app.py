"""The composition root: `balcao --self-test` end to end, and its failure report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import app, demo_mode, self_test
from desktop.config import Settings
from desktop.domain.errors import EMBEDDED_CENTRAL_FAILED, BalcaoError


def isolated_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        BALCAO_POLICY_FILE=str(tmp_path / "no-policy.json"),
    )
    return env


def test_self_test_serves_one_citizen(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "desktop.app", "--self-test"],
        env=isolated_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Balcão self-test passed")
    for step in ("called", "serving", "finished", "counter closed"):
        assert step in result.stdout


def test_self_test_reports_a_failure(monkeypatch, capsys, tmp_path):
    class BrokenCentral:
        def __init__(self, **_kwargs: object) -> None:
            pass

        def __enter__(self) -> BrokenCentral:
            raise BalcaoError(EMBEDDED_CENTRAL_FAILED, "the demo central did not start")

        def __exit__(self, *_exc: object) -> None:
            pass

    monkeypatch.setattr(demo_mode, "EmbeddedCentral", BrokenCentral)
    settings = Settings(config_dir=tmp_path, log_dir=tmp_path, data_dir=tmp_path)
    assert self_test.self_test(settings) == 1
    out = capsys.readouterr().out
    assert "FAILED" in out
    assert "the demo central did not start" in out


def test_command_line():
    args = app.parse_args(["--server", "https://balcao.example.pt", "--counter", "4"])
    assert (args.server, args.counter, args.demo, args.self_test) == (
        "https://balcao.example.pt",
        4,
        False,
        False,
    )
    with pytest.raises(SystemExit):
        app.parse_args(["--demo", "--self-test"])
