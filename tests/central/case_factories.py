"""Reference data and ready-made bodies for the cases tests. The six case types come with
migration 0005; incident categories and addressees are each municipality's, so tests add theirs."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy.orm import Session

from central.cases.models import Addressee, IncidentCategory

VALID_NIF = "123456789"
OTHER_NIF = "501964843"

WASTE_ATTRIBUTES: list[dict[str, Any]] = [
    {
        "code": "tipo",
        "description": "O que há para recolher?",
        "datatype": "singlevaluelist",
        "required": True,
        "order": 1,
        "values": [
            {"key": "monos", "name": "Monos (móveis, colchões)"},
            {"key": "reee", "name": "Eletrodomésticos"},
            {"key": "verdes", "name": "Resíduos verdes"},
        ],
    },
    {
        "code": "volume",
        "description": "Volume aproximado (m³)",
        "datatype": "number",
        "required": False,
        "order": 2,
    },
]


def add_case_reference(session: Session) -> None:
    categories = [
        ("iluminacao", "Iluminação pública", "Candeeiros apagados ou partidos", "Espaço público",
         []),
        ("buracos", "Buracos na via", "Buracos e pavimento degradado", "Espaço público", []),
        ("lixo", "Recolha de lixo / monos", "Monos e lixo fora do contentor", "Higiene urbana",
         WASTE_ATTRIBUTES),
        ("graffiti", "Graffiti", "Pinturas em fachadas e mobiliário urbano", "Higiene urbana", []),
    ]  # fmt: skip
    for order, (code, name, description, group, attributes) in enumerate(categories):
        session.add(
            IncidentCategory(
                code=code,
                name=name,
                description=description,
                group_name=group,
                keywords=name.lower(),
                attributes=attributes,
                sort_order=order,
                active=True,
            )
        )
    session.add(IncidentCategory(code="retired", name="Old", sort_order=99, active=False))
    for order, (code, name, office, portfolio) in enumerate(
        [
            ("presidente", "Presidente da Câmara", "Presidente da Câmara", ""),
            ("vereador_mobilidade", "Vereador da Mobilidade", "Vereador", "Mobilidade"),
        ]
    ):
        session.add(
            Addressee(code=code, name=name, office=office, portfolio=portfolio, sort_order=order)
        )
    session.flush()


def citizen(**overrides: Any) -> dict[str, Any]:
    base = {
        "name": "Maria da Conceição Silva",
        "nif": VALID_NIF,
        "email": "maria.silva@example.pt",
        "phone": "912345678",
        "postal_code": "1050-099",
        "language": "pt",
        "contact_by": "email",
    }
    return {**base, **overrides}


def body_for(kind: str, **overrides: Any) -> dict[str, Any]:
    """A valid filing body of each seeded type."""
    bodies: dict[str, dict[str, Any]] = {
        "information_request": {
            "description": "Quer saber o horário da biblioteca municipal.",
            "citizen": citizen(),
        },
        "complaint": {
            "description": "Esperou duas horas pelo atendimento do estacionamento.",
            "concerned_service": "Estacionamento e dísticos de residente",
            "citizen": citizen(),
        },
        "suggestion": {
            "description": "Propõe bancos de jardim na Praça de Londres.",
            "suggestion_scope": "public_policy",
        },
        "incident": {
            "description": "Candeeiro apagado há uma semana em frente ao número 12.",
            "category_code": "iluminacao",
            "address": "Rua Augusta 12, 1100-053 Lisboa",
            "latitude": 38.7100,
            "longitude": -9.1370,
        },
        "question_to_official": {
            "description": "Quando abre a nova ciclovia da Avenida da República?",
            "addressee_code": "vereador_mobilidade",
            "answer_may_be_public": True,
            "citizen": citizen(contact_by="phone"),
        },
        "ethics_report": {
            "description": "Um funcionário pede pagamentos para acelerar processos.",
        },
    }
    return {"type_code": kind, **bodies[kind], **overrides}


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
