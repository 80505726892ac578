from __future__ import annotations

import hashlib
import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from central.auth import service
from central.auth.actor import Actor
from central.auth.roles import ADMINS, ALL_ROLES, MANAGERS
from central.auth.schemas import LoginRequest, Me, RefreshRequest, TokenRead, UserCreate, UserRead
from central.deps import Command, Context, ReadSession, command, require
from central.errors import Unauthorized

router = APIRouter(tags=["auth"])


def _tokens(issued: service.IssuedTokens) -> TokenRead:
    return TokenRead(
        access_token=issued.access_token,
        refresh_token=issued.refresh_token,
        expires_in=issued.expires_in,
        user=UserRead.model_validate(issued.user),
    )


@router.post(
    "/auth/login",
    response_model=TokenRead,
    responses={
        401: {"description": "auth.invalid_credentials"},
        429: {"description": "auth.rate_limited"},
    },
)
def login(body: LoginRequest, request: Request, ctx: Context) -> TokenRead:
    client = request.client.host if request.client else "unknown"
    now = ctx.clock.now()
    with ctx.db.read_session() as session:
        user_id = service.check_credentials(
            session, body.username, body.password, client, ctx.tokens, now
        )
    with ctx.db.write_session() as session, session.begin():
        issued = service.complete_login(
            session, body.username, user_id, body.password, client, ctx.tokens, now
        )
        tokens = _tokens(issued) if issued else None
    if tokens is None:
        raise Unauthorized(*service.INVALID_CREDENTIALS)
    return tokens


@router.post(
    "/auth/refresh",
    response_model=TokenRead,
    responses={401: {"description": "auth.session_expired"}},
)
def refresh(body: RefreshRequest, ctx: Context) -> TokenRead:
    with ctx.db.write_session() as session, session.begin():
        issued = service.refresh(session, body.refresh_token, ctx.tokens, ctx.clock.now())
        tokens = _tokens(issued) if issued else None
    if tokens is None:
        raise Unauthorized(*service.SESSION_EXPIRED)
    return tokens


@router.post("/auth/logout", status_code=204)
def logout(body: RefreshRequest, ctx: Context) -> Response:
    with ctx.db.write_session() as session, session.begin():
        service.logout(session, body.refresh_token, ctx.clock.now())
    return Response(status_code=204)


@router.get("/auth/me", response_model=Me)
def me(
    ctx: Context, session: ReadSession, actor: Annotated[Actor, Depends(require(ALL_ROLES))]
) -> Me:
    user = service.get_user(session, actor.user_id)
    return Me(user=UserRead.model_validate(user), server_time=ctx.clock.now())


@router.get("/users", response_model=list[UserRead])
def list_users(
    session: ReadSession, actor: Annotated[Actor, Depends(require(MANAGERS))]
) -> list[UserRead]:
    return [UserRead.model_validate(u) for u in service.list_users(session, actor)]


@router.post(
    "/users",
    response_model=UserRead,
    status_code=201,
    responses={409: {"description": "user.exists"}},
)
def create_user(body: UserCreate, cmd: Annotated[Command, Depends(command(ADMINS))]) -> object:
    # The idempotency record keeps a fast hash of the request: a plain password in it could be
    # brute-forced from a database copy, so only a keyed digest of it goes in.
    password_mac = hmac.new(
        cmd.ctx.settings.secret_key.encode(), body.password.encode(), hashlib.sha256
    ).hexdigest()
    return cmd.run(
        {**body.model_dump(mode="json", exclude={"password"}), "password_mac": password_mac},
        lambda s, now: UserRead.model_validate(
            service.create_user(
                s,
                username=body.username,
                full_name=body.full_name,
                password=body.password,
                role=body.role,
                centre_id=body.centre_id,
                now=now,
            )
        ),
        status_code=201,
    )
