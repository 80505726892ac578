"""Filing cases from the desktop's outbox: every type with its own fields, citizen data checked
with the shared rules, final references, idempotent replays, the ethics mailbox's anonymity."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from sqlalchemy import select, text

from central.cases.models import Case, CaseCitizen, CaseStatusChange
from central.clock import FrozenClock
from central.context import AppContext
from central.events.models import Event
from central.idempotency.models import IdempotencyRecord
from tests.central.case_factories import VALID_NIF, add_case_reference, body_for, citizen
from tests.central.factories import World
from tests.central.http import ApiClient, StaffSession, expect_error

KINDS = (
    "information_request",
    "complaint",
    "suggestion",
    "incident",
    "question_to_official",
    "ethics_report",
)
CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$")


@pytest.fixture(autouse=True)
def _setup(fast_passwords: None, ctx: AppContext, world: World) -> None:
    with ctx.db.writing() as session:
        add_case_reference(session)


def _path(api: ApiClient) -> str:
    return f"/centres/{api.world.centre_id}/cases"


def _file(api: ApiClient, staff: StaffSession, body: dict[str, Any], **kw: Any) -> Any:
    response = staff.post(_path(api), body, **kw)
    assert response.status_code == 201, response.text
    return response.json()


def _fields(response: Any) -> list[tuple[tuple[str, ...], str]]:
    details = expect_error(response, 422, "validation.failed")
    return [(tuple(f["loc"]), f["type"]) for f in details["fields"]]


def _cases(ctx: AppContext) -> list[Case]:
    with ctx.db.reading() as session:
        return list(session.execute(select(Case).order_by(Case.id)).scalars())


def test_reference_data_comes_from_central(api: ApiClient) -> None:
    data = api.login("attendant").ok("get", "/case-reference")
    assert [t["code"] for t in data["case_types"]] == list(KINDS)
    ethics = data["case_types"][-1]
    assert (ethics["citizen_policy"], ethics["retention_years"]) == ("forbidden", 5)
    assert {t["legal_basis"] for t in data["case_types"][:-1]} == {"public_task"}
    codes = [c["code"] for c in data["incident_categories"]]
    assert codes == ["iluminacao", "buracos", "lixo", "graffiti"]  # not the retired one
    assert data["incident_categories"][2]["attributes"][0]["code"] == "tipo"
    assert [a["code"] for a in data["addressees"]] == ["presidente", "vereador_mobilidade"]
    # The ethics officer reads it too (the desktop caches it for every role).
    assert api.login("ethics_officer").ok("get", "/case-reference") == data


def test_every_type_is_filed_with_its_final_reference(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    receipts = [
        _file(api, attendant, body_for(kind, provisional_reference=f"P-1-{n}"))
        for n, kind in enumerate(KINDS, start=1)
    ]
    assert [r["reference"] for r in receipts] == [f"TST-2026-{n:06d}" for n in range(1, 7)]
    assert [r["provisional_reference"] for r in receipts] == [f"P-1-{n}" for n in range(1, 7)]
    assert [r["kind"] for r in receipts] == list(KINDS)
    assert {r["status"] for r in receipts} == {"received"}
    assert {r["version"] for r in receipts} == {1}
    assert [r["follow_up_code"] is None for r in receipts] == [True] * 5 + [False]
    assert CODE.match(receipts[-1]["follow_up_code"])
    # The receipt carries no personal data and no free text.
    for receipt in receipts:
        assert set(receipt) == {
            "id", "reference", "provisional_reference", "centre_id", "type_code", "kind",
            "status", "received_at", "updated_at", "version", "follow_up_code",
        }  # fmt: skip
    stored = _cases(ctx)
    assert [(c.legal_basis, c.retention_class) for c in stored][:2] == [
        ("public_task", "atendimento-2a"),
        ("public_task", "reclamacoes-5a"),
    ]
    assert stored[-1].legal_basis == "legal_obligation"
    with ctx.db.reading() as session:
        history = session.execute(select(CaseStatusChange.status)).scalars().all()
    assert history == ["received"] * 6


def test_the_visit_is_linked(api: ApiClient, ctx: AppContext) -> None:
    ticket = api.issue(api.login("reception"))
    attendant = api.login("attendant")
    body = body_for(
        "incident",
        ticket_id=ticket["id"],
        service_id=api.world.services["A"],
        counter_id=api.world.counters[1],
        entered_at="2026-11-23T09:55:00+00:00",
    )
    receipt = _file(api, attendant, body)
    case = _cases(ctx)[0]
    assert (case.ticket_id, case.service_id, case.counter_id, case.attendant_id) == (
        ticket["id"],
        api.world.services["A"],
        api.world.counters[1],
        api.world.users["attendant"],
    )
    assert case.entered_at is not None
    assert case.entered_at.isoformat() == "2026-11-23T09:55:00+00:00"
    assert receipt["received_at"].startswith("2026-11-23T10:00:00")


def test_a_visit_of_another_centre_is_refused(api: ApiClient) -> None:
    attendant = api.login("attendant")
    response = attendant.post(
        _path(api), body_for("incident", service_id=api.world.other_service_id)
    )
    assert expect_error(response, 404, "service.not_found") == {
        "service_id": api.world.other_service_id
    }
    response = attendant.post(_path(api), body_for("incident", ticket_id=999_999))
    expect_error(response, 404, "ticket.not_found")


def test_cases_are_filed_only_for_ones_own_centre(api: ApiClient) -> None:
    stranger = api.login("other_attendant")
    expect_error(stranger.post(_path(api), body_for("incident")), 403, "auth.wrong_centre")


MISSING: list[tuple[str, dict[str, Any], tuple[str, ...], str]] = [
    ("incident", {"category_code": None}, ("body", "category_code"), "case.field_required"),
    ("incident", {"address": "  "}, ("body", "address"), "case.field_required"),
    ("incident", {"longitude": None}, ("body", "longitude"), "case.coordinates_incomplete"),
    ("incident", {"category_code": "nope"}, ("body", "category_code"), "case.unknown_category"),
    ("incident", {"category_code": "retired"}, ("body", "category_code"), "case.unknown_category"),
    ("incident", {"category_code": "lixo"}, ("body", "attributes", "tipo"),
     "case.attribute_required"),
    ("incident", {"category_code": "lixo", "attributes": {"tipo": "carros"}},
     ("body", "attributes", "tipo"), "case.attribute_invalid"),
    ("incident", {"attributes": {"cor": "azul"}}, ("body", "attributes", "cor"),
     "case.unknown_attribute"),
    ("complaint", {"citizen": None}, ("body", "citizen"), "case.citizen_required"),
    ("complaint", {"citizen": citizen(contact_by="none")}, ("body", "citizen", "contact_by"),
     "case.contact_required"),
    ("complaint", {"citizen": citizen(name=None)}, ("body", "citizen", "name"),
     "case.field_required"),
    ("complaint", {"concerned_service": None}, ("body", "concerned_service"),
     "case.field_required"),
    ("suggestion", {"suggestion_scope": None}, ("body", "suggestion_scope"),
     "case.field_required"),
    ("suggestion", {"category_code": "buracos"}, ("body", "category_code"),
     "case.field_not_allowed"),
    ("question_to_official", {"addressee_code": None}, ("body", "addressee_code"),
     "case.field_required"),
    ("question_to_official", {"answer_may_be_public": None}, ("body", "answer_may_be_public"),
     "case.field_required"),
    ("question_to_official", {"addressee_code": "rei"}, ("body", "addressee_code"),
     "case.unknown_addressee"),
    ("information_request", {"citizen": citizen(email=None)}, ("body", "citizen", "email"),
     "case.field_required"),
    ("information_request", {"citizen": citizen(contact_by="post")},
     ("body", "citizen", "postal_address"), "case.field_required"),
    ("information_request", {"address": "Rua X"}, ("body", "address"), "case.field_not_allowed"),
    ("information_request", {"follow_up_code": "ABCD-EFGH-JKMN-PQRS"},
     ("body", "follow_up_code"), "case.field_not_allowed"),
    ("information_request", {"type_code": "parking_fine"}, ("body", "type_code"),
     "case.unknown_type"),
    ("information_request", {"description": ""}, ("body", "description"), "string_too_short"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "change", "loc", "code"), MISSING)
def test_each_type_needs_its_own_fields(
    api: ApiClient,
    ctx: AppContext,
    kind: str,
    change: dict[str, Any],
    loc: tuple[str, ...],
    code: str,
) -> None:
    response = api.login("attendant").post(_path(api), body_for(kind, **change))
    assert (loc, code) in _fields(response)
    assert _cases(ctx) == []


def test_a_good_answer_to_the_category_questions_is_kept(api: ApiClient, ctx: AppContext) -> None:
    body = body_for("incident", category_code="lixo", attributes={"tipo": "monos", "volume": "2"})
    _file(api, api.login("attendant"), body)
    assert _cases(ctx)[0].attributes == {"tipo": "monos", "volume": "2"}


def test_a_citizen_is_optional_where_the_type_allows(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    _file(api, attendant, body_for("information_request", citizen=None))
    _file(api, attendant, body_for("incident", citizen={"name": "Rui", "contact_by": "none"}))
    with ctx.db.reading() as session:
        rows = session.execute(select(CaseCitizen)).scalars().all()
    assert [(r.name, r.nif, r.contact_by) for r in rows] == [("Rui", None, "none")]


BAD_CITIZEN = [
    ("nif", "123456780", "nif.invalid_check_digit"),
    ("nif", "12345678", "nif.wrong_length"),
    ("nif", "12345678X", "nif.not_digits"),
    ("nif", "023456789", "nif.invalid_prefix"),
    ("email", "maria.silva@", "email.invalid"),
    ("phone", "91234", "phone.wrong_length"),
    ("phone", "951234567", "phone.invalid_prefix"),
    ("postal_code", "1050099", "postal_code.invalid_format"),
    ("language", "portuguese", "string_pattern_mismatch"),
    ("contact_by", "pigeon", "enum"),
]


@pytest.mark.parametrize(("field", "value", "code"), BAD_CITIZEN)
def test_citizen_fields_are_refused_with_a_code_per_field_never_echoed(
    api: ApiClient, field: str, value: str, code: str
) -> None:
    body = body_for("complaint", citizen=citizen(**{field: value}))
    response = api.login("attendant").post(_path(api), body)
    assert _fields(response) == [(("body", "citizen", field), code)]
    assert value not in response.text


def test_citizen_values_are_normalized(api: ApiClient, ctx: AppContext) -> None:
    person = citizen(nif="123 456 789", email=" Maria.Silva@Example.PT ", phone="+351 912 345 678")
    _file(api, api.login("attendant"), body_for("complaint", citizen=person))
    with ctx.db.reading() as session:
        row = session.execute(select(CaseCitizen)).scalar_one()
    assert (row.nif, row.email, row.phone) == (
        VALID_NIF,
        "maria.silva@example.pt",
        "+351912345678",
    )
    assert row.name_key == "maria da conceicao silva"


# --- idempotency and references ---------------------------------------------------------------


def test_the_same_outbox_row_twice_files_one_case(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    body = body_for("complaint", provisional_reference="P-3-17")
    first = attendant.post(_path(api), body, key="outbox-41")
    again = attendant.post(_path(api), body, key="outbox-41")
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    # Stored answers never hold a follow-up code, so the key is left out of every replay.
    assert again.json() == {k: v for k, v in first.json().items() if k != "follow_up_code"}
    assert [c.reference for c in _cases(ctx)] == ["TST-2026-000001"]
    # A different body under the same outbox id is a bug on the desktop: refused.
    changed = attendant.post(_path(api), {**body, "description": "Outra coisa"}, key="outbox-41")
    expect_error(changed, 422, "idempotency.key_reused")


def test_the_same_provisional_reference_from_another_user_points_at_the_case(
    api: ApiClient, ctx: AppContext
) -> None:
    body = body_for("incident", provisional_reference="P-2-5")
    first = _file(api, api.login("attendant"), body, key="row-5")
    response = api.login("supervisor").post(_path(api), body, key="row-5")
    assert expect_error(response, 409, "case.provisional_reference_taken") == {
        "provisional_reference": "P-2-5",
        "reference": first["reference"],
    }
    assert len(_cases(ctx)) == 1


def test_numbers_have_no_gaps_and_restart_each_year(
    api: ApiClient, ctx: AppContext, clock: FrozenClock
) -> None:
    attendant = api.login("attendant")
    assert _file(api, attendant, body_for("suggestion"))["reference"] == "TST-2026-000001"
    refused = attendant.post(_path(api), body_for("suggestion", suggestion_scope=None))
    assert refused.status_code == 422
    assert _file(api, attendant, body_for("suggestion"))["reference"] == "TST-2026-000002"
    # New Year's Eve, 23:30 in Lisbon (UTC+0 in winter) is still 2026; midnight is 2027.
    clock.set(clock.now().replace(month=12, day=31, hour=23, minute=30))
    attendant = api.login("attendant")
    assert _file(api, attendant, body_for("suggestion"))["reference"] == "TST-2026-000003"
    clock.advance(minutes=31)
    attendant = api.login("attendant")
    assert _file(api, attendant, body_for("suggestion"))["reference"] == "TST-2027-000001"


def test_events_announce_cases_without_their_content(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    _file(api, attendant, body_for("complaint"))
    _file(api, attendant, body_for("ethics_report"))
    with ctx.db.reading() as session:
        events = session.execute(select(Event).where(Event.kind.like("case.%"))).scalars().all()
    assert [e.kind for e in events] == ["case.received"]  # nothing for the ethics report
    payload = json.dumps(events[0].payload)
    assert events[0].payload["case"]["reference"] == "TST-2026-000001"
    for private in ("Maria", VALID_NIF, "Esperou"):
        assert private not in payload


# --- the ethics mailbox -----------------------------------------------------------------------


def test_an_ethics_report_refuses_any_personal_data(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    response = attendant.post(_path(api), body_for("ethics_report", citizen={"name": "Ana"}))
    assert _fields(response) == [(("body", "citizen"), "case.personal_data_not_allowed")]
    response = attendant.post(_path(api), body_for("ethics_report", citizen={}))
    assert _fields(response) == [(("body", "citizen"), "case.personal_data_not_allowed")]
    for stray in ({"nif": VALID_NIF}, {"name": "Ana"}, {"email": "a@b.pt"}):
        response = attendant.post(_path(api), body_for("ethics_report", **stray))
        [(loc, code)] = _fields(response)
        assert (loc[-1], code) == (next(iter(stray)), "extra_forbidden")
    assert _cases(ctx) == []


def test_an_ethics_report_keeps_no_link_to_the_reporter(api: ApiClient, ctx: AppContext) -> None:
    ticket = api.issue(api.login("reception"))
    attendant = api.login("attendant")
    body = body_for(
        "ethics_report",
        ticket_id=ticket["id"],
        counter_id=api.world.counters[1],
        service_id=api.world.services["A"],
        entered_at="2026-11-23T09:58:00+00:00",
    )
    receipt = _file(api, attendant, body, key="ethics-1")
    code = receipt["follow_up_code"]
    case = _cases(ctx)[0]
    assert (case.ticket_id, case.counter_id, case.service_id, case.attendant_id) == (
        None,
        None,
        None,
        None,
    )
    assert case.entered_at is None
    assert case.follow_up_hash is not None
    assert code not in case.follow_up_hash
    assert code.replace("-", "") not in case.follow_up_hash
    with ctx.db.reading() as session:
        assert session.execute(select(CaseCitizen)).first() is None
        changes = session.execute(select(CaseStatusChange)).scalars().all()
        assert [(c.status, c.user_id) for c in changes] == [("received", None)]
        stored = session.execute(select(IdempotencyRecord.response)).scalars().all()
        dump = session.execute(text("SELECT * FROM cases")).all()
    # The code is not stored in clear anywhere: not in the case, not in the stored answer.
    assert "follow_up_code" not in stored[-1]
    assert code not in json.dumps(stored) + repr(dump)
    # ... so a replay of the same outbox row does not show it again.
    again = attendant.post(_path(api), body, key="ethics-1")
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["reference"] == receipt["reference"]
    assert again.json().get("follow_up_code") is None


def test_an_ethics_report_may_bring_the_desktops_own_code(api: ApiClient, ctx: AppContext) -> None:
    """Offline entry: the desktop makes the code, shows it at once, central keeps its hash."""
    attendant = api.login("attendant")
    own = "7K3M-Q9TD-W2XB-HN5R"
    receipt = _file(api, attendant, body_for("ethics_report", follow_up_code=own))
    assert receipt["follow_up_code"] is None  # the desktop has it; it is not sent back
    officer = api.login("ethics_officer")
    status = officer.ok(
        "post", "/ethics/follow-up", {"reference": receipt["reference"], "code": own}
    )
    assert status["status"] == "received"
    response = attendant.post(_path(api), body_for("ethics_report", follow_up_code="too-short"))
    assert _fields(response) == [(("body", "follow_up_code"), "case.follow_up_code_invalid")]
