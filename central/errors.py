"""Errors with stable codes, turned into `{"error": {code, message, details}}` responses.

Services raise `DomainError`; clients translate `code`, the English `message` is for logs and
API users. No handler ever returns a stack trace.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class DomainError(Exception):
    status_code = 409

    def __init__(
        self,
        code: str,
        message: str,
        *,
        status_code: int | None = None,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        if status_code is not None:
            self.status_code = status_code
        self.details = details or {}
        self.headers = headers


class NotFound(DomainError):
    status_code = 404


class Forbidden(DomainError):
    status_code = 403


class Unauthorized(DomainError):
    status_code = 401


class Invalid(DomainError):
    status_code = 422


class Conflict(DomainError):
    status_code = 409


class PreconditionFailed(DomainError):
    """412: an edit named a version (If-Match) that is no longer the current one."""

    status_code = 412


class PreconditionRequired(DomainError):
    """428: an edit of a versioned record came without If-Match."""

    status_code = 428


def version_from_if_match(if_match: str | None, *, domain: str, thing: str) -> int:
    """The version an `If-Match` header names (`3`, `"3"` or `W/"3"`), for edits of `thing`;
    codes are `<domain>.if_match_required` (428) and `<domain>.if_match_invalid` (422)."""
    if if_match is None:
        raise PreconditionRequired(
            f"{domain}.if_match_required",
            f"Send If-Match with the version of the {thing} you changed.",
        )
    value = if_match.strip().removeprefix("W/").strip('"')
    if not value.isdigit():
        raise Invalid(f"{domain}.if_match_invalid", f"If-Match must be the {thing}'s version.")
    return int(value)


def error_body(code: str, message: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details or {}}}


_HTTP_CODES = {
    400: "request.bad",
    401: "auth.required",
    403: "auth.forbidden",
    404: "route.not_found",
    405: "route.method_not_allowed",
    415: "request.unsupported_media_type",
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain(_: Request, exc: DomainError) -> JSONResponse:
        return JSONResponse(
            error_body(exc.code, exc.message, exc.details),
            status_code=exc.status_code,
            headers=exc.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [
            {"loc": [str(p) for p in err.get("loc", ())], "type": err.get("type", "")}
            for err in exc.errors()
        ]
        # Input values are left out on purpose: they may carry citizen data.
        return JSONResponse(
            error_body("validation.failed", "The request is not valid.", {"fields": fields}),
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "request.failed")
        return JSONResponse(
            error_body(code, str(exc.detail)),
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(
            error_body("internal", "Internal error. It has been logged."), status_code=500
        )
