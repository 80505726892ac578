"""`balcao-central seed-demo`: one centre, its services, counters, staff and a day of history.

The names are realistic but invented; fees and procedures belong to the knowledge base
(`knowledge_pt.json`, seeded by `knowledge_seed.py`), not here.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.auth.models import User
from central.auth.roles import Role
from central.auth.service import create_user
from central.cases.models import Addressee, IncidentCategory
from central.demo.appointments_seed import seed_appointments
from central.demo.knowledge_seed import seed_knowledge
from central.reference.models import Centre, Counter, CounterService, Service
from central.tickets.models import DailySequence, Ticket
from central.tickets.transitions import Outcome, Status

DEMO_PASSWORD = "balcao-demo"  # noqa: S105 - published demo credential, seeded on demand only
CENTRE_CODE = "LX-AVN"


@dataclass(frozen=True)
class DemoService:
    prefix: str
    code: str
    name: str
    target_wait: int
    share: float  # share of the day's arrivals
    mean_service_minutes: float


SERVICES = (
    DemoService("A", "ATG", "Atendimento geral e informações", 15, 0.24, 6),
    DemoService("B", "URB", "Urbanismo e obras particulares", 30, 0.10, 18),
    DemoService("C", "HAB", "Habitação municipal", 30, 0.10, 16),
    DemoService("D", "EST", "Estacionamento e dísticos de residente", 20, 0.14, 8),
    DemoService("E", "TAX", "Taxas, licenças e pagamentos", 20, 0.14, 9),
    DemoService("F", "SOC", "Ação social e apoio ao munícipe", 30, 0.08, 20),
    DemoService("G", "ESP", "Espaço público, higiene urbana e ocorrências", 20, 0.10, 10),
    DemoService("H", "REG", "Certidões, atestados e recenseamento", 15, 0.10, 7),
)

# Counter number -> {service prefix: weight}. Generalists help where queues grow.
COUNTERS: dict[int, dict[str, float]] = {
    1: {"A": 1.0, "H": 0.6, "D": 0.3},
    2: {"A": 1.0, "H": 0.6},
    3: {"A": 1.0, "E": 0.5},
    4: {"D": 1.0, "E": 0.6},
    5: {"E": 1.0, "D": 0.6},
    6: {"B": 1.0},
    7: {"B": 1.0, "G": 0.4},
    8: {"C": 1.0, "F": 0.5},
    9: {"F": 1.0, "C": 0.5},
    10: {"G": 1.0, "A": 0.4, "H": 0.4},
}

STAFF = (
    ("admin", "Administração Balcão", Role.ADMIN),
    ("supervisora", "Teresa Marques", Role.SUPERVISOR),
    ("rececao", "Joana Ferreira", Role.RECEPTION),
    ("atendente1", "Rui Carvalho", Role.ATTENDANT),
    ("atendente2", "Inês Almeida", Role.ATTENDANT),
    ("atendente3", "Miguel Sousa", Role.ATTENDANT),
    ("atendente4", "Catarina Lopes", Role.ATTENDANT),
    ("atendente5", "Pedro Nogueira", Role.ATTENDANT),
    ("atendente6", "Sofia Ribeiro", Role.ATTENDANT),
    ("atendente7", "Tiago Fonseca", Role.ATTENDANT),
    ("atendente8", "Marta Pinto", Role.ATTENDANT),
    ("atendente9", "Hugo Teixeira", Role.ATTENDANT),
    ("atendente10", "Beatriz Correia", Role.ATTENDANT),
    ("etica", "Helena Vasconcelos", Role.ETHICS_OFFICER),
    ("conteudos", "Luísa Barros", Role.KNOWLEDGE_EDITOR),
)

# Incident categories (also the Open311 services): code, name, description, group, keywords.
INCIDENT_CATEGORIES = (
    ("iluminacao", "Iluminação pública", "Candeeiros apagados, intermitentes ou danificados.",
     "Espaço público", "candeeiro, luz, poste, apagado"),
    ("buracos", "Buracos na via", "Buracos, abatimentos e pavimento degradado na estrada.",
     "Espaço público", "buraco, pavimento, estrada, calçada"),
    ("calcada", "Calçada danificada", "Pedras soltas ou em falta no passeio.",
     "Espaço público", "calçada, passeio, pedra"),
    ("lixo", "Recolha de lixo / monos", "Monos, contentores cheios, lixo fora do contentor.",
     "Higiene urbana", "lixo, monos, contentor, entulho"),
    ("arvores", "Árvores e espaços verdes", "Árvores em risco, ramos caídos, rega, jardins.",
     "Espaços verdes", "árvore, ramo, jardim, relva"),
    ("sinalizacao", "Sinalização", "Sinais de trânsito caídos, semáforos avariados.",
     "Mobilidade", "sinal, semáforo, passadeira"),
    ("graffiti", "Graffiti", "Pinturas não autorizadas em fachadas e mobiliário urbano.",
     "Higiene urbana", "graffiti, pintura, fachada"),
)  # fmt: skip
WASTE_QUESTIONS = [
    {
        "code": "tipo",
        "description": "O que há para recolher?",
        "datatype": "singlevaluelist",
        "datatype_description": "Escolha um",
        "required": True,
        "order": 1,
        "values": [
            {"key": "monos", "name": "Monos (móveis, colchões)"},
            {"key": "reee", "name": "Eletrodomésticos"},
            {"key": "verdes", "name": "Resíduos verdes"},
            {"key": "entulho", "name": "Entulho de obras"},
        ],
    }
]
LIGHTING_QUESTIONS = [
    {
        "code": "poste",
        "description": "Número do poste (placa metálica), se visível",
        "datatype": "string",
        "datatype_description": "",
        "required": False,
        "order": 1,
    }
]
# Elected officials a question may be addressed to: offices, not people (people change).
ADDRESSEES = (
    ("presidente", "Presidente da Câmara Municipal de Lisboa", "Presidente da Câmara",
     "Coordenação geral, Relações Internacionais"),
    ("vereacao_urbanismo", "Vereação do Urbanismo", "Vereador(a)",
     "Urbanismo, Planeamento, Obras Municipais"),
    ("vereacao_mobilidade", "Vereação da Mobilidade", "Vereador(a)",
     "Mobilidade, Segurança Rodoviária, Estacionamento"),
    ("vereacao_higiene", "Vereação da Higiene Urbana", "Vereador(a)",
     "Higiene Urbana, Espaço Público, Espaços Verdes"),
    ("vereacao_social", "Vereação dos Direitos Sociais", "Vereador(a)",
     "Direitos Sociais, Habitação, Saúde"),
    ("vereacao_cultura", "Vereação da Cultura", "Vereador(a)",
     "Cultura, Bibliotecas, Juventude"),
)  # fmt: skip

OPENING_HOURS = {day: [["08:30", "19:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}
POLICY = {
    "appointment_early_minutes": 5,
    "anti_starvation_after": 3,
    "anti_starvation_wait_minutes": 25,
}


def seed_demo(session: Session, now: datetime, *, history_seed: int = 7) -> Centre:
    """Create the demo centre (idempotent: an existing one is returned untouched)."""
    existing = session.execute(
        select(Centre).where(Centre.code == CENTRE_CODE)
    ).scalar_one_or_none()
    if existing is not None:
        return existing
    centre = Centre(
        code=CENTRE_CODE,
        name="Loja do Munícipe — Avenidas Novas",
        timezone="Europe/Lisbon",
        opening_hours=OPENING_HOURS,
        policy=POLICY,
        updated_at=now,
    )
    session.add(centre)
    session.flush()
    services = {}
    for spec in SERVICES:
        service = Service(
            centre_id=centre.id,
            code=spec.code,
            name=spec.name,
            prefix=spec.prefix,
            target_wait_minutes=spec.target_wait,
            priority_allowed=True,
            active=True,
        )
        session.add(service)
        services[spec.prefix] = service
    session.flush()
    for number, weights in COUNTERS.items():
        counter = Counter(
            centre_id=centre.id,
            number=number,
            name=f"Balcão {number}",
            state="closed",
            priority_streak=0,
            state_since=now,
        )
        counter.service_links = [
            CounterService(service_id=services[p].id, weight=w) for p, w in weights.items()
        ]
        session.add(counter)
    editor_id = 0
    for username, full_name, role in STAFF:
        user = create_user(
            session,
            username=username,
            full_name=full_name,
            password=DEMO_PASSWORD,
            role=role,
            centre_id=None if role is Role.ADMIN else centre.id,
            now=now,
        )
        if role is Role.KNOWLEDGE_EDITOR:
            editor_id = user.id
    session.flush()
    seed_case_reference(session)
    seed_knowledge(session, editor_id, now)
    _history(session, centre, services, now, random.Random(history_seed))
    staff_ids = dict(
        session.execute(select(User.username, User.id).where(User.centre_id == centre.id)).all()
    )
    seed_appointments(session, centre, services, staff_ids["rececao"], staff_ids["supervisora"],
                      now, random.Random(history_seed))  # fmt: skip
    return centre


def seed_case_reference(session: Session) -> None:
    """Lisbon's incident categories and addressees (the case types come with migration 0005).
    Shared by every centre; added only where there are none yet."""
    if session.execute(select(IncidentCategory.id).limit(1)).first() is None:
        questions = {"lixo": WASTE_QUESTIONS, "iluminacao": LIGHTING_QUESTIONS}
        for order, (code, name, description, group, keywords) in enumerate(INCIDENT_CATEGORIES):
            session.add(
                IncidentCategory(
                    code=code,
                    name=name,
                    description=description,
                    group_name=group,
                    keywords=keywords,
                    attributes=questions.get(code, []),
                    sort_order=order * 10,
                    active=True,
                )
            )
    if session.execute(select(Addressee.id).limit(1)).first() is None:
        for order, (code, name, office, portfolio) in enumerate(ADDRESSEES):
            session.add(
                Addressee(
                    code=code,
                    name=name,
                    office=office,
                    portfolio=portfolio,
                    sort_order=order * 10,
                    active=True,
                )
            )
    session.flush()


def _history(
    session: Session,
    centre: Centre,
    services: dict[str, Service],
    now: datetime,
    rng: random.Random,
) -> None:
    """Yesterday's finished tickets, so reports and the monitor have something to show."""
    tz = ZoneInfo(centre.timezone)
    day = (now.astimezone(tz) - timedelta(days=1)).date()
    opening = datetime.combine(day, time(8, 30), tz)
    attendants = (
        session.execute(select(User.id).where(User.role == Role.ATTENDANT).order_by(User.id))
        .scalars()
        .all()
    )
    counters = (
        session.execute(
            select(Counter.id).where(Counter.centre_id == centre.id).order_by(Counter.number)
        )
        .scalars()
        .all()
    )
    outcomes = [o.value for o in Outcome]
    for spec in SERVICES:
        service = services[spec.prefix]
        count = int(320 * spec.share)
        for seq in range(1, count + 1):
            issued = opening + timedelta(minutes=rng.uniform(0, 600))
            called = issued + timedelta(minutes=rng.expovariate(1 / (spec.target_wait * 0.7)))
            finished = called + timedelta(minutes=rng.expovariate(1 / spec.mean_service_minutes))
            slot = rng.randrange(len(counters))
            no_show = rng.random() < 0.04
            session.add(
                Ticket(
                    centre_id=centre.id,
                    service_id=service.id,
                    issued_service_id=service.id,
                    service_day=day,
                    seq=seq,
                    number=f"{spec.prefix}{seq:03d}",
                    status=Status.NO_SHOW if no_show else Status.DONE,
                    priority="elderly" if rng.random() < 0.08 else "none",
                    issued_at=issued,
                    queued_at=issued,
                    front=False,
                    counter_id=counters[slot],
                    attendant_id=attendants[slot % len(attendants)],
                    called_at=called,
                    started_at=None if no_show else called + timedelta(seconds=40),
                    finished_at=finished,
                    call_count=1,
                    transfer_count=0,
                    outcome=None if no_show else rng.choice(outcomes),
                    version=3,
                )
            )
        session.add(DailySequence(service_id=service.id, service_day=day, last_seq=count))
