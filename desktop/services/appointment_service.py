"""Appointments for reception and the counter (issue 6): the day's agenda (kept in the local
store so it can be read offline), searches, check-in, the appointment of a called ticket, free
slots and booking, the iCalendar file. Blocking and Qt-free: views call it through the
TaskRunner.

The agenda's copy holds what central's agenda holds, no personal data; the copies of past days
are deleted whenever a day is saved. A booking is sent with the Idempotency-Key the caller
chose for the citizen's one intent: a double submit, or a retry after a lost answer, books once.
Nothing here logs names, NIFs or contacts: references and codes only.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from desktop.api.appointments_api import AppointmentsApi
from desktop.domain.appointments import (
    Agenda,
    AgendaQuery,
    Appointment,
    AppointmentDetail,
    Booked,
    Channel,
    CheckedIn,
    CheckinRules,
    Citizen,
    Found,
    FreeSlot,
)
from desktop.domain.errors import BAD_ANSWER, ApiError, OfflineError
from desktop.store.agenda_cache_repo import AgendaCacheRepo
from desktop.store.local_store import LocalStore

log = logging.getLogger(__name__)

COUNTER_PURPOSE = "citizen_request"
SEARCH_LIMIT = 50
SLOT_COUNT = 12
BOOK_TRIES = 3  # the first send and two retries with the same key


def _new_key() -> str:
    return str(uuid.uuid4())


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _today() -> date:
    return datetime.now().astimezone().date()


class AppointmentService:
    def __init__(
        self,
        api: AppointmentsApi,
        store: LocalStore,
        *,
        new_key: Callable[[], str] = _new_key,
        now: Callable[[], datetime] = _utc_now,
        today: Callable[[], date] = _today,
    ) -> None:
        """`today`: the centre's date (the counter PC is in the centre)."""
        self.api = api
        self.store = store
        self.repo = AgendaCacheRepo()
        self._new_key = new_key
        self._now = now
        self.today = today

    # --- the agenda -------------------------------------------------------------------------

    def agenda(self, centre_id: int, day: date | None = None) -> Agenda:
        """The day's agenda from central, saved for offline use; the saved copy when central
        cannot be reached (`cached=True`; OfflineError again if there is none)."""
        day = day or self.today()
        try:
            rows = self.api.agenda_json(centre_id, day)
        except OfflineError:
            cached = self.cached_agenda(centre_id, day)
            if cached is None:
                raise
            log.info("agenda of centre %d read from the local copy", centre_id)
            return cached
        fetched = self._now()
        with self.store.writing() as session:
            self.repo.save(session, centre_id, day, rows, fetched)
        return Agenda(centre_id, day, _appointments(rows), fetched)

    def cached_agenda(self, centre_id: int, day: date | None = None) -> Agenda | None:
        day = day or self.today()
        with self.store.reading() as session:
            found = self.repo.load(session, centre_id, day)
        if found is None:
            return None
        rows, fetched = found
        return Agenda(centre_id, day, _appointments(rows), fetched, cached=True)

    def search(
        self, centre_id: int, query: AgendaQuery, purpose: str = COUNTER_PURPOSE
    ) -> list[Found]:
        """A POST (a read recorded with `purpose`): the hits with the citizens' names."""
        found = self.api.search(centre_id, query.to_json(purpose) | {"limit": SEARCH_LIMIT})
        log.info("appointment search by %s: %d found", query.by.value, len(found))
        return found

    def detail(self, reference: str, purpose: str = COUNTER_PURPOSE) -> AppointmentDetail:
        return self.api.detail(reference, purpose)

    def for_ticket(self, ticket_id: int) -> AppointmentDetail | None:
        return self.api.for_ticket(ticket_id, COUNTER_PURPOSE)

    def rules(self, centre_id: int) -> CheckinRules:
        return self.api.rules(centre_id)

    # --- commands ---------------------------------------------------------------------------

    def check_in(self, reference: str) -> CheckedIn:
        """Turn the appointment into a ticket; central refuses too early or too late with the
        times in `details` (the view explains them)."""
        key = self._new_key()
        done: CheckedIn = self._retrying(lambda: self.api.check_in(reference, key))
        log.info("appointment %s checked in: ticket %s", reference, done.ticket_number)
        return done

    def free_slots(self, service_id: int, count: int = SLOT_COUNT) -> list[FreeSlot]:
        return self.api.free_slots(service_id, count=count)

    def book(
        self,
        centre_id: int,
        service_id: int,
        starts_at: datetime,
        channel: Channel,
        citizen: Citizen,
        key: str,
        meeting_url: str | None = None,
    ) -> Booked:
        body: dict[str, Any] = {
            "service_id": service_id,
            "starts_at": starts_at.isoformat(),
            "channel": channel.value,
            "citizen": citizen.to_json(),
        }
        if meeting_url:
            body["meeting_url"] = meeting_url
        booked: Booked = self._retrying(lambda: self.api.book(centre_id, body, key))
        log.info("appointment %s booked", booked.appointment.reference)
        return booked

    def ics(self, reference: str) -> str:
        text = self.api.ics(reference)
        if not text.startswith("BEGIN:VCALENDAR"):
            raise ApiError(200, BAD_ANSWER, "the calendar file is not iCalendar")
        return text

    def _retrying(self, send: Callable[[], Any]) -> Any:
        """Send again with the same key after a network failure: central answers a command it
        already ran from its record."""
        for attempt in range(BOOK_TRIES):
            try:
                return send()
            except OfflineError:
                if attempt + 1 == BOOK_TRIES:
                    raise
        raise AssertionError("unreachable")


def _appointments(rows: list[dict[str, Any]]) -> tuple[Appointment, ...]:
    try:
        items = tuple(Appointment.from_json(r) for r in rows)
    except (KeyError, TypeError, ValueError) as exc:
        raise ApiError(200, BAD_ANSWER, f"unreadable agenda: {type(exc).__name__}") from exc
    return tuple(sorted(items, key=lambda a: (a.starts_at, a.service_prefix, a.reference)))
