"""iCalendar output read back by an independent parser (the `icalendar` library), and the
RFC 5545 rules it does not check for us: CRLF, 75-octet lines, escaping."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from central.appointments import ical
from tests.central.appointment_fixtures import booking, put_schedule
from tests.central.factories import World
from tests.central.http import ApiClient

# Cheap argon2 parameters: passwords are tested elsewhere.
pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture
def db_url(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "central.sqlite3"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def _lines_follow_the_rfc(text: str) -> None:
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75, line


def test_folding_escaping_and_parsing_of_awkward_text() -> None:
    summary = "Licenciamento de obras, loteamentos; e ocupação \\ via pública — " + "ç" * 60
    text = ical.calendar(
        [
            ical.IcsEvent(
                uid="AP-TEST@balcao",
                stamp=datetime(2026, 11, 23, 10, tzinfo=UTC),
                start=datetime(2026, 11, 24, 9, tzinfo=UTC),
                end=datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
                summary=summary,
                description="Linha 1\nLinha 2",
                location="Loja do Munícipe, Avenida",
            )
        ]
    )
    _lines_follow_the_rfc(text)
    assert "Licenciamento de obras\\, loteamentos\\; e ocupação \\\\ via" in text.replace(
        "\r\n ", ""
    )
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == "Linha 1\nLinha 2"
    assert str(event["LOCATION"]) == "Loja do Munícipe, Avenida"


def test_one_appointment_and_the_service_day_feed(api: ApiClient, world: World) -> None:
    supervisor = api.login("supervisor")
    reception = api.login("reception")
    put_schedule(supervisor, world, capacity=2)
    body = booking(
        world,
        "2026-11-24T09:30:00Z",
        channel="video",
        meeting_url="https://meet.example.org/room/42?pwd=a,b;c",
    )
    video = reception.ok("post", f"/centres/{world.centre_id}/appointments", body)["appointment"]
    reception.ok(
        "post", f"/centres/{world.centre_id}/appointments", booking(world, "2026-11-24T09:00:00Z")
    )

    response = reception.get(f"/appointments/{video['reference']}.ics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    _lines_follow_the_rfc(response.text)
    calendar = icalendar.Calendar.from_ical(response.text)
    assert str(calendar["VERSION"]) == "2.0"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"{video['reference']}@balcao"
    assert event.decoded("DTSTART") == datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    assert event.decoded("DTSTAMP") == datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert str(event["URL"]) == "https://meet.example.org/room/42?pwd=a,b;c"
    assert str(event["LOCATION"]) == "https://meet.example.org/room/42?pwd=a,b;c"
    assert "Atendimento geral" in str(event["SUMMARY"])
    assert "Maria" not in response.text  # no personal data in the calendar

    feed = reception.get(
        f"/centres/{world.centre_id}/services/{world.services['A']}/appointments.ics",
        date="2026-11-24",
    )
    assert feed.status_code == 200, feed.text
    _lines_follow_the_rfc(feed.text)
    events = icalendar.Calendar.from_ical(feed.text).walk("VEVENT")
    assert [e.decoded("DTSTART").isoformat() for e in events] == [
        "2026-11-24T09:00:00+00:00",
        "2026-11-24T09:30:00+00:00",
    ]
