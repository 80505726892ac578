"""The Qt application itself: create the QApplication, install the style sheet and the
translations (Qt's own and ours), and send Qt's messages to the log instead of the console."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from desktop.config import Settings

log = logging.getLogger(__name__)


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent.parent / "resources"


def _lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease")


def translation_file(language: str, cache_dir: Path) -> Path | None:
    """The compiled translations for `language`: `resources/i18n/balcao_<lang>.qm` (built by
    `make i18n`), else compiled now from the `.ts` into `cache_dir` if lrelease is at hand.
    None when neither works: the app then speaks the source language (English)."""
    i18n = resources_dir() / "i18n"
    source = i18n / f"balcao_{language}.ts"
    built = i18n / f"balcao_{language}.qm"
    if built.exists() and (not source.exists() or built.stat().st_mtime >= source.stat().st_mtime):
        return built
    if not source.exists():
        return built if built.exists() else None
    tool = _lrelease()
    if tool is None:
        return built if built.exists() else None
    target = cache_dir / f"balcao_{language}.qm"
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(  # noqa: S603 - the lrelease of our own PySide6
            [tool, "-silent", str(source), "-qm", str(target)], check=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("translations not compiled (%s): English is used", exc)
        return built if built.exists() else None
    return target


def install_translations(app: QApplication, language: str, cache_dir: Path) -> list[QTranslator]:
    """Qt's own strings and ours, for `language`; sets the default QLocale (dates, numbers)."""
    locale = QLocale(language)
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    path = translation_file(language, cache_dir)
    ours = QTranslator(app)
    if path is not None and ours.load(str(path)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no translations for %s: English is used", language)
    return installed


def install_style(app: QApplication) -> None:
    path = resources_dir() / "styles" / "balcao.qss"
    try:
        app.setStyleSheet(path.read_text(encoding="utf-8"))
    except OSError:
        log.warning("style sheet %s not found: the default style is used", path)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log file, not to the attendant's console."""
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def make_application(settings: Settings) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Balcão")
    app.setOrganizationName("Balcao")
    app.setStyle("Fusion")
    qInstallMessageHandler(_qt_message)
    install_translations(app, settings.language, settings.data_dir / "i18n")
    install_style(app)
    return app
