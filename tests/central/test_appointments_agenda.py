"""Closures in the free-slot search, the checks a booking must pass, search and reads of the
citizen's data recorded in the read log, and the lazy no-show when the agenda is read.
SQLite only: nothing here depends on the engine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from central.appointments.models import AppointmentReadLog
from central.context import AppContext
from tests.central.appointment_fixtures import VALID_NIF, booking, put_schedule
from tests.central.factories import World
from tests.central.http import ApiClient, StaffSession, expect_error

# Cheap argon2 parameters: passwords are tested elsewhere.
pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture
def db_url(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "central.sqlite3"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def _first_free(staff: StaffSession, world: World, prefix: str, first: str) -> str:
    response = staff.get(
        f"/services/{world.services[prefix]}/free-slots", count=1, **{"from": first}
    )
    assert response.status_code == 200, response.text
    return str(response.json()[0]["starts_at"])


def test_closures_are_skipped_by_the_search_and_refused_by_booking(
    api: ApiClient, world: World
) -> None:
    supervisor = api.login("supervisor")
    reception = api.login("reception")
    put_schedule(supervisor, world, "A")
    put_schedule(supervisor, world, "B")
    holiday = supervisor.post(
        f"/centres/{world.centre_id}/appointment-closures",
        {"day": "2026-11-24", "reason": "Feriado municipal"},
    )
    assert holiday.status_code == 201, holiday.text
    a_closed = supervisor.post(
        f"/centres/{world.centre_id}/appointment-closures",
        {"day": "2026-11-25", "service_id": world.services["A"], "reason": "Formação"},
    )
    assert a_closed.status_code == 201, a_closed.text

    assert _first_free(reception, world, "A", "2026-11-24") == "2026-11-26T09:00:00Z"
    assert _first_free(reception, world, "B", "2026-11-24") == "2026-11-25T09:00:00Z"
    expect_error(
        reception.post(
            f"/centres/{world.centre_id}/appointments", booking(world, "2026-11-25T09:00:00Z")
        ),
        409,
        "appointment.closed",
    )
    # Reception may not close days; closures are listed for everyone.
    expect_error(
        reception.post(
            f"/centres/{world.centre_id}/appointment-closures",
            {"day": "2026-11-27", "reason": "x"},
        ),
        403,
        "auth.forbidden",
    )
    listed = reception.get(
        f"/centres/{world.centre_id}/appointment-closures",
        **{"from": "2026-11-01", "to": "2026-11-30"},
    )
    assert [c["day"] for c in listed.json()] == ["2026-11-24", "2026-11-25"]


def test_a_booking_is_checked_before_it_takes_a_place(api: ApiClient, world: World) -> None:
    supervisor = api.login("supervisor")
    reception = api.login("reception")
    put_schedule(supervisor, world, "A")
    url = f"/centres/{world.centre_id}/appointments"
    slot = "2026-11-24T09:00:00Z"

    bad_nif = booking(world, slot, citizen={"nif": "123456780"})
    fields = expect_error(reception.post(url, bad_nif), 422, "validation.failed")["fields"]
    assert fields[0]["type"] == "nif.invalid_check_digit"
    assert "123456780" not in str(fields)
    expect_error(
        reception.post(url, booking(world, slot, channel="video")),
        422,
        "appointment.meeting_url_required",
    )
    expect_error(
        reception.post(url, booking(world, "2026-11-24T09:10:00Z")), 422, "appointment.not_a_slot"
    )
    expect_error(
        reception.post(url, booking(world, "2026-11-23T09:00:00Z")), 422, "appointment.in_past"
    )
    expect_error(
        reception.post(url, booking(world, "2027-06-01T09:00:00Z")),
        422,
        "appointment.beyond_horizon",
    )
    expect_error(reception.post(url, booking(world, slot, "C")), 409, "appointment.not_bookable")
    no_contact = booking(world, slot)
    no_contact["citizen"].pop("phone")
    expect_error(reception.post(url, no_contact), 422, "appointment.contact_required")

    # A retry with the same Idempotency-Key books once and answers the same.
    body = booking(world, slot, citizen={"nif": VALID_NIF})
    first = reception.post(url, body, key="retry-1")
    again = reception.post(url, body, key="retry-1")
    assert first.status_code == again.status_code == 201
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json() == first.json()
    free = reception.get(
        f"/services/{world.services['A']}/free-slots", count=1, **{"from": "2026-11-24"}
    )
    assert free.json()[0]["starts_at"] == "2026-11-24T09:30:00Z"  # capacity 1: 09:00 is full


def test_search_and_reads_are_recorded_and_lists_carry_no_names(
    api: ApiClient, world: World, ctx: AppContext
) -> None:
    supervisor = api.login("supervisor")
    reception = api.login("reception")
    put_schedule(supervisor, world, "A", capacity=3)
    url = f"/centres/{world.centre_id}/appointments"
    receipt = reception.ok(
        "post", url, booking(world, "2026-11-23T11:00:00Z", name="João Gonçalves",
                             citizen={"nif": VALID_NIF})
    )  # fmt: skip
    reception.ok("post", url, booking(world, "2026-11-23T11:00:00Z", name="Ana Lopes"))
    reference = receipt["appointment"]["reference"]
    code = receipt["booking_code"]

    def search(**criteria: str) -> list[str]:
        found = reception.post(f"{url}/search", {**criteria, "purpose": "citizen_request"})
        assert found.status_code == 200, found.text
        return [f["name"] for f in found.json()]

    assert search(name="joao goncalves") == ["João Gonçalves"]
    assert search(nif=VALID_NIF) == ["João Gonçalves"]
    assert search(booking_code=code.replace("-", "").lower()) == ["João Gonçalves"]
    assert search(reference=reference) == ["João Gonçalves"]
    expect_error(
        reception.post(f"{url}/search", {"purpose": "citizen_request"}), 422, "validation.failed"
    )

    detail = reception.get(f"/appointments/{reference}", purpose="citizen_request")
    assert detail.status_code == 200, detail.text
    assert detail.json()["citizen"] == {
        "name": "João Gonçalves",
        "nif": VALID_NIF,
        "phone": "912345678",
        "email": None,
    }
    expect_error(reception.get(f"/appointments/{reference}"), 422, "validation.failed")
    # Another centre's staff do not see it.
    other = api.login("other_reception")
    expect_error(
        other.get(f"/appointments/{reference}", purpose="citizen_request"), 403, "auth.wrong_centre"
    )

    with ctx.db.reading() as s:
        reads = s.execute(select(AppointmentReadLog.access, AppointmentReadLog.purpose)).all()
    assert sorted(r.access for r in reads) == ["case", "search", "search", "search", "search"]
    assert {r.purpose for r in reads} == {"citizen_request"}

    # 11:00 + 15 min passes with nobody checked in: reading the agenda marks the no-shows.
    ctx.clock.advance(minutes=76)  # type: ignore[attr-defined]
    reception = api.login("reception")  # the access token has expired meanwhile
    agenda = reception.ok("get", f"{url}?date=2026-11-23")
    assert [a["status"] for a in agenda] == ["no_show", "no_show"]
    assert all("name" not in a for a in agenda)
