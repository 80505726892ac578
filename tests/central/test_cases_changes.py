"""Changing a case: edits with If-Match (412 shows both versions), status with history,
follow-up notes, and the same rules for the ethics officer on ethics reports."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from central.cases.models import Case, CaseCitizen, CaseReadLog
from central.clock import FrozenClock
from central.context import AppContext
from central.idempotency.models import IdempotencyRecord
from tests.central.case_factories import OTHER_NIF, add_case_reference, body_for, citizen
from tests.central.factories import World
from tests.central.http import API, ApiClient, StaffSession, expect_error


@pytest.fixture(autouse=True)
def _setup(fast_passwords: None, ctx: AppContext, world: World) -> None:
    with ctx.db.writing() as session:
        add_case_reference(session)


def _file(api: ApiClient, staff: StaffSession, kind: str, **overrides: Any) -> Any:
    return staff.ok("post", f"/centres/{api.world.centre_id}/cases", body_for(kind, **overrides))


def _patch(
    staff: StaffSession, reference: str, body: Any, if_match: str | None, key: str = ""
) -> httpx.Response:
    headers = {**staff.headers, "Idempotency-Key": key or str(uuid.uuid4())}
    if if_match is not None:
        headers["If-Match"] = if_match
    return staff.client.patch(f"{API}/cases/{reference}", json=body, headers=headers)


def _status(
    staff: StaffSession, reference: str, status: str, version: int, note: str | None = None
) -> httpx.Response:
    return staff.post(
        f"/cases/{reference}/status",
        {"status": status, "public_note": note},
        headers={"If-Match": f'"{version}"'},
    )


def _case(ctx: AppContext, reference: str) -> Case:
    with ctx.db.reading() as session:
        return session.execute(select(Case).where(Case.reference == reference)).scalar_one()


def test_an_edit_with_the_current_version_applies(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    filed = _file(api, attendant, "incident")
    response = _patch(
        attendant,
        filed["reference"],
        {"address": "Rua Augusta 14, Lisboa", "latitude": 38.7101, "longitude": -9.1371},
        '"1"',
    )
    assert response.status_code == 200, response.text
    receipt = response.json()
    assert (receipt["version"], receipt["reference"]) == (2, filed["reference"])
    assert "address" not in receipt  # answers to changes hold no case content
    case = _case(ctx, filed["reference"])
    assert (case.address, case.latitude, case.version) == ("Rua Augusta 14, Lisboa", 38.7101, 2)
    assert case.description.startswith("Candeeiro")  # untouched
    # A weak ETag and a bare number are understood too.
    assert _patch(attendant, filed["reference"], {"subject": "Candeeiro"}, 'W/"2"').is_success
    assert _patch(attendant, filed["reference"], {"subject": "Poste"}, "3").is_success
    assert _case(ctx, filed["reference"]).version == 4


def test_a_stale_version_is_412_with_both_versions(
    api: ApiClient, ctx: AppContext, clock: FrozenClock
) -> None:
    attendant, supervisor = api.login("attendant"), api.login("supervisor")
    filed = _file(api, attendant, "complaint")
    ref = filed["reference"]
    assert _patch(supervisor, ref, {"subject": "Revisto pela supervisão"}, '"1"').is_success
    response = _patch(attendant, ref, {"subject": "A minha versão"}, '"1"')
    details = expect_error(response, 412, "case.version_mismatch")
    assert (details["your_version"], details["current_version"]) == (1, 2)
    current = details["current"]
    assert (current["version"], current["subject"]) == (2, "Revisto pela supervisão")
    assert current["citizen"]["name"] == "Maria da Conceição Silva"
    assert _case(ctx, ref).subject == "Revisto pela supervisão"
    # Showing the current case was a read of personal data: recorded as such.
    with ctx.db.reading() as session:
        reads = session.execute(select(CaseReadLog)).scalars().all()
    assert [(r.user_id, r.access, r.purpose) for r in reads] == [
        (api.world.users["attendant"], "conflict", "follow_up")
    ]


def test_if_match_is_required_and_must_be_a_version(api: ApiClient) -> None:
    attendant = api.login("attendant")
    ref = _file(api, attendant, "complaint")["reference"]
    expect_error(_patch(attendant, ref, {"subject": "x"}, None), 428, "case.if_match_required")
    expect_error(_patch(attendant, ref, {"subject": "x"}, '"abc"'), 422, "case.if_match_invalid")
    response = attendant.post(f"/cases/{ref}/status", {"status": "in_progress"})
    expect_error(response, 428, "case.if_match_required")


def test_an_edit_is_checked_like_a_filing(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    ref = _file(api, attendant, "complaint")["reference"]
    response = _patch(attendant, ref, {"citizen": None}, '"1"')
    details = expect_error(response, 422, "validation.failed")
    assert details["fields"] == [{"loc": ["body", "citizen"], "type": "case.citizen_required"}]
    response = _patch(attendant, ref, {"category_code": "buracos"}, '"1"')
    details = expect_error(response, 422, "validation.failed")
    assert details["fields"] == [
        {"loc": ["body", "category_code"], "type": "case.field_not_allowed"}
    ]
    response = _patch(attendant, ref, {"citizen": citizen(nif="999999991")}, '"1"')
    details = expect_error(response, 422, "validation.failed")
    assert details["fields"] == [
        {"loc": ["body", "citizen", "nif"], "type": "nif.invalid_check_digit"}
    ]
    assert _case(ctx, ref).version == 1


def test_the_citizen_block_is_replaced_as_a_whole(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    ref = _file(api, attendant, "information_request")["reference"]
    new = {"name": "João Pereira", "nif": OTHER_NIF, "contact_by": "phone", "phone": "213456789"}
    assert _patch(attendant, ref, {"citizen": new}, '"1"').is_success
    with ctx.db.reading() as session:
        row = session.execute(select(CaseCitizen)).scalar_one()
    assert (row.name, row.nif, row.email, row.phone) == (
        "João Pereira",
        OTHER_NIF,
        None,
        "213456789",
    )
    assert _patch(attendant, ref, {"citizen": None}, '"2"').is_success  # optional for this type
    with ctx.db.reading() as session:
        assert session.execute(select(CaseCitizen)).first() is None


def test_a_replayed_edit_is_answered_from_its_key(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    ref = _file(api, attendant, "complaint")["reference"]
    body = {"subject": "Outro assunto"}
    first = _patch(attendant, ref, body, '"1"', key="edit-1")
    again = _patch(attendant, ref, body, '"1"', key="edit-1")
    assert first.status_code == again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert _case(ctx, ref).version == 2
    with ctx.db.reading() as session:
        stored = session.execute(select(IdempotencyRecord.response)).scalars().all()
    assert "Maria" not in repr(stored)  # stored answers hold no personal data


def test_status_moves_along_with_its_history(
    api: ApiClient, ctx: AppContext, clock: FrozenClock
) -> None:
    attendant = api.login("attendant")
    ref = _file(api, attendant, "incident")["reference"]
    assert _status(attendant, ref, "in_progress", 1, "Encaminhado para a equipa").is_success
    clock.advance(minutes=10)
    attendant = api.login("attendant")
    response = _status(attendant, ref, "closed", 2, "Candeeiro reparado")
    assert response.status_code == 200, response.text
    assert (response.json()["status"], response.json()["version"]) == ("closed", 3)
    case = _case(ctx, ref)
    assert case.closed_at == clock.now()
    assert str(case.retain_until) == "2031-11-23"  # incidents: kept five years after closing
    history = attendant.ok("get", f"/cases/{ref}/history")
    assert [(h["status"], h["public_note"]) for h in history] == [
        ("received", None),
        ("in_progress", "Encaminhado para a equipa"),
        ("closed", "Candeeiro reparado"),
    ]
    # Closed: no edits, no second close; reopening is allowed and clears the retention date.
    expect_error(_patch(attendant, ref, {"subject": "x"}, '"3"'), 409, "case.closed")
    details = expect_error(_status(attendant, ref, "closed", 3), 409, "case.illegal_transition")
    assert details == {"reference": ref, "status": "closed", "to": "closed"}
    assert _status(attendant, ref, "in_progress", 3).is_success
    assert _case(ctx, ref).retain_until is None
    expect_error(_status(attendant, ref, "received", 4), 409, "case.illegal_transition")
    response = attendant.post(
        f"/cases/{ref}/status", {"status": "lost"}, headers={"If-Match": '"4"'}
    )
    expect_error(response, 422, "validation.failed")
    expect_error(_status(attendant, ref, "answered", 1), 412, "case.version_mismatch")


def test_notes_are_added_and_read_back(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    ref = _file(api, attendant, "complaint")["reference"]
    response = attendant.post(f"/cases/{ref}/notes", {"text": "Ligou a pedir ponto de situação."})
    assert response.status_code == 201, response.text
    note = response.json()
    assert set(note) == {"id", "case_id", "at", "user_id"}  # the text is not echoed
    case = attendant.get(f"/cases/{ref}", purpose="follow_up").json()
    assert [(n["text"], n["user_id"]) for n in case["notes"]] == [
        ("Ligou a pedir ponto de situação.", api.world.users["attendant"])
    ]
    assert case["version"] == 1  # notes do not change the case's fields
    expect_error(attendant.post(f"/cases/{ref}/notes", {"text": ""}), 422, "validation.failed")
    expect_error(
        api.login("other_attendant").post(f"/cases/{ref}/notes", {"text": "x"}),
        403,
        "auth.wrong_centre",
    )


def test_ethics_reports_are_handled_by_the_ethics_officer_only(
    api: ApiClient, ctx: AppContext
) -> None:
    attendant = api.login("attendant")
    report = _file(api, attendant, "ethics_report")
    ref, code = report["reference"], report["follow_up_code"]
    for role in ("attendant", "supervisor", "admin"):
        staff = api.login(role)
        expect_error(_status(staff, ref, "in_progress", 1), 404, "case.not_found")
        expect_error(_patch(staff, ref, {"subject": "x"}, '"1"'), 404, "case.not_found")
        expect_error(staff.post(f"/cases/{ref}/notes", {"text": "x"}), 404, "case.not_found")
    officer = api.login("ethics_officer")
    assert _status(officer, ref, "in_progress", 1, "Em análise pelo gabinete de ética").is_success
    assert officer.post(f"/cases/{ref}/notes", {"text": "Ouvir o serviço visado."}).is_success
    response = _patch(officer, ref, {"citizen": {"name": "Denunciante"}}, '"2"')
    details = expect_error(response, 422, "validation.failed")
    assert details["fields"] == [
        {"loc": ["body", "citizen"], "type": "case.personal_data_not_allowed"}
    ]
    # The reporter follows it with the code, and sees the public note, not the internal one.
    status = attendant.ok("post", "/ethics/follow-up", {"reference": ref, "code": code})
    assert status["status"] == "in_progress"
    assert [h["public_note"] for h in status["history"]] == [
        None,
        "Em análise pelo gabinete de ética",
    ]
    assert "Ouvir" not in repr(status)
    # The officer's name is not in the reporter's view of the history.
    assert all("user_id" not in h for h in status["history"])
