"""FastAPI dependencies: the app context, the acting user with a role check, and commands.

A command is a state-changing POST: it carries an Idempotency-Key, runs in one write transaction
that also stores the answer under that key, and a retry with the same key replays the answer.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.auth.actor import Actor
from central.auth.roles import Role
from central.auth.service import decode_access
from central.context import AppContext
from central.errors import DomainError, Forbidden, Invalid, Unauthorized
from central.idempotency import service as idempotency

_bearer = HTTPBearer(auto_error=False)


def app_context(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


Context = Annotated[AppContext, Depends(app_context)]


def read_session(ctx: Context) -> Iterator[Session]:
    with ctx.db.read_session() as session:
        yield session


ReadSession = Annotated[Session, Depends(read_session)]


def _actor(ctx: AppContext, credentials: HTTPAuthorizationCredentials | None) -> Actor:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("auth.required", "Log in first.", headers={"WWW-Authenticate": "Bearer"})
    return decode_access(credentials.credentials, ctx.tokens, ctx.clock.now())


def require(roles: frozenset[Role]) -> Callable[..., Actor]:
    """A dependency giving the acting user, refusing roles not in `roles` with 403."""

    def dependency(
        ctx: Context,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Actor:
        actor = _actor(ctx, credentials)
        if actor.role not in roles:
            raise Forbidden(
                "auth.forbidden", "Your role may not do this.", details={"role": actor.role.value}
            )
        return actor

    dependency.roles = roles  # type: ignore[attr-defined]
    return dependency


@dataclass(frozen=True)
class Answered:
    """What an action of `Command.run` returns when its status code is known only inside the
    transaction (201 created / 200 already there): decided by a read before it, two requests
    racing each other would both be told "created"."""

    body: Any
    status_code: int


@dataclass
class Command:
    ctx: AppContext
    actor: Actor
    key: str
    path: str

    def run(
        self,
        body: Any,
        action: Callable[[Session, datetime], Any],
        *,
        status_code: int = 200,
    ) -> JSONResponse:
        """`action` in one write transaction with the idempotency record of its answer; a
        replay of the key gets that answer again. `status_code` unless the action returns an
        `Answered`."""
        request_hash = idempotency.fingerprint(self.path, jsonable_encoder(body))
        try:
            with self.ctx.db.write_session() as session, session.begin():
                stored = idempotency.find(session, self.actor.user_id, self.key, request_hash)
                if stored is not None:
                    return _replay(stored.status_code, stored.response)
                now = self.ctx.clock.now()
                result = action(session, now)
                if isinstance(result, Answered):
                    result, status_code = result.body, result.status_code
                answer = jsonable_encoder(result)
                idempotency.remember(
                    session, self.actor.user_id, self.key, request_hash, status_code, answer, now
                )
        except (IntegrityError, DomainError):
            # A retry that raced its original fails on the key or on the state the original
            # changed; once the original has committed, its answer is the one to give.
            stored = self._stored(request_hash)
            if stored is None:
                raise
            return _replay(stored.status_code, stored.response)
        return JSONResponse(answer, status_code=status_code)

    def _stored(self, request_hash: str) -> Any:
        with self.ctx.db.read_session() as session:
            return idempotency.find(session, self.actor.user_id, self.key, request_hash)


def _replay(status_code: int, response: Any) -> JSONResponse:
    return JSONResponse(response, status_code=status_code, headers={"Idempotent-Replayed": "true"})


def command(roles: frozenset[Role]) -> Callable[..., Command]:
    actor_dependency = require(roles)

    def dependency(
        request: Request,
        ctx: Context,
        actor: Annotated[Actor, Depends(actor_dependency)],
        idempotency_key: Annotated[str | None, Header()] = None,
    ) -> Command:
        if not idempotency_key or len(idempotency_key) > 128:
            raise Invalid(
                "idempotency.key_required",
                "State-changing requests need an Idempotency-Key header (1-128 chars).",
            )
        return Command(ctx, actor, idempotency_key, request.url.path)

    dependency.roles = roles  # type: ignore[attr-defined]
    return dependency
