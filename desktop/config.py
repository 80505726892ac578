"""Settings of the desktop, by precedence: machine policy > command line / environment > user
file > site file > defaults.

IT presets the server and the counter through the policy file (`/etc/balcao/policy.json`,
`%ProgramData%\\Balcao\\policy.json`); what the policy sets is `locked`, so the preferences dialog
greys it out and `save_user_settings` refuses it. Files are JSON objects. A file or a value that
cannot be used is skipped with a warning (kept on the Settings): a typo by IT must never stop the
counter from starting.
"""

from __future__ import annotations

import contextlib
import json
import logging
import logging.handlers
import os
import re
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs

from desktop.domain.errors import SETTING_INVALID, BalcaoError, SettingLocked

APP_NAME = "balcao"
SETTINGS_FILE = "settings.json"
LANGUAGES = ("pt_PT", "en")
LOG_FILE = "balcao.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5

# Environment variables a launcher or IT may set, and the setting each one gives.
ENV_VARIABLES = {
    "BALCAO_SERVER_URL": "server_url",
    "BALCAO_COUNTER_ID": "counter_id",
    "BALCAO_LANGUAGE": "language",
}
POLICY_ENV = "BALCAO_POLICY_FILE"


@dataclass(frozen=True)
class SettingsPaths:
    """Where settings, logs and local data live; tests point every one into a temporary folder."""

    config_dir: Path  # the user's own settings file lives here
    site_file: Path
    policy_file: Path
    log_dir: Path
    data_dir: Path

    @property
    def user_file(self) -> Path:
        return self.config_dir / SETTINGS_FILE

    @classmethod
    def default(cls, env: Mapping[str, str] | None = None) -> SettingsPaths:
        env = os.environ if env is None else env
        policy = env.get(POLICY_ENV) or str(_default_policy_file(env))
        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            site_file=Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)) / SETTINGS_FILE,
            policy_file=Path(policy),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        )


def _default_policy_file(env: Mapping[str, str]) -> Path:
    if sys.platform == "win32":
        return Path(env.get("ProgramData", r"C:\ProgramData")) / "Balcao" / "policy.json"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Balcao/policy.json")
    return Path("/etc/balcao/policy.json")


@dataclass(frozen=True)
class Settings:
    server_url: str = "http://127.0.0.1:8765"
    counter_id: int | None = None
    language: str = "pt_PT"
    idle_lock_minutes: int = 10
    idle_warning_seconds: int = 60
    remember_session: bool = True
    locked: frozenset[str] = frozenset()
    config_dir: Path = field(default_factory=lambda: SettingsPaths.default().config_dir)
    log_dir: Path = field(default_factory=lambda: SettingsPaths.default().log_dir)
    data_dir: Path = field(default_factory=lambda: SettingsPaths.default().data_dir)
    # Why a file or a value was skipped, for the log and the diagnostics view.
    warnings: tuple[str, ...] = ()

    @property
    def user_file(self) -> Path:
        return self.config_dir / SETTINGS_FILE


# --- values -------------------------------------------------------------------------------------


def _server_url(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("not a text")
    url = value.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("not an http(s) address")
    return url


def _counter_id(value: object) -> int | None:
    if value is None or value == "":
        return None
    number = _integer(value)
    if number < 1:
        raise ValueError("not a counter id")
    return number


def _language(value: object) -> str:
    if value not in LANGUAGES:
        raise ValueError(f"not one of {', '.join(LANGUAGES)}")
    return str(value)


def _integer(value: object) -> int:
    # bool is an int in Python; `true` in a JSON file is a mistake, not 1.
    if isinstance(value, bool):
        raise ValueError("not a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
        return int(value)
    raise ValueError("not a whole number")


def _bounded(low: int, high: int) -> Callable[[object], int]:
    def parse(value: object) -> int:
        number = _integer(value)
        if not low <= number <= high:
            raise ValueError(f"not between {low} and {high}")
        return number

    return parse


def _boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError("not true or false")


PARSERS: dict[str, Callable[[object], object]] = {
    "server_url": _server_url,
    "counter_id": _counter_id,
    "language": _language,
    "idle_lock_minutes": _bounded(1, 480),
    "idle_warning_seconds": _bounded(0, 600),
    "remember_session": _boolean,
}
SETTING_KEYS = frozenset(PARSERS)


def _valid_values(raw: Mapping[str, object], source: str, warnings: list[str]) -> dict[str, object]:
    values: dict[str, object] = {}
    for key, value in raw.items():
        parser = PARSERS.get(key)
        if parser is None:
            warnings.append(f"{source}: unknown setting {key!r} ignored")
            continue
        try:
            values[key] = parser(value)
        except ValueError as exc:
            warnings.append(f"{source}: {key} ignored ({exc})")
    return values


def _read_file(path: Path, warnings: list[str]) -> dict[str, object]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        warnings.append(f"{path}: cannot be read ({exc.strerror or exc})")
        return {}
    try:
        data = json.loads(text)
    except ValueError as exc:
        warnings.append(f"{path}: not valid JSON, skipped ({exc})")
        return {}
    if not isinstance(data, dict):
        warnings.append(f"{path}: not a JSON object, skipped")
        return {}
    return _valid_values(data, str(path), warnings)


# --- loading and saving -------------------------------------------------------------------------


def load_settings(
    argv_overrides: Mapping[str, object] | None = None,
    env: Mapping[str, str] | None = None,
    paths: SettingsPaths | None = None,
) -> Settings:
    """The effective settings. `argv_overrides` are the command-line options that were given
    (None values count as not given); they beat the environment."""
    env = os.environ if env is None else env
    paths = paths or SettingsPaths.default(env)
    warnings: list[str] = []
    site = _read_file(paths.site_file, warnings)
    user = _read_file(paths.user_file, warnings)
    from_env = _valid_values(
        {key: env[var] for var, key in ENV_VARIABLES.items() if var in env},
        "environment",
        warnings,
    )
    given = {k: v for k, v in (argv_overrides or {}).items() if v is not None}
    from_argv = _valid_values(given, "command line", warnings)
    policy = _read_file(paths.policy_file, warnings)
    values = {**site, **user, **from_env, **from_argv, **policy}
    return Settings(
        **values,  # type: ignore[arg-type]  # each value was checked by its parser
        locked=frozenset(policy),
        config_dir=paths.config_dir,
        log_dir=paths.log_dir,
        data_dir=paths.data_dir,
        warnings=tuple(warnings),
    )


def save_user_settings(settings: Settings, **changes: object) -> Settings:
    """Write `changes` to the user's file (atomically) and return the settings with them.

    A key fixed by the policy raises `SettingLocked` (code `client.setting_locked`) and nothing
    is written; an unknown key or a bad value raises BalcaoError `client.setting_invalid`.
    """
    locked = sorted(set(changes) & settings.locked)
    if locked:
        raise SettingLocked(locked)
    problems: list[str] = []
    clean = _valid_values(changes, "change", problems)
    if problems:
        raise BalcaoError(
            SETTING_INVALID, "; ".join(problems), {"keys": sorted(set(changes) - set(clean))}
        )
    ignored: list[str] = []
    stored = _read_file(settings.user_file, ignored)
    stored.update(clean)
    _write_atomically(settings.user_file, json.dumps(stored, indent=2, sort_keys=True) + "\n")
    return replace(settings, **clean)  # type: ignore[arg-type]


def _write_atomically(path: Path, text: str) -> None:
    """Write beside the target and rename over it: a crash leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


# --- logging ------------------------------------------------------------------------------------

# A safety net under the rule that code never logs secrets: anything that looks like a bearer
# token, a JWT or a password/token field is masked before it reaches the file.
_SECRET_PATTERNS = (
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"),
    re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"),
    re.compile(r"(?i)((?:password|refresh_token|access_token)[\"']?\s*[:=]\s*[\"']?)[^\"',\s}]+"),
)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = message
        for pattern in _SECRET_PATTERNS:
            redacted = pattern.sub(
                lambda m: (m.group(1) if m.groups() else "") + "[redacted]", redacted
            )
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class _BalcaoLogHandler(logging.handlers.RotatingFileHandler):
    """Marks the handler this module installed, so that configuring twice replaces it."""


def configure_logging(settings: Settings, level: int = logging.INFO) -> Path:
    """Log to a rotating file in `settings.log_dir` (1 MB x 5); returns the file's path.

    Code below views logs only ids, codes and timings: never request bodies, tokens, passwords
    or anything a citizen said.
    """
    settings.log_dir.mkdir(parents=True, exist_ok=True)
    path = settings.log_dir / LOG_FILE
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _BalcaoLogHandler)]:
        root.removeHandler(old)
        old.close()
    handler = _BalcaoLogHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(level)
    # urllib3 at DEBUG logs every URL with its query; INFO and above say nothing private.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    for warning in settings.warnings:
        logging.getLogger(__name__).warning("settings: %s", warning)
    return path


def describe(settings: Settings) -> dict[str, Any]:
    """The settings as plain values, for the diagnostics view and the log."""
    return {
        "server_url": settings.server_url,
        "counter_id": settings.counter_id,
        "language": settings.language,
        "idle_lock_minutes": settings.idle_lock_minutes,
        "idle_warning_seconds": settings.idle_warning_seconds,
        "remember_session": settings.remember_session,
        "locked": sorted(settings.locked),
        "config_dir": str(settings.config_dir),
        "log_dir": str(settings.log_dir),
        "data_dir": str(settings.data_dir),
        "warnings": list(settings.warnings),
    }
