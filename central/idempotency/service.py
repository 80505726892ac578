"""Store and replay command answers by (user, Idempotency-Key)."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from central.errors import Invalid
from central.idempotency.models import IdempotencyRecord


def fingerprint(path: str, body: Any) -> str:
    canonical = json.dumps({"path": path, "body": body}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def find(session: Session, user_id: int, key: str, request_hash: str) -> IdempotencyRecord | None:
    """The stored answer for this key, or None; the same key with another request is an error."""
    record = session.get(IdempotencyRecord, (user_id, key))
    if record is not None and record.request_hash != request_hash:
        raise Invalid(
            "idempotency.key_reused",
            "This Idempotency-Key was already used for a different request.",
        )
    return record


# Free text typed at the counter may name the citizen: a stored answer (kept for replays) does
# not need it, so it is left out and a replay answers without it. The follow-up code of an
# ethics report is a secret shown once: it is never stored in clear, so never replayed either.
PRIVATE_FIELDS = frozenset({"notes", "follow_up_code"})


def _without_private(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_private(v) for k, v in value.items() if k not in PRIVATE_FIELDS}
    if isinstance(value, list):
        return [_without_private(v) for v in value]
    return value


def remember(
    session: Session,
    user_id: int,
    key: str,
    request_hash: str,
    status_code: int,
    response: dict[str, Any],
    now: datetime,
) -> None:
    session.add(
        IdempotencyRecord(
            user_id=user_id,
            key=key,
            request_hash=request_hash,
            status_code=status_code,
            response=_without_private(response),
            created_at=now,
        )
    )
