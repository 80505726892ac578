"""pt-PT is complete: every user-visible string of the code is in the .ts and translated, with
the same placeholders; the app compiles and loads it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.views.app_resources import resources_dir, translation_file

ROOT = Path(__file__).resolve().parents[2]
TS = resources_dir() / "i18n" / "balcao_pt_PT.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def messages(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    found = []
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314 - our own file
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(
                (name, message.findtext("source") or "", translation.text, translation.get("type"))
            )
    return found


def test_every_string_is_translated_with_its_placeholders():
    rows = messages(TS)
    assert len(rows) > 300
    for context, source, translation, kind in rows:
        if kind in ("obsolete", "vanished"):
            continue
        assert kind != "unfinished", f"{context}: {source!r} not translated"
        assert translation, f"{context}: {source!r} not translated"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), (
            f"{context}: {source!r} -> {translation!r}"
        )
        assert source.count("&") <= 1, source
        assert translation.count("&") == source.count("&"), source


def test_the_code_has_no_string_missing_from_the_ts(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    tool = str(lupdate) if lupdate.exists() else shutil.which("pyside6-lupdate")
    assert tool, "pyside6-lupdate ships with PySide6-Essentials"
    copy = tmp_path / "balcao_pt_PT.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "desktop" / "views").glob("*.py"))
    subprocess.run(
        [tool, "-silent", *sources, str(ROOT / "desktop" / "app.py"), "-ts", str(copy)],
        check=True,
        timeout=120,
    )
    missing = [
        f"{context}: {source!r}"
        for context, source, _translation, kind in messages(copy)
        if kind == "unfinished"
    ]
    assert missing == [], "run pyside6-lupdate (see the Makefile) and translate:\n" + "\n".join(
        missing
    )


def test_translations_are_compiled_when_missing(tmp_path, monkeypatch):
    path = translation_file("pt_PT", tmp_path)
    assert path is not None
    assert path.exists()
    assert translation_file("en", tmp_path) is None  # English is the source: nothing to load
