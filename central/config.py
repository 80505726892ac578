"""Settings of the central service, read from the environment (12-factor) with safe defaults."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from rules import attachments

DEFAULT_SQLITE_PATH = Path("balcao-central.sqlite3")


@dataclass(frozen=True)
class Settings:
    database_url: str = f"sqlite:///{DEFAULT_SQLITE_PATH}"
    # A random secret means tokens do not survive a restart: fine for the demo, and production
    # must set BALCAO_SECRET_KEY (the serve command warns when it is missing).
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    access_token_minutes: int = 15
    refresh_token_hours: int = 12
    login_max_failures: int = 5
    login_window_minutes: int = 15
    sse_ping_seconds: float = 15.0
    sse_poll_seconds: float = 2.0
    auto_migrate: bool = True
    # Names the deployment in logs and the health check.
    instance_name: str = "balcao-central"
    # Case attachments larger than this are refused with 413 (PDF, JPEG, PNG only); the
    # default is the desktop's limit too (rules/attachments.py).
    attachment_max_bytes: int = attachments.MAX_BYTES
    # Open311 GeoReport v2: keys of the clients that may POST requests; with none, POST is
    # refused unless anonymous posting is on. The centre that receives Open311 requests (its
    # code) when the client names no jurisdiction_id and there are several centres.
    open311_api_keys: tuple[str, ...] = ()
    open311_anonymous_post: bool = False
    open311_centre_code: str | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        kwargs: dict[str, object] = {}
        if url := env.get("BALCAO_DATABASE_URL"):
            kwargs["database_url"] = url
        if key := env.get("BALCAO_SECRET_KEY"):
            kwargs["secret_key"] = key
        ints = {
            "BALCAO_ACCESS_TOKEN_MINUTES": "access_token_minutes",
            "BALCAO_REFRESH_TOKEN_HOURS": "refresh_token_hours",
            "BALCAO_LOGIN_MAX_FAILURES": "login_max_failures",
            "BALCAO_LOGIN_WINDOW_MINUTES": "login_window_minutes",
        }
        for var, name in ints.items():
            if var in env:
                kwargs[name] = int(env[var])
        if "BALCAO_SSE_PING_SECONDS" in env:
            kwargs["sse_ping_seconds"] = float(env["BALCAO_SSE_PING_SECONDS"])
        if "BALCAO_ATTACHMENT_MAX_BYTES" in env:
            kwargs["attachment_max_bytes"] = int(env["BALCAO_ATTACHMENT_MAX_BYTES"])
        if keys := env.get("BALCAO_OPEN311_API_KEYS"):
            kwargs["open311_api_keys"] = tuple(k.strip() for k in keys.split(",") if k.strip())
        if "BALCAO_OPEN311_ANONYMOUS" in env:
            kwargs["open311_anonymous_post"] = env["BALCAO_OPEN311_ANONYMOUS"].lower() in {
                "1",
                "true",
                "yes",
            }
        if code := env.get("BALCAO_OPEN311_CENTRE"):
            kwargs["open311_centre_code"] = code
        if "BALCAO_AUTO_MIGRATE" in env:
            kwargs["auto_migrate"] = env["BALCAO_AUTO_MIGRATE"].lower() in {"1", "true", "yes"}
        return cls(**kwargs)  # type: ignore[arg-type]
