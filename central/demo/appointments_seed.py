"""The demo centre's appointment schedules, holidays, and the citizens booked for today.

Booked through `appointments.service.book`, as reception would, so the slot counters and
events are the real ones. Names and NIFs are invented (the NIFs have valid check digits).
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from central.appointments import service as appointments
from central.appointments.schedules import Channel, local_day
from central.auth.actor import Actor
from central.auth.roles import Role
from central.reference.models import Centre, Service
from rules.nif import check_digit

WEEKDAY_HOURS = {
    day: [["09:00", "12:30"], ["14:00", "17:00"]] for day in ("mon", "tue", "wed", "thu", "fri")
}
# Service prefix -> (slot minutes, places per slot). The services citizens usually book.
SCHEDULES = {"B": (30, 2), "C": (30, 1), "E": (15, 2), "F": (45, 1), "H": (15, 2)}
# National holidays of Portugal and Lisbon's municipal holiday (13 June), 2026-2027.
HOLIDAYS = {
    date(2026, 12, 1): "Restauração da Independência",
    date(2026, 12, 8): "Imaculada Conceição",
    date(2026, 12, 25): "Natal",
    date(2027, 1, 1): "Ano Novo",
    date(2027, 3, 26): "Sexta-feira Santa",
    date(2027, 4, 25): "Dia da Liberdade",
    date(2027, 5, 1): "Dia do Trabalhador",
    date(2027, 5, 27): "Corpo de Deus",
    date(2027, 6, 10): "Dia de Portugal",
    date(2027, 6, 13): "Santo António (feriado municipal)",
}
CITIZENS = (
    "Ana Rita Cardoso",
    "Bruno Miguel Pacheco",
    "Carla Sofia Monteiro",
    "Duarte Henriques",
    "Filipa Antunes Rocha",
    "Gonçalo Batista",
    "Isabel Morais Leite",
    "José Carlos Tavares",
    "Leonor Quintela",
    "Nuno Faria Seixas",
    "Patrícia Amaral",
    "Vasco Magalhães",
)
TODAY_TARGET = 12


def _nif(rng: random.Random) -> str:
    first = str(rng.choice((1, 2))) + "".join(str(rng.randrange(10)) for _ in range(7))
    return first + str(check_digit(first))


def seed_appointments(
    session: Session,
    centre: Centre,
    services: dict[str, Service],
    reception_id: int,
    supervisor_id: int,
    now: datetime,
    rng: random.Random,
) -> None:
    supervisor = Actor(supervisor_id, "supervisora", Role.SUPERVISOR, centre.id)
    reception = Actor(reception_id, "rececao", Role.RECEPTION, centre.id)
    for prefix, (minutes, capacity) in SCHEDULES.items():
        spec = appointments.ScheduleInput(WEEKDAY_HOURS, minutes, capacity, 90, True)
        appointments.put_schedule(session, supervisor, centre.id, services[prefix].id, spec, now)
    today = local_day(centre.timezone, now)
    for day, reason in HOLIDAYS.items():
        if today <= day <= today + timedelta(days=90):
            appointments.add_closure(session, supervisor, centre.id, day, None, reason)
    # Today's remaining slots (or the next working day's, late in the evening or at weekends).
    slots = [
        slot
        for prefix in SCHEDULES
        for slot in appointments.next_free_slots(
            session, reception, services[prefix].id, from_day=today, count=4, now=now
        )
    ]
    slots.sort(key=lambda s: s.starts_at)
    for i, slot in enumerate(slots[:TODAY_TARGET]):
        channel = (Channel.VIDEO, Channel.PHONE, Channel.IN_PERSON, Channel.IN_PERSON)[i % 4]
        if i >= 8:
            channel = Channel.IN_PERSON
        name = CITIZENS[i % len(CITIZENS)]
        citizen = appointments.CitizenInput(
            name=name,
            nif=_nif(rng) if i % 3 else None,
            phone=f"9{rng.choice((1, 2, 3, 6))}{rng.randrange(10**7):07d}",
            email=f"{name.split()[0].lower()}.demo@example.org" if i % 2 else None,
        )
        booking = appointments.Booking(
            service_id=slot.service_id,
            starts_at=slot.starts_at,
            channel=channel,
            citizen=citizen,
            meeting_url=f"https://videochamada.example.org/lx-avn/{i:03d}"
            if channel is Channel.VIDEO
            else None,
        )
        appointments.book(session, reception, centre.id, booking, now)
