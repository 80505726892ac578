"""The duplicate hint: open incidents of the same category near a point or with similar text."""

from __future__ import annotations

from typing import Any

import pytest

from central.cases.similarity import distance_m, stems, text_score
from central.context import AppContext
from tests.central.case_factories import add_case_reference, body_for
from tests.central.factories import World
from tests.central.http import ApiClient, StaffSession, expect_error

AUGUSTA = (38.7100, -9.1370)
# One degree of latitude is about 111 km: 0.0009 degrees is about 100 m.
NORTH_100M = (38.7109, -9.1370)
NORTH_300M = (38.7127, -9.1370)


@pytest.fixture(autouse=True)
def _setup(fast_passwords: None, ctx: AppContext, world: World) -> None:
    with ctx.db.writing() as session:
        add_case_reference(session)


def _incident(api: ApiClient, staff: StaffSession, **overrides: Any) -> str:
    body = body_for("incident", **overrides)
    reference: str = staff.ok("post", f"/centres/{api.world.centre_id}/cases", body)["reference"]
    return reference


def _similar(staff: StaffSession, **query: Any) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = staff.ok("post", "/incidents/similar", query)
    return result


def test_distance_and_text_helpers() -> None:
    assert distance_m(*AUGUSTA, *NORTH_100M) == pytest.approx(100, abs=1)
    assert distance_m(*AUGUSTA, *AUGUSTA) == 0
    assert stems("Candeeiros apagados na Rua Augusta") == {"cande", "apaga", "rua", "augus"}
    same = text_score("candeeiro apagado rua augusta", "Rua Augusta: o candeeiro está apagado")
    assert same == 1.0
    assert text_score("buraco enorme", "Candeeiro apagado na Rua Augusta") == 0.0
    assert text_score("rua augusta", "Candeeiro na Avenida da Liberdade") == 0.0


def test_open_incidents_nearby_are_hinted_nearest_first(api: ApiClient) -> None:
    attendant = api.login("attendant")
    near = _incident(api, attendant, latitude=NORTH_100M[0], longitude=NORTH_100M[1])
    here = _incident(api, attendant)
    _incident(api, attendant, latitude=NORTH_300M[0], longitude=NORTH_300M[1],
              description="Poste sem luz", address="Rua do Ouro")  # fmt: skip
    _incident(api, attendant, category_code="buracos")  # same place, other category
    hits = _similar(
        attendant, category_code="iluminacao", latitude=AUGUSTA[0], longitude=AUGUSTA[1]
    )
    assert [h["reference"] for h in hits] == [here, near]
    assert hits[0]["distance_m"] == 0
    assert hits[1]["distance_m"] == pytest.approx(100, abs=1)
    assert "distance" in hits[1]["match"]
    assert set(hits[0]) == {
        "reference", "category_code", "status", "address", "latitude", "longitude",
        "received_at", "distance_m", "text_score", "match",
    }  # fmt: skip
    wider = _similar(
        attendant,
        category_code="iluminacao",
        latitude=AUGUSTA[0],
        longitude=AUGUSTA[1],
        radius_m=400,
    )
    assert len(wider) == 3


def test_similar_text_is_hinted_without_coordinates(api: ApiClient) -> None:
    attendant = api.login("attendant")
    same = _incident(api, attendant, latitude=None, longitude=None)
    elsewhere = {"description": "Poste caído", "address": "Avenida da Liberdade"}
    _incident(api, attendant, latitude=None, longitude=None, **elsewhere)
    hits = _similar(
        attendant, category_code="iluminacao", text="candeeiros apagados na rua augusta"
    )
    assert [(h["reference"], h["match"], h["distance_m"]) for h in hits] == [(same, ["text"], None)]
    assert hits[0]["text_score"] >= 0.5


def test_closed_incidents_are_not_hinted(api: ApiClient) -> None:
    attendant = api.login("attendant")
    ref = _incident(api, attendant)
    response = attendant.post(
        f"/cases/{ref}/status", {"status": "closed"}, headers={"If-Match": '"1"'}
    )
    assert response.status_code == 200, response.text
    assert (
        _similar(attendant, category_code="iluminacao", latitude=AUGUSTA[0], longitude=AUGUSTA[1])
        == []
    )


def test_incidents_of_other_centres_count(api: ApiClient) -> None:
    ref = _incident(api, api.login("attendant"))
    other = api.login("other_attendant")
    hits = _similar(other, category_code="iluminacao", latitude=AUGUSTA[0], longitude=AUGUSTA[1])
    assert [h["reference"] for h in hits] == [ref]


def test_the_hint_needs_a_place_or_text_and_a_known_category(api: ApiClient) -> None:
    attendant = api.login("attendant")
    for query in ({"category_code": "iluminacao"}, {"category_code": "iluminacao", "latitude": 1}):
        response = attendant.post("/incidents/similar", query)
        expect_error(response, 422, "incident.similar_needs_place_or_text")
    response = attendant.post("/incidents/similar", {"category_code": "nope", "text": "x y"})
    details = expect_error(response, 422, "validation.failed")
    assert details["fields"] == [
        {"loc": ["body", "category_code"], "type": "case.unknown_category"}
    ]
