"""Login, token issue and rotation, rate limiting and user management.

Passwords are argon2id hashes. Access tokens are short-lived signed JWTs held only in the
client's memory; refresh tokens are opaque, stored as SHA-256 and rotated on every use.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from central.auth.actor import Actor
from central.auth.models import LoginAttempt, RefreshToken, User
from central.auth.roles import Role
from central.errors import Conflict, DomainError, Invalid, NotFound, Unauthorized
from central.reference.models import Centre

SESSION_EXPIRED = ("auth.session_expired", "The session has expired. Log in again.")
INVALID_CREDENTIALS = ("auth.invalid_credentials", "Wrong user name or password.")

log = logging.getLogger(__name__)
_hasher = PasswordHasher()
# Verifying against this when the user does not exist keeps the timing of both answers alike.
_DUMMY_HASH = _hasher.hash("not-a-real-password")
_ALGORITHM = "HS256"
_BEARER = {"WWW-Authenticate": "Bearer"}


@dataclass(frozen=True)
class TokenPolicy:
    secret_key: str
    access_minutes: int
    refresh_hours: int
    max_failures: int
    window_minutes: int


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    refresh_token: str
    expires_in: int
    user: User


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _access_token(user: User, policy: TokenPolicy, now: datetime) -> str:
    claims = {
        "sub": str(user.id),
        "usr": user.username,
        "role": user.role,
        "centre": user.centre_id,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=policy.access_minutes)).timestamp()),
    }
    return jwt.encode(claims, policy.secret_key, algorithm=_ALGORITHM)


def _new_refresh(
    session: Session, user: User, family: str, policy: TokenPolicy, now: datetime
) -> str:
    token = secrets.token_urlsafe(32)
    session.add(
        RefreshToken(
            token_hash=_token_hash(token),
            family=family,
            user_id=user.id,
            expires_at=now + timedelta(hours=policy.refresh_hours),
        )
    )
    return token


def _issue(
    session: Session, user: User, family: str, policy: TokenPolicy, now: datetime
) -> IssuedTokens:
    return IssuedTokens(
        access_token=_access_token(user, policy, now),
        refresh_token=_new_refresh(session, user, family, policy, now),
        expires_in=policy.access_minutes * 60,
        user=user,
    )


def _recent_failures(session: Session, username: str, policy: TokenPolicy, now: datetime) -> int:
    since = now - timedelta(minutes=policy.window_minutes)
    count = session.execute(
        select(func.count())
        .select_from(LoginAttempt)
        .where(LoginAttempt.username == username, LoginAttempt.at >= since)
    ).scalar_one()
    return int(count)


def check_credentials(
    session: Session, username: str, password: str, client: str, policy: TokenPolicy, now: datetime
) -> int | None:
    """The user's id if the password is right, else None; 429 while the name is rate-limited.

    Only reads: the slow argon2 check must not run inside a write transaction, which on SQLite
    would hold every other writer of the centre for its whole duration.
    """
    username = username.strip().lower()
    if _recent_failures(session, username, policy, now) >= policy.max_failures:
        log.warning("login refused, too many failures: user=%s client=%s", username, client)
        raise DomainError(
            "auth.rate_limited",
            "Too many failed attempts. Try again later.",
            status_code=429,
            details={"retry_after_seconds": policy.window_minutes * 60},
            headers={"Retry-After": str(policy.window_minutes * 60)},
        )
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    ok = _verify(user.password_hash if user else _DUMMY_HASH, password)
    if user is None or not ok or not user.active:
        log.info("login failed: user=%s client=%s", username, client)
        return None
    return user.id


def complete_login(
    session: Session,
    username: str,
    user_id: int | None,
    password: str,
    client: str,
    policy: TokenPolicy,
    now: datetime,
) -> IssuedTokens | None:
    """Record a failure (user_id None) or open a session: the write half of a login."""
    username = username.strip().lower()
    if user_id is None:
        session.add(LoginAttempt(username=username, client=client[:64], at=now))
        return None
    user = session.get(User, user_id)
    if user is None or not user.active:
        return None
    session.execute(delete(LoginAttempt).where(LoginAttempt.username == username))
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    log.info("login: user=%s role=%s client=%s", username, user.role, client)
    return _issue(session, user, secrets.token_hex(16), policy, now)


def refresh(
    session: Session, token: str, policy: TokenPolicy, now: datetime
) -> IssuedTokens | None:
    """New tokens for a valid refresh token, or None when the session is over (commit anyway:
    a reused token revokes its whole family)."""
    row = session.get(RefreshToken, _token_hash(token), with_for_update=True)
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        return None
    if row.used_at is not None:
        # A rotated token came back: someone holds a copy. End the whole session.
        log.warning("refresh token reuse: user_id=%s; session revoked", row.user_id)
        _revoke_family(session, row.family, now)
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    row.used_at = now
    return _issue(session, user, row.family, policy, now)


def _revoke_family(session: Session, family: str, now: datetime) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.family == family, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def logout(session: Session, token: str, now: datetime) -> None:
    row = session.get(RefreshToken, _token_hash(token))
    if row is not None:
        _revoke_family(session, row.family, now)


def decode_access(token: str, policy: TokenPolicy, now: datetime) -> Actor:
    """The actor named by a valid access token; expiry is checked against `now`, the service's
    clock (PyJWT would check it against the wall clock, which tests and the clock ignore)."""
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            policy.secret_key,
            algorithms=[_ALGORITHM],
            options={"verify_exp": False, "verify_iat": False, "require": ["exp", "sub"]},
        )
        expires = int(claims["exp"])
        actor = Actor(
            user_id=int(claims["sub"]),
            username=str(claims["usr"]),
            role=Role(claims["role"]),
            centre_id=claims.get("centre"),
        )
    except (jwt.InvalidTokenError, KeyError, TypeError, ValueError) as exc:
        raise Unauthorized(
            "auth.invalid_token", "The access token is not valid.", headers=_BEARER
        ) from exc
    if expires <= now.timestamp():
        raise Unauthorized("auth.token_expired", "The access token has expired.", headers=_BEARER)
    return actor


def create_user(
    session: Session,
    *,
    username: str,
    full_name: str,
    password: str,
    role: Role,
    centre_id: int | None,
    now: datetime,
) -> User:
    username = username.strip().lower()
    if len(password) < 8:
        raise Invalid("user.password_too_short", "Passwords need at least 8 characters.")
    if role is not Role.ADMIN and centre_id is None:
        raise Invalid("user.centre_required", "Only administrators may have no centre.")
    if centre_id is not None and session.get(Centre, centre_id) is None:
        raise NotFound("centre.not_found", "No such centre.", details={"centre_id": centre_id})
    exists = session.execute(select(User.id).where(User.username == username)).first()
    if exists:
        raise Conflict("user.exists", "A user with this name already exists.")
    user = User(
        username=username,
        full_name=full_name,
        password_hash=hash_password(password),
        role=role,
        centre_id=centre_id,
        active=True,
        created_at=now,
    )
    session.add(user)
    session.flush()
    return user


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("user.not_found", "No such user.")
    return user


def list_users(session: Session, actor: Actor) -> list[User]:
    query = select(User).order_by(User.username)
    if actor.role is not Role.ADMIN:
        query = query.where(User.centre_id == actor.centre_id)
    return list(session.execute(query).scalars())
