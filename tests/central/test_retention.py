"""Retention by type: cases past `retain_until` lose their personal data, once, in batches;
housekeeping prunes stored answers, failed logins and refresh tokens past their use; the CLI
runs both; incident cases take a `media_url`."""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from central.auth.models import LoginAttempt, RefreshToken
from central.cases import retention
from central.cases.models import (
    Case,
    CaseAttachment,
    CaseAttachmentContent,
    CaseCitizen,
    CaseNote,
    CaseReadLog,
)
from central.cli import main
from central.clock import FrozenClock
from central.context import AppContext
from central.housekeeping import IDEMPOTENCY_MAX_AGE, LOGIN_ATTEMPT_MAX_AGE
from central.housekeeping import run as housekeeping_run
from central.idempotency.models import IdempotencyRecord
from tests.central.case_factories import add_case_reference, body_for
from tests.central.conftest import T0
from tests.central.factories import World
from tests.central.http import API, ApiClient, StaffSession, expect_error

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def _setup(fast_passwords: None, ctx: AppContext, world: World) -> None:
    with ctx.db.writing() as session:
        add_case_reference(session)


def _file(api: ApiClient, staff: StaffSession, kind: str, **overrides: Any) -> Any:
    return staff.ok("post", f"/centres/{api.world.centre_id}/cases", body_for(kind, **overrides))


def _attach(staff: StaffSession, filed: Any) -> None:
    headers = {
        **staff.headers,
        "Idempotency-Key": str(uuid.uuid4()),
        "Content-Type": "application/pdf",
        "X-Content-SHA256": hashlib.sha256(PDF).hexdigest(),
        "X-Filename": "cc_maria_silva.pdf",
    }
    if filed.get("follow_up_code"):
        headers["X-Follow-Up-Code"] = filed["follow_up_code"]
    response = staff.client.post(
        f"{API}/cases/{filed['reference']}/attachments", content=PDF, headers=headers
    )
    assert response.status_code == 201, response.text


def _read(staff: StaffSession, reference: str, purpose: str = "follow_up") -> Any:
    response = staff.get(f"/cases/{reference}", purpose=purpose)
    assert response.status_code == 200, response.text
    return response.json()


def _close(staff: StaffSession, reference: str, version: int) -> Any:
    response = staff.post(
        f"/cases/{reference}/status", {"status": "closed"}, headers={"If-Match": f'"{version}"'}
    )
    assert response.status_code == 200, response.text
    return response.json()


def _count(ctx: AppContext, model: Any, *where: Any) -> int:
    with ctx.db.reading() as session:
        query = select(func.count()).select_from(model).where(*where)
        return int(session.execute(query).scalar_one())


def _case(ctx: AppContext, reference: str) -> Case:
    with ctx.db.reading() as session:
        return session.execute(select(Case).where(Case.reference == reference)).scalar_one()


def test_cases_past_their_retention_lose_their_personal_data_once(
    api: ApiClient, ctx: AppContext, clock: FrozenClock
) -> None:
    attendant, officer = api.login("attendant"), api.login("ethics_officer")
    # Information requests are kept 2 years after closing, ethics reports 5 (migration 0005).
    request = _file(api, attendant, "information_request", subject="Biblioteca")
    attendant.ok("post", f"/cases/{request['reference']}/notes", {"text": "Ligou a Maria"})
    _attach(attendant, request)
    _read(attendant, request["reference"])
    closed = _close(attendant, request["reference"], request["version"])
    report = _file(api, attendant, "ethics_report")
    _attach(attendant, report)
    _close(officer, report["reference"], report["version"])
    still_open = _file(api, attendant, "complaint")
    reads_before = _count(ctx, CaseReadLog)
    assert _case(ctx, request["reference"]).retain_until == (T0 + timedelta(days=731)).date()

    # On its retain-until day the data is still kept; the dry run counts and changes nothing.
    clock.set(T0 + timedelta(days=731))
    assert retention.run(ctx.db, clock.now()).cases == 0
    clock.advance(days=1)
    dry = retention.run(ctx.db, clock.now(), dry_run=True)
    assert (dry.cases, dry.citizens, dry.attachments, dry.notes) == (1, 1, 1, 1)
    assert _case(ctx, request["reference"]).erased_at is None

    done = retention.run(ctx.db, clock.now(), batch=1)
    assert (done.cases, done.citizens, done.attachments, done.notes) == (1, 1, 1, 1)
    case = _case(ctx, request["reference"])
    assert case.erased_at == clock.now()
    assert (case.description, case.subject) == (retention.ERASED, retention.ERASED)
    assert case.version == closed["version"] + 1
    assert _count(ctx, CaseCitizen, CaseCitizen.case_id == case.id) == 0
    assert _count(ctx, CaseAttachment, CaseAttachment.case_id == case.id) == 0
    assert _count(ctx, CaseAttachmentContent) == 1  # the ethics report's file, not yet due
    with ctx.db.reading() as session:
        notes = session.execute(select(CaseNote.text).where(CaseNote.case_id == case.id)).all()
    assert [n.text for n in notes] == [retention.ERASED]
    assert _count(ctx, CaseReadLog) == reads_before  # the read log is kept
    assert _count(ctx, CaseCitizen) == 1  # the open complaint's citizen is untouched
    assert _case(ctx, still_open["reference"]).erased_at is None

    # A second run finds nothing; the erased case reads without personal data and is frozen.
    assert retention.run(ctx.db, clock.now()).cases == 0
    attendant = api.login("attendant")  # the tokens of two years ago have expired
    detail = _read(attendant, request["reference"])
    assert detail["citizen"] is None
    assert detail["attachments"] == []
    assert detail["description"] == retention.ERASED
    assert detail["erased_at"] is not None
    history = attendant.ok("get", f"/cases/{request['reference']}/history")
    assert history[-1]["public_note"] == retention.ERASED_NOTE
    reopen = attendant.post(
        f"/cases/{request['reference']}/status",
        {"status": "in_progress"},
        headers={"If-Match": f'"{detail["version"]}"'},
    )
    expect_error(reopen, 409, "case.erased")
    note = attendant.post(f"/cases/{request['reference']}/notes", {"text": "x"})
    expect_error(note, 409, "case.erased")

    # The ethics report follows its own retention class: five years.
    clock.set(T0 + timedelta(days=5 * 365 + 3))
    later = retention.run(ctx.db, clock.now())
    assert (later.cases, later.citizens, later.attachments) == (1, 0, 1)
    assert _count(ctx, CaseAttachmentContent) == 0
    officer = api.login("ethics_officer")
    erased = _read(officer, report["reference"], "ethics_investigation")
    assert erased["description"] == retention.ERASED


def test_batches_commit_separately(api: ApiClient, ctx: AppContext, clock: FrozenClock) -> None:
    attendant = api.login("attendant")
    for _ in range(3):
        filed = _file(api, attendant, "information_request")
        _close(attendant, filed["reference"], filed["version"])
    clock.set(T0 + timedelta(days=800))
    done = retention.run(ctx.db, clock.now(), batch=2)
    assert (done.cases, done.batches) == (3, 2)
    assert _count(ctx, Case, Case.erased_at.is_(None)) == 0


def test_housekeeping_prunes_what_outlived_its_use(
    ctx: AppContext, world: World, clock: FrozenClock
) -> None:
    user = world.users["attendant"]
    now = clock.now()
    old = now - IDEMPOTENCY_MAX_AGE - timedelta(minutes=1)
    with ctx.db.writing() as session:
        for key, at in (("old-1", old), ("old-2", old), ("recent", now - timedelta(days=1))):
            session.add(
                IdempotencyRecord(
                    user_id=user, key=key, request_hash="0" * 64, status_code=200,
                    response={}, created_at=at,
                )
            )  # fmt: skip
        for at in (now - LOGIN_ATTEMPT_MAX_AGE - timedelta(hours=1), now - timedelta(hours=1)):
            session.add(LoginAttempt(username="attendant", client="127.0.0.1", at=at))
        for name, expires in (
            ("gone", now - timedelta(days=8)),
            ("fresh", now - timedelta(days=1)),
        ):
            session.add(
                RefreshToken(token_hash=name * 8, family=name, user_id=user, expires_at=expires)
            )
    dry = housekeeping_run(ctx.db, now, dry_run=True)
    assert dry.deleted == {"idempotency_records": 2, "login_attempts": 1, "refresh_tokens": 1}
    assert _count(ctx, IdempotencyRecord) == 3
    done = housekeeping_run(ctx.db, now, batch=1)
    assert done.deleted == dry.deleted
    with ctx.db.reading() as session:
        assert session.execute(select(IdempotencyRecord.key)).scalars().all() == ["recent"]
        assert session.execute(select(RefreshToken.family)).scalars().all() == ["fresh"]
    assert _count(ctx, LoginAttempt) == 1
    again = housekeeping_run(ctx.db, now)
    assert set(again.deleted.values()) == {0}


def test_the_cli_runs_both_jobs(ctx: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    url = ctx.settings.database_url
    assert main(["--database-url", url, "retention", "--dry-run"]) == 0
    assert "retention: would erase 0 case(s)" in capsys.readouterr().out
    assert main(["--database-url", url, "retention", "--batch", "10"]) == 0
    assert "retention: erased 0 case(s)" in capsys.readouterr().out
    assert main(["--database-url", url, "housekeeping"]) == 0
    assert "housekeeping: deleted 0 from idempotency_records" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--database-url", url, "retention", "--batch", "0"])


def test_an_incident_takes_a_media_url(api: ApiClient) -> None:
    attendant = api.login("attendant")
    photo = "https://fotos.example.pt/candeeiro.jpg"
    filed = _file(api, attendant, "incident", media_url=photo)
    assert _read(attendant, filed["reference"])["media_url"] == photo
    centre = f"/centres/{api.world.centre_id}/cases"
    for bad, code in (
        ("ftp://fotos.example.pt/a.jpg", "case.media_url_invalid"),
        ("https://", "case.media_url_invalid"),
        ("https://example.pt/" + "a" * 500, "too_long"),
    ):
        details = expect_error(
            attendant.post(centre, body_for("incident", media_url=bad)), 422, "validation.failed"
        )
        assert [f["type"] for f in details["fields"]] == [code], bad
    other_kind = attendant.post(centre, body_for("complaint", media_url=photo))
    details = expect_error(other_kind, 422, "validation.failed")
    assert [f["type"] for f in details["fields"]] == ["case.field_not_allowed"]
