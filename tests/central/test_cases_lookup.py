"""Looking cases up: by reference, NIF or name, each read of personal data recorded with its
purpose; the citizen's read log; the ethics mailbox seen only by the ethics officers."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from central.cases.models import CaseReadLog
from central.clock import FrozenClock
from central.context import AppContext
from tests.central.case_factories import OTHER_NIF, VALID_NIF, add_case_reference, body_for, citizen
from tests.central.factories import World
from tests.central.http import ApiClient, StaffSession, expect_error


@pytest.fixture(autouse=True)
def _setup(fast_passwords: None, ctx: AppContext, world: World) -> None:
    with ctx.db.writing() as session:
        add_case_reference(session)


def _file(api: ApiClient, staff: StaffSession, kind: str, **overrides: Any) -> Any:
    return staff.ok("post", f"/centres/{api.world.centre_id}/cases", body_for(kind, **overrides))


def _reads(ctx: AppContext) -> list[tuple[int, int, str, str]]:
    with ctx.db.reading() as session:
        rows = session.execute(select(CaseReadLog).order_by(CaseReadLog.id)).scalars().all()
    return [(r.case_id, r.user_id, r.purpose, r.access) for r in rows]


def _read(staff: StaffSession, reference: str, purpose: str) -> Any:
    response = staff.get(f"/cases/{reference}", purpose=purpose)
    assert response.status_code == 200, response.text
    return response.json()


def _search(staff: StaffSession, **criteria: Any) -> Any:
    return staff.ok("post", "/cases/search", {"purpose": "citizen_request", **criteria})


def test_reading_a_case_records_who_when_and_why(
    api: ApiClient, ctx: AppContext, clock: FrozenClock
) -> None:
    attendant = api.login("attendant")
    filed = _file(api, attendant, "complaint", subject="Atendimento demorado")
    assert _reads(ctx) == []  # filing is not a read
    clock.advance(minutes=5)
    attendant = api.login("attendant")
    response = attendant.get(f"/cases/{filed['reference']}", purpose="follow_up")
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Cache-Control"] == "no-store"
    case = response.json()
    assert case["citizen"]["nif"] == VALID_NIF
    assert case["citizen"]["name"] == "Maria da Conceição Silva"
    assert (case["type_code"], case["subject"], case["status"]) == (
        "complaint",
        "Atendimento demorado",
        "received",
    )
    assert case["concerned_service"] == "Estacionamento e dísticos de residente"
    assert (case["legal_basis"], case["retention_class"], case["retain_until"]) == (
        "public_task",
        "reclamacoes-5a",
        None,
    )
    user = api.world.users["attendant"]
    assert _reads(ctx) == [(filed["id"], user, "follow_up", "case")]
    with ctx.db.reading() as session:
        at = session.execute(select(CaseReadLog.at)).scalar_one()
    assert at == clock.now()


def test_a_read_needs_a_known_purpose(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    filed = _file(api, attendant, "complaint")
    for params in ({}, {"purpose": "curiosity"}):
        response = attendant.get(f"/cases/{filed['reference']}", **params)
        expect_error(response, 422, "validation.failed")
    assert _reads(ctx) == []
    expect_error(
        attendant.get("/cases/TST-2026-999999", purpose="follow_up"), 404, "case.not_found"
    )


def test_search_by_reference_nif_or_name_records_every_hit(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    maria = _file(api, attendant, "complaint", provisional_reference="P-1-1")
    other = _file(api, attendant, "complaint", citizen=citizen(name="João Pereira", nif=OTHER_NIF))
    _file(api, attendant, "suggestion")  # no citizen
    supervisor = api.login("supervisor")
    by_nif = _search(supervisor, nif=VALID_NIF)
    assert [(c["reference"], c["citizen_name"]) for c in by_nif] == [
        (maria["reference"], "Maria da Conceição Silva")
    ]
    by_name = _search(supervisor, name="conceicao SILVA")  # no accents, any case
    assert [c["reference"] for c in by_name] == [maria["reference"]]
    assert [c["reference"] for c in _search(supervisor, name="joão")] == [other["reference"]]
    assert [c["reference"] for c in _search(supervisor, reference="P-1-1")] == [maria["reference"]]
    assert [c["id"] for c in _search(supervisor, reference=other["reference"])] == [other["id"]]
    assert _search(supervisor, name="100%_") == []
    me = api.world.users["supervisor"]
    assert _reads(ctx) == [
        (maria["id"], me, "citizen_request", "search"),
        (maria["id"], me, "citizen_request", "search"),
        (other["id"], me, "citizen_request", "search"),
        (maria["id"], me, "citizen_request", "search"),
        (other["id"], me, "citizen_request", "search"),
    ]
    # Searches carry no free text: the description stays in the (recorded) case read.
    assert "description" not in by_nif[0]


def test_search_needs_exactly_one_valid_criterion(api: ApiClient) -> None:
    attendant = api.login("attendant")
    for body in ({}, {"nif": VALID_NIF, "name": "Maria"}):
        response = attendant.post("/cases/search", {"purpose": "citizen_request", **body})
        details = expect_error(response, 422, "validation.failed")
        assert [f["type"] for f in details["fields"]] == ["case.search_needs_one_criterion"]
    response = attendant.post("/cases/search", {"purpose": "follow_up", "nif": "123456780"})
    details = expect_error(response, 422, "validation.failed")
    assert details["fields"] == [{"loc": ["body", "nif"], "type": "nif.invalid_check_digit"}]
    assert "123456780" not in response.text


def test_search_stays_within_the_users_centre(api: ApiClient) -> None:
    _file(api, api.login("attendant"), "complaint")
    assert _search(api.login("other_attendant"), nif=VALID_NIF) == []
    assert len(_search(api.login("admin"), nif=VALID_NIF)) == 1


def test_a_citizens_read_log_lists_every_read_of_their_cases(
    api: ApiClient, ctx: AppContext, clock: FrozenClock
) -> None:
    attendant = api.login("attendant")
    first = _file(api, attendant, "complaint")
    second = _file(api, attendant, "information_request")
    stranger = _file(api, attendant, "complaint", citizen=citizen(nif=OTHER_NIF))
    _read(attendant, first["reference"], "follow_up")
    clock.advance(minutes=1)
    attendant = api.login("attendant")
    _read(attendant, stranger["reference"], "follow_up")
    _search(attendant, nif=VALID_NIF)
    supervisor = api.login("supervisor")
    query = {"nif": VALID_NIF, "purpose": "data_subject_request"}
    log = supervisor.ok("post", "/citizens/case-reads", query)
    assert [(e["reference"], e["username"], e["purpose"], e["access"]) for e in log] == [
        (first["reference"], "attendant", "follow_up", "case"),
        (second["reference"], "attendant", "citizen_request", "search"),
        (first["reference"], "attendant", "citizen_request", "search"),
    ]
    assert log[0]["full_name"] == "Attendant"
    # Looking at the log is itself a recorded consultation of the citizen's cases.
    again = supervisor.ok("post", "/citizens/case-reads", query)
    assert [(e["username"], e["access"]) for e in again[3:]] == [
        ("supervisor", "read_log"),
        ("supervisor", "read_log"),
    ]
    # An attendant may not review who read what.
    expect_error(attendant.post("/citizens/case-reads", query), 403, "auth.forbidden")


def test_the_case_list_holds_no_personal_data(api: ApiClient) -> None:
    attendant = api.login("attendant")
    _file(api, attendant, "complaint")
    _file(api, attendant, "incident")
    _file(api, attendant, "ethics_report")
    listed = attendant.ok("get", f"/centres/{api.world.centre_id}/cases")
    assert [c["type_code"] for c in listed] == ["incident", "complaint"]  # newest first
    assert "citizen_name" not in listed[0]
    assert "description" not in listed[0]
    only = attendant.get(f"/centres/{api.world.centre_id}/cases", type_code="complaint")
    assert [c["type_code"] for c in only.json()] == ["complaint"]
    expect_error(
        api.login("other_attendant").get(f"/centres/{api.world.centre_id}/cases"),
        403,
        "auth.wrong_centre",
    )


def test_status_history_is_readable_without_a_purpose(api: ApiClient) -> None:
    attendant = api.login("attendant")
    filed = _file(api, attendant, "incident")
    history = attendant.ok("get", f"/cases/{filed['reference']}/history")
    assert [(h["status"], h["user_id"]) for h in history] == [
        ("received", api.world.users["attendant"])
    ]


# --- the ethics mailbox -----------------------------------------------------------------------


def test_only_ethics_officers_see_ethics_reports(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    report = _file(api, attendant, "ethics_report", subject="Pagamentos indevidos")
    complaint = _file(api, attendant, "complaint")
    ref = report["reference"]
    for role in ("attendant", "reception", "supervisor", "admin", "other_ethics_officer"):
        staff = api.login(role)
        response = staff.get(f"/cases/{ref}", purpose="follow_up")
        assert expect_error(response, 404, "case.not_found") == {"reference": ref}, role
        expect_error(staff.get(f"/cases/{ref}/history"), 404, "case.not_found")
        if role != "other_ethics_officer":
            assert _search(staff, reference=ref) == [], role
    officer = api.login("ethics_officer")
    case = _read(officer, ref, "ethics_investigation")
    assert (case["kind"], case["subject"], case["citizen"]) == (
        "ethics_report",
        "Pagamentos indevidos",
        None,
    )
    assert (case["ticket_id"], case["attendant_id"], case["counter_id"]) == (None, None, None)
    assert "follow_up_code" not in case
    assert "follow_up_hash" not in case
    assert [c["reference"] for c in _search(officer, reference=ref)] == [ref]
    listed = officer.ok("get", f"/centres/{api.world.centre_id}/cases")
    assert [c["reference"] for c in listed] == [ref]
    # ... and nothing else: the ethics officer has no business with citizens' cases.
    response = officer.get(f"/cases/{complaint['reference']}", purpose="follow_up")
    expect_error(response, 404, "case.not_found")
    assert _search(officer, nif=VALID_NIF) == []
    officer_id = api.world.users["ethics_officer"]
    assert _reads(ctx) == [
        (report["id"], officer_id, "ethics_investigation", "case"),
        (report["id"], officer_id, "citizen_request", "search"),
    ]


def test_a_case_of_another_centre_is_refused_like_any_resource(api: ApiClient) -> None:
    filed = _file(api, api.login("attendant"), "complaint")
    response = api.login("other_attendant").get(f"/cases/{filed['reference']}", purpose="follow_up")
    expect_error(response, 403, "auth.wrong_centre")


def test_the_follow_up_code_shows_the_status_and_nothing_else(api: ApiClient) -> None:
    attendant = api.login("attendant")
    report = _file(api, attendant, "ethics_report")
    ref, code = report["reference"], report["follow_up_code"]
    # At the counter, on the reporter's behalf; typed in lower case without hyphens.
    answer = attendant.ok(
        "post", "/ethics/follow-up", {"reference": ref, "code": code.replace("-", "").lower()}
    )
    assert set(answer) == {"reference", "status", "received_at", "updated_at", "history"}
    assert (answer["reference"], answer["status"]) == (ref, "received")
    assert answer["history"] == [
        {"status": "received", "at": answer["received_at"], "public_note": None}
    ]
    wrong = "0000-0000-0000-0000" if code != "0000-0000-0000-0000" else "1111-1111-1111-1111"
    for body in ({"reference": ref, "code": wrong}, {"reference": "TST-2026-999999", "code": code}):
        response = attendant.post("/ethics/follow-up", body)
        assert expect_error(response, 404, "case.follow_up_not_found") == {}
    # A non-ethics case has no code to match.
    complaint = _file(api, attendant, "complaint")
    response = attendant.post(
        "/ethics/follow-up", {"reference": complaint["reference"], "code": code}
    )
    expect_error(response, 404, "case.follow_up_not_found")
