"""Cases on the desktop, the pure part: validation per type (citizen fields through `rules`),
provisional references, follow-up codes, and the body sent to central."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest

from desktop.domain.cases import (
    CaseDraft,
    CaseFields,
    CaseKind,
    CaseReferenceData,
    CitizenBlock,
    ContactBy,
    FieldError,
    FiledCase,
    SuggestionScope,
    VisitLink,
    filing_body,
    new_follow_up_code,
    parse_provisional_reference,
    provisional_reference,
    validate_draft,
)

VALID_NIF = "123456789"
T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)

REFERENCE_JSON: dict[str, Any] = {
    "case_types": [
        {"code": code, "name": code, "kind": code, "citizen_policy": policy,
         "service_area": "", "legal_basis": "public_task", "retention_class": "x",
         "retention_years": 2}
        for code, policy in (
            ("information_request", "optional"),
            ("complaint", "required"),
            ("suggestion", "optional"),
            ("incident", "optional"),
            ("question_to_official", "required"),
            ("ethics_report", "forbidden"),
        )
    ],
    "incident_categories": [
        {"code": "iluminacao", "name": "Iluminação", "description": "", "group_name": "",
         "keywords": "", "attributes": []},
        {"code": "lixo", "name": "Lixo", "description": "", "group_name": "", "keywords": "",
         "attributes": [
             {"code": "volume", "datatype": "number", "required": False, "order": 2},
             {"code": "tipo", "datatype": "singlevaluelist", "required": True, "order": 1,
              "values": [{"key": "monos", "name": "Monos"}, {"key": "reee", "name": "REEE"}]},
         ]},
    ],
    "addressees": [{"code": "presidente", "name": "Presidente", "office": "", "portfolio": ""}],
}  # fmt: skip
REFERENCE = CaseReferenceData.from_json(REFERENCE_JSON, fetched_at=T0)


def person(**overrides: Any) -> CitizenBlock:
    base: dict[str, Any] = {
        "name": "Maria Silva",
        "nif": VALID_NIF,
        "email": "maria@example.pt",
        "contact_by": ContactBy.EMAIL,
    }
    return CitizenBlock(**{**base, **overrides})


VALID: dict[str, CaseDraft] = {
    "information_request": CaseDraft("information_request", CaseFields("Horário?")),
    "complaint": CaseDraft(
        "complaint", CaseFields("Esperou.", concerned_service="Estacionamento"), person()
    ),
    "suggestion": CaseDraft(
        "suggestion", CaseFields("Bancos.", suggestion_scope=SuggestionScope.PUBLIC_POLICY)
    ),
    "incident": CaseDraft(
        "incident",
        CaseFields("Candeeiro.", category_code="iluminacao", address="Rua Augusta 12"),
    ),
    "question_to_official": CaseDraft(
        "question_to_official",
        CaseFields("Ciclovia?", addressee_code="presidente", answer_may_be_public=True),
        person(contact_by=ContactBy.PHONE, phone="912 345 678"),
    ),
    "ethics_report": CaseDraft("ethics_report", CaseFields("Pagamentos indevidos.")),
}


def codes(draft: CaseDraft) -> list[tuple[tuple[str, ...], str]]:
    return [(e.loc, e.code) for e in validate_draft(draft, REFERENCE)]


def with_fields(draft: CaseDraft, **changes: Any) -> CaseDraft:
    current = draft.fields.to_json()
    return CaseDraft(draft.type_code, CaseFields.from_json({**current, **changes}), draft.citizen)


@pytest.mark.parametrize("kind", list(VALID))
def test_a_valid_draft_of_every_type_has_no_errors(kind: str) -> None:
    assert codes(VALID[kind]) == []


def test_reference_data_is_parsed_in_order() -> None:
    assert [t.kind for t in REFERENCE.case_types] == list(CaseKind)
    lixo = REFERENCE.category("lixo")
    assert lixo is not None
    assert [a.code for a in lixo.attributes] == ["tipo", "volume"]  # by order
    assert REFERENCE.addressee("presidente") is not None
    assert REFERENCE.case_type("nope") is None
    assert CaseReferenceData().is_empty


def test_unknown_type() -> None:
    assert codes(CaseDraft("nope", CaseFields("x"))) == [(("type_code",), "case.unknown_type")]


@pytest.mark.parametrize(
    ("kind", "missing"),
    [
        ("information_request", ["description"]),
        ("complaint", ["description", "concerned_service"]),
        ("suggestion", ["description", "suggestion_scope"]),
        ("incident", ["description", "category_code", "address"]),
        ("question_to_official", ["description", "addressee_code", "answer_may_be_public"]),
        ("ethics_report", ["description"]),
    ],
)
def test_required_fields_per_type(kind: str, missing: list[str]) -> None:
    draft = VALID[kind]
    empty = CaseDraft(kind, CaseFields(description="  "), draft.citizen)
    assert codes(empty) == [((name,), "case.field_required") for name in missing]


def test_fields_of_another_kind_are_refused() -> None:
    draft = with_fields(VALID["information_request"], address="Rua X", suggestion_scope="service")
    assert codes(draft) == [
        (("address",), "case.field_not_allowed"),
        (("suggestion_scope",), "case.field_not_allowed"),
    ]


def test_lengths() -> None:
    draft = with_fields(VALID["information_request"], description="x" * 4001, subject="s" * 201)
    assert codes(draft) == [
        (("description",), "case.field_too_long"),
        (("subject",), "case.field_too_long"),
    ]


def test_incident_coordinates_category_and_attributes() -> None:
    incident = VALID["incident"]
    assert codes(with_fields(incident, latitude=38.7)) == [
        (("longitude",), "case.coordinates_incomplete")
    ]
    assert codes(with_fields(incident, latitude=138.7, longitude=-9.1)) == [
        (("latitude",), "case.coordinates_invalid")
    ]
    assert codes(with_fields(incident, category_code="retired")) == [
        (("category_code",), "case.unknown_category")
    ]
    lixo = with_fields(incident, category_code="lixo")
    assert codes(lixo) == [(("attributes", "tipo"), "case.attribute_required")]
    assert codes(with_fields(lixo, attributes={"tipo": "monos", "volume": "2"})) == []
    assert codes(with_fields(lixo, attributes={"tipo": "carros", "cor": "azul"})) == [
        (("attributes", "cor"), "case.unknown_attribute"),
        (("attributes", "tipo"), "case.attribute_invalid"),
    ]


def test_unknown_addressee() -> None:
    draft = with_fields(VALID["question_to_official"], addressee_code="rei")
    assert codes(draft) == [(("addressee_code",), "case.unknown_addressee")]


@pytest.mark.parametrize(
    ("nif", "code"),
    [
        ("123 456 789", None),  # spaces as people type them
        ("501964843", None),
        ("123456780", "nif.invalid_check_digit"),
        ("12345678", "nif.wrong_length"),
        ("12345678A", "nif.not_digits"),
        ("423456789", "nif.invalid_prefix"),
    ],
)
def test_nif_is_checked_by_the_shared_rules(nif: str, code: str | None) -> None:
    draft = CaseDraft("information_request", CaseFields("x"), person(nif=nif))
    expected = [] if code is None else [(("citizen", "nif"), code)]
    assert codes(draft) == expected


def test_contact_fields_are_checked_by_the_shared_rules() -> None:
    bad = person(email="maria@", phone="12345", postal_code="0123-45")
    assert codes(CaseDraft("information_request", CaseFields("x"), bad)) == [
        (("citizen", "email"), "email.invalid"),
        (("citizen", "phone"), "phone.wrong_length"),
        (("citizen", "postal_code"), "postal_code.invalid_format"),
    ]


def test_citizen_policies() -> None:
    complaint = VALID["complaint"]
    no_citizen = CaseDraft("complaint", complaint.fields, None)
    assert codes(no_citizen) == [(("citizen",), "case.citizen_required")]
    nameless = CaseDraft(
        "complaint", complaint.fields, CitizenBlock(name=" ", contact_by=ContactBy.POST)
    )
    assert codes(nameless) == [
        (("citizen", "name"), "case.field_required"),
        (("citizen", "postal_address"), "case.field_required"),
        (("citizen", "postal_code"), "case.field_required"),
    ]
    in_person = CaseDraft(
        "complaint", complaint.fields, CitizenBlock(name="Ana", contact_by=ContactBy.IN_PERSON)
    )
    assert codes(in_person) == [(("citizen", "contact_by"), "case.contact_required")]
    # An empty block is no citizen: fine where optional.
    assert codes(CaseDraft("suggestion", VALID["suggestion"].fields, CitizenBlock())) == []


def test_an_ethics_report_refuses_any_personal_data() -> None:
    ethics = VALID["ethics_report"]
    assert codes(CaseDraft("ethics_report", ethics.fields, CitizenBlock())) == []
    named = CaseDraft("ethics_report", ethics.fields, CitizenBlock(name="Ana"))
    assert codes(named) == [(("citizen",), "case.personal_data_not_allowed")]


def test_provisional_references() -> None:
    assert provisional_reference(3, 1) == "P-3-1"
    assert provisional_reference("R1", 120) == "P-R1-120"
    assert parse_provisional_reference("P-3-17") == ("3", 17)
    for other in ("LX-2026-000123", "P-3-0", "P--1", "p-3-1"):
        assert parse_provisional_reference(other) is None
    # Central's pattern for provisional references, and its length limit.
    assert re.match(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$", provisional_reference("A" * 16, 10**8))
    assert len(provisional_reference("A" * 16, 999_999_999)) <= 40
    for label, number in (("", 1), ("a b", 1), ("3", 0)):
        with pytest.raises(ValueError, match=r"counter label|start at 1"):
            provisional_reference(label, number)


def test_follow_up_codes_are_crockford_base32() -> None:
    codes_made = {new_follow_up_code() for _ in range(50)}
    assert len(codes_made) == 50
    for code in codes_made:
        assert re.match(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$", code)


def test_filing_body_sends_only_what_the_kind_uses() -> None:
    visit = VisitLink(ticket_id=7, service_id=2, counter_id=3, attendant_id=4)
    question = VALID["question_to_official"]
    types = {t.code: t for t in REFERENCE.case_types}
    body = filing_body(
        types["question_to_official"],
        question.fields,
        question.citizen,
        visit,
        provisional_reference="P-1-1",
        entered_at=T0,
    )
    assert body == {
        "type_code": "question_to_official",
        "description": "Ciclovia?",
        "provisional_reference": "P-1-1",
        "addressee_code": "presidente",
        "answer_may_be_public": True,
        "citizen": {
            "name": "Maria Silva", "nif": VALID_NIF, "email": "maria@example.pt",
            "phone": "912345678", "postal_code": None, "postal_address": None,
            "language": "pt", "contact_by": "phone",
        },
        "ticket_id": 7, "service_id": 2, "counter_id": 3,
        "entered_at": "2026-11-23T10:00:00+00:00",
    }  # fmt: skip
    ethics = filing_body(
        types["ethics_report"],
        VALID["ethics_report"].fields,
        CitizenBlock(),
        visit,
        provisional_reference="P-1-2",
        entered_at=T0,
        follow_up_code="ABCD-EFGH-JKMN-PQRS",
    )
    assert ethics == {
        "type_code": "ethics_report",
        "description": "Pagamentos indevidos.",
        "provisional_reference": "P-1-2",
        "follow_up_code": "ABCD-EFGH-JKMN-PQRS",
    }


def test_json_round_trips() -> None:
    fields = CaseFields(
        "d", subject="s", attributes={"tipo": "monos"}, suggestion_scope=SuggestionScope.SERVICE
    )
    assert CaseFields.from_json(fields.to_json()) == fields
    assert CitizenBlock.from_json(person().to_json()) == person()
    error = FieldError.from_json({"loc": ["body", "citizen", "nif"], "type": "nif.not_digits"})
    assert error == FieldError(("citizen", "nif"), "nif.not_digits")
    receipt = FiledCase.from_json(
        {"id": 1, "reference": "LX-2026-000001", "provisional_reference": "P-1-1",
         "centre_id": 1, "type_code": "complaint", "kind": "complaint", "status": "received",
         "received_at": "2026-11-23T10:00:00+00:00", "updated_at": "2026-11-23T10:00:00+00:00",
         "version": 1, "follow_up_code": None}
    )  # fmt: skip
    assert (receipt.reference, receipt.received_at) == ("LX-2026-000001", T0)
