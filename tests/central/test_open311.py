"""Open311 GeoReport v2: discovery, services and their definitions, posting and reading
service requests, in JSON and in XML (parsed here with xml.etree)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from central.cases.models import Case, CaseCitizen
from central.context import AppContext
from tests.central.case_factories import add_case_reference, body_for
from tests.central.factories import World
from tests.central.http import ApiClient, expect_error

BASE = "/open311/v2"
KEY = "fixmystreet-lisboa-key"
POINT = {"lat": "38.7100", "long": "-9.1370"}


@pytest.fixture(autouse=True)
def _setup(fast_passwords: None, ctx: AppContext, world: World) -> None:
    with ctx.db.writing() as session:
        add_case_reference(session)
    ctx.settings = replace(ctx.settings, open311_api_keys=(KEY,))


def _xml(response: httpx.Response) -> ElementTree.Element:
    assert response.headers["content-type"].startswith("text/xml"), response.text
    return ElementTree.fromstring(response.content)  # noqa: S314 - our own answer


def _post(client: TestClient, fmt: str = "json", **fields: Any) -> httpx.Response:
    form = {"api_key": KEY, "jurisdiction_id": "TST", "service_code": "iluminacao",
            "description": "Candeeiro apagado", **POINT, **fields}  # fmt: skip
    form = {k: v for k, v in form.items() if v is not None}
    return client.post(f"{BASE}/requests.{fmt}", data=form)


def _errors(response: httpx.Response, status: int) -> list[str]:
    assert response.status_code == status, response.text
    body = response.json()
    assert [e["code"] for e in body] == [status] * len(body)
    return [e["description"] for e in body]


def test_discovery(client: TestClient) -> None:
    data = client.get(f"{BASE}/discovery.json").json()
    [endpoint] = data["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2"
    assert endpoint["formats"] == ["text/xml", "application/json"]
    root = _xml(client.get(f"{BASE}/discovery.xml"))
    assert root.tag == "discovery"
    assert root.findtext("endpoints/endpoint/specification") == endpoint["specification"]
    assert [f.text for f in root.findall("endpoints/endpoint/formats/format")] == [
        "text/xml",
        "application/json",
    ]


def test_services_are_the_incident_categories(client: TestClient) -> None:
    services = client.get(f"{BASE}/services.json").json()
    assert [s["service_code"] for s in services] == ["iluminacao", "buracos", "lixo", "graffiti"]
    lighting = services[0]
    assert lighting == {
        "service_code": "iluminacao",
        "service_name": "Iluminação pública",
        "description": "Candeeiros apagados ou partidos",
        "metadata": False,
        "type": "realtime",
        "keywords": "iluminação pública",
        "group": "Espaço público",
    }
    assert services[2]["metadata"] is True
    root = _xml(client.get(f"{BASE}/services.xml"))
    assert root.tag == "services"
    xml_services = root.findall("service")
    assert [s.findtext("service_code") for s in xml_services] == [
        s["service_code"] for s in services
    ]
    assert xml_services[0].findtext("service_name") == "Iluminação pública"
    assert [s.findtext("metadata") for s in xml_services] == ["false", "false", "true", "false"]


def test_a_service_definition_lists_its_attributes(client: TestClient) -> None:
    definition = client.get(f"{BASE}/services/lixo.json").json()
    assert definition["service_code"] == "lixo"
    kind, volume = definition["attributes"]
    assert (kind["code"], kind["datatype"], kind["required"], kind["variable"]) == (
        "tipo",
        "singlevaluelist",
        True,
        True,
    )
    assert [v["key"] for v in kind["values"]] == ["monos", "reee", "verdes"]
    assert (volume["code"], volume["required"], volume["values"]) == ("volume", False, [])
    root = _xml(client.get(f"{BASE}/services/lixo.xml"))
    assert root.tag == "service_definition"
    assert root.findtext("service_code") == "lixo"
    attribute = root.find("attributes/attribute")
    assert attribute is not None
    assert attribute.findtext("code") == "tipo"
    assert attribute.findtext("required") == "true"
    assert [v.findtext("key") for v in attribute.findall("values/value")] == [
        "monos",
        "reee",
        "verdes",
    ]
    assert client.get(f"{BASE}/services/iluminacao.json").json()["attributes"] == []


def test_errors_take_the_specifications_form(client: TestClient) -> None:
    assert _errors(client.get(f"{BASE}/services/nada.json"), 404) == ["service_code nada not found"]
    response = client.get(f"{BASE}/services/retired.xml")
    assert response.status_code == 404
    root = _xml(response)
    assert root.tag == "errors"
    assert root.findtext("error/code") == "404"
    assert root.findtext("error/description") == "service_code retired not found"
    assert _errors(client.get(f"{BASE}/services.csv"), 404) == ["format must be json or xml"]


def test_a_request_is_posted_and_becomes_an_incident_case(
    client: TestClient, ctx: AppContext
) -> None:
    response = _post(
        client,
        email="Rui.Santos@example.pt",
        first_name="Rui",
        last_name="Santos",
        address_string="Rua Augusta 12",
        media_url="https://example.org/foto.jpg",
    )
    assert response.status_code == 201, response.text
    [answer] = response.json()
    assert answer["service_request_id"] == "TST-2026-000001"
    assert set(answer) == {"service_request_id", "service_notice", "account_id"}
    with ctx.db.reading() as session:
        case = session.execute(select(Case)).scalar_one()
        person = session.execute(select(CaseCitizen)).scalar_one()
    assert (case.kind, case.channel, case.attendant_id, case.address) == (
        "incident",
        "open311",
        None,
        "Rua Augusta 12",
    )
    assert (case.latitude, case.longitude) == (38.71, -9.137)
    assert case.media_url == "https://example.org/foto.jpg"
    assert (person.name, person.email, person.contact_by) == (
        "Rui Santos",
        "rui.santos@example.pt",
        "email",
    )
    root = _xml(_post(client, "xml", address_string=None))
    assert root.tag == "service_requests"
    assert root.findtext("request/service_request_id") == "TST-2026-000002"
    with ctx.db.reading() as session:
        second = session.execute(select(Case).where(Case.id == 2)).scalar_one()
    assert second.address == "38.710000, -9.137000"  # no address given: the coordinates


def test_posting_needs_an_api_key_unless_anonymous_is_allowed(
    client: TestClient, ctx: AppContext
) -> None:
    assert _errors(_post(client, api_key=None), 403) == ["api_key is required"]
    assert _errors(_post(client, api_key="guess"), 403) == ["api_key is not valid"]
    ctx.settings = replace(ctx.settings, open311_anonymous_post=True)
    assert _post(client, api_key=None).status_code == 201
    assert _errors(_post(client, api_key="guess"), 403) == ["api_key is not valid"]


POST_ERRORS = [
    ({"service_code": None}, 400, "service_code is required"),
    ({"service_code": "nada"}, 404, "service_code nada not found"),
    ({"lat": None}, 400, "a location is required: lat and long, or address_string"),
    ({"lat": "norte"}, 400, "lat: not a number"),
    ({"long": "200"}, 400, "long: out of range"),
    ({"description": " "}, 400, "description is required"),
    ({"email": "rui@"}, 400, "email: email.invalid"),
    ({"phone": "12"}, 400, "phone: phone.wrong_length"),
    ({"media_url": "ftp://x"}, 400, "media_url: not an http(s) URL of at most 500 characters"),
    ({"service_code": "lixo"}, 400, "attribute.tipo: case.attribute_required"),
    ({"service_code": "lixo", "attribute[tipo]": "carro"}, 400,
     "attribute.tipo: case.attribute_invalid"),
    ({"jurisdiction_id": "XX"}, 404, "jurisdiction_id XX not found"),
    ({"jurisdiction_id": None}, 400, "jurisdiction_id is required"),
]  # fmt: skip


@pytest.mark.parametrize(("fields", "status", "description"), POST_ERRORS)
def test_a_bad_request_is_refused_with_a_reason(
    client: TestClient, ctx: AppContext, fields: dict[str, Any], status: int, description: str
) -> None:
    assert _errors(_post(client, **fields), status) == [description]
    with ctx.db.reading() as session:
        assert session.execute(select(Case)).first() is None


def test_attributes_and_the_default_jurisdiction(client: TestClient, ctx: AppContext) -> None:
    response = _post(client, service_code="lixo", **{"attribute[tipo]": "monos"})
    assert response.status_code == 201, response.text
    ctx.settings = replace(ctx.settings, open311_centre_code="OTH")
    response = _post(client, jurisdiction_id=None)
    assert response.json()[0]["service_request_id"] == "OTH-2026-000001"
    with ctx.db.reading() as session:
        cases = session.execute(select(Case).order_by(Case.id)).scalars().all()
    assert cases[0].attributes == {"tipo": "monos"}
    assert cases[1].centre_id != cases[0].centre_id


def test_a_json_body_is_not_the_specifications_form(client: TestClient) -> None:
    response = client.post(f"{BASE}/requests.json", json={"api_key": KEY})
    assert _errors(response, 400) == ["send application/x-www-form-urlencoded"]


def test_requests_are_listed_without_personal_data(
    client: TestClient, api: ApiClient, ctx: AppContext
) -> None:
    attendant = api.login("attendant")
    path = f"/centres/{api.world.centre_id}/cases"
    lamp = attendant.ok("post", path, body_for("incident"))["reference"]
    hole = attendant.ok(
        "post", path, body_for("incident", category_code="buracos", latitude=None, longitude=None)
    )["reference"]
    attendant.ok("post", path, body_for("complaint"))  # not an incident: never published
    response = attendant.post(
        f"/cases/{hole}/status",
        {"status": "closed", "public_note": "Buraco tapado"},
        headers={"If-Match": '"1"'},
    )
    assert response.status_code == 200, response.text
    posted = _post(client, email="rui@example.pt", first_name="Rui").json()[0]["service_request_id"]
    listed = client.get(f"{BASE}/requests.json").json()
    assert [r["service_request_id"] for r in listed] == [posted, hole, lamp]
    by_id = {r["service_request_id"]: r for r in listed}
    assert by_id[hole]["status"] == "closed"
    assert by_id[hole]["status_notes"] == "Buraco tapado"
    assert (by_id[hole]["lat"], by_id[hole]["long"]) == (None, None)
    assert by_id[lamp] | {"requested_datetime": None, "updated_datetime": None} == {
        "service_request_id": lamp,
        "status": "open",
        "status_notes": None,
        "service_name": "Iluminação pública",
        "service_code": "iluminacao",
        "description": None,
        "agency_responsible": "Espaço público, higiene urbana e ocorrências",
        "service_notice": None,
        "requested_datetime": None,
        "updated_datetime": None,
        "expected_datetime": None,
        "address": "Rua Augusta 12, 1100-053 Lisboa",
        "address_id": None,
        "zipcode": None,
        "lat": 38.71,
        "long": -9.137,
        "media_url": None,
    }
    assert by_id[lamp]["requested_datetime"] == "2026-11-23T10:00:00+00:00"
    text = client.get(f"{BASE}/requests.json").text
    for private in ("Rui", "rui@example.pt", "Candeeiro apagado há uma semana", "Maria"):
        assert private not in text

    def codes(**params: str) -> list[str]:
        found = client.get(f"{BASE}/requests.json", params=params).json()
        return [r["service_request_id"] for r in found]

    assert codes(status="closed") == [hole]
    assert codes(status="open") == [posted, lamp]
    assert codes(service_code="buracos,graffiti") == [hole]
    assert codes(service_request_id=f"{lamp},{hole}") == [hole, lamp]
    assert codes(start_date="2026-11-24T00:00:00Z") == []
    assert codes(end_date="2026-11-22T00:00:00+00:00") == []
    assert codes(start_date="2026-11-01T00:00:00Z", end_date="2026-11-30T00:00:00Z") == [
        posted,
        hole,
        lamp,
    ]
    assert codes(jurisdiction_id="OTH") == []
    assert _errors(client.get(f"{BASE}/requests.json", params={"start_date": "ontem"}), 400) == [
        "start_date: not a W3C date-time"
    ]

    root = _xml(client.get(f"{BASE}/requests.xml"))
    assert root.tag == "service_requests"
    requests = root.findall("request")
    assert [r.findtext("service_request_id") for r in requests] == [posted, hole, lamp]
    assert requests[2].findtext("lat") == "38.71"
    assert requests[2].findtext("long") == "-9.137"
    assert requests[1].findtext("status") == "closed"
    assert requests[1].findtext("status_notes") == "Buraco tapado"
    assert requests[2].findtext("description") == ""


def test_one_request_by_id(client: TestClient, api: ApiClient) -> None:
    attendant = api.login("attendant")
    path = f"/centres/{api.world.centre_id}/cases"
    lamp = attendant.ok("post", path, body_for("incident"))["reference"]
    complaint = attendant.ok("post", path, body_for("complaint"))["reference"]
    [one] = client.get(f"{BASE}/requests/{lamp}.json").json()
    assert (one["service_request_id"], one["service_code"]) == (lamp, "iluminacao")
    root = _xml(client.get(f"{BASE}/requests/{lamp}.xml"))
    assert root.findtext("request/service_request_id") == lamp
    assert _errors(client.get(f"{BASE}/requests/{complaint}.json"), 404) == [
        f"service_request_id {complaint} not found"
    ]
    # The API's own errors keep their form outside Open311.
    expect_error(api.client.get("/api/v1/cases/x"), 401, "auth.required")
