"""GeoReport v2 over the cases: incident categories are the services, incident cases the
service requests. Plain dictionaries keyed as the specification names its fields.

Published per request: the service, the status (open/closed), the public status notes, the
place (address, lat, long), the dates, the media URL the client gave. Never published: the
description (a citizen dictated it at the counter and it may name people) and the citizen.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.cases import service as cases
from central.cases.inputs import CaseData, CitizenData, NewCase
from central.cases.kinds import OPEN_STATUSES, CaseKind, CaseStatus, Channel, ContactBy
from central.cases.models import Case, CaseStatusChange, CaseType, IncidentCategory
from central.config import Settings
from central.errors import DomainError
from central.reference.models import Centre
from rules.contact import email_error, normalize_phone, phone_error

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-11-23T00:00:00Z"  # when the service list or this endpoint last changed shape
DEFAULT_WINDOW_DAYS = 90
MAX_REQUESTS = 1000


class Open311Error(Exception):
    """An error in the GeoReport form: `[{"code": 400, "description": "..."}]`."""

    def __init__(self, status: int, *descriptions: str) -> None:
        super().__init__(descriptions[0] if descriptions else "")
        self.status = status
        self.descriptions = descriptions or ("error",)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


# --- discovery and services -----------------------------------------------------------------


def discovery(base_url: str) -> dict[str, Any]:
    return {
        "changeset": CHANGESET,
        "contact": "Balcão — serviço central de atendimento municipal",
        "key_service": "Chaves de API pedidas à administração do serviço (BALCAO_OPEN311_API_KEYS)",
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": base_url,
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }


def service_entry(category: IncidentCategory) -> dict[str, Any]:
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description,
        "metadata": bool(category.attributes),
        "type": "realtime",  # the request id comes back in the answer to the POST
        "keywords": category.keywords,
        "group": category.group_name,
    }


def services(session: Session) -> list[dict[str, Any]]:
    return [service_entry(c) for c in cases.active_categories(session)]


def _category(session: Session, code: str) -> IncidentCategory:
    category = session.execute(
        select(IncidentCategory).where(IncidentCategory.code == code, IncidentCategory.active)
    ).scalar_one_or_none()
    if category is None:
        raise Open311Error(404, f"service_code {code} not found")
    return category


def service_definition(session: Session, code: str) -> dict[str, Any]:
    category = _category(session, code)
    attributes = []
    for order, attribute in enumerate(category.attributes, start=1):
        attributes.append(
            {
                "variable": True,
                "code": attribute["code"],
                "datatype": attribute.get("datatype", "string"),
                "required": bool(attribute.get("required", False)),
                "datatype_description": attribute.get("datatype_description", ""),
                "order": attribute.get("order", order),
                "description": attribute.get("description", ""),
                "values": [
                    {"key": v["key"], "name": v["name"]} for v in attribute.get("values") or ()
                ],
            }
        )
    return {"service_code": category.code, "attributes": attributes}


# --- requests -------------------------------------------------------------------------------


def _request_entry(
    case: Case, category: IncidentCategory, case_type: CaseType, notes: str | None
) -> dict[str, Any]:
    return {
        "service_request_id": case.reference,
        "status": "closed" if case.status == CaseStatus.CLOSED else "open",
        "status_notes": notes,
        "service_name": category.name,
        "service_code": category.code,
        "description": None,
        "agency_responsible": case_type.service_area,
        "service_notice": None,
        "requested_datetime": _iso(case.received_at),
        "updated_datetime": _iso(case.updated_at),
        "expected_datetime": None,
        "address": case.address,
        "address_id": None,
        "zipcode": None,
        "lat": case.latitude,
        "long": case.longitude,
        "media_url": case.media_url,
    }


@dataclass(frozen=True)
class RequestFilter:
    ids: Sequence[str] = ()
    service_codes: Sequence[str] = ()
    statuses: Sequence[str] = ()
    start: datetime | None = None
    end: datetime | None = None
    centre_id: int | None = None


def requests(session: Session, flt: RequestFilter, now: datetime) -> list[dict[str, Any]]:
    query = (
        select(Case, IncidentCategory, CaseType)
        .join(IncidentCategory, IncidentCategory.id == Case.category_id)
        .join(CaseType, CaseType.id == Case.case_type_id)
        .where(Case.kind == CaseKind.INCIDENT)
    )
    if flt.ids:
        query = query.where(Case.reference.in_(list(flt.ids)))
    else:
        if flt.service_codes:
            query = query.where(IncidentCategory.code.in_(list(flt.service_codes)))
        if flt.statuses:
            wanted: set[str] = set()
            if "open" in flt.statuses:
                wanted |= {s.value for s in OPEN_STATUSES}
            if "closed" in flt.statuses:
                wanted.add(CaseStatus.CLOSED.value)
            query = query.where(Case.status.in_(sorted(wanted)))
        end = flt.end or now
        start = flt.start or end - timedelta(days=DEFAULT_WINDOW_DAYS)
        query = query.where(Case.received_at >= start, Case.received_at <= end)
    if flt.centre_id is not None:
        query = query.where(Case.centre_id == flt.centre_id)
    query = query.order_by(Case.received_at.desc(), Case.id.desc()).limit(MAX_REQUESTS)
    rows = session.execute(query).all()
    notes = _latest_notes(session, [row.Case.id for row in rows])
    return [
        _request_entry(row.Case, row.IncidentCategory, row.CaseType, notes.get(row.Case.id))
        for row in rows
    ]


def _latest_notes(session: Session, case_ids: list[int]) -> dict[int, str]:
    """The newest public note of each case (status_notes)."""
    if not case_ids:
        return {}
    rows = session.execute(
        select(CaseStatusChange.case_id, CaseStatusChange.public_note)
        .where(
            CaseStatusChange.case_id.in_(case_ids),
            CaseStatusChange.public_note.is_not(None),
        )
        .order_by(CaseStatusChange.at, CaseStatusChange.id)
    )
    return {case_id: note for case_id, note in rows if note is not None}


def request(session: Session, reference: str) -> list[dict[str, Any]]:
    found = requests(session, RequestFilter(ids=[reference]), datetime.max)
    if not found:
        raise Open311Error(404, f"service_request_id {reference} not found")
    return found


# --- posting --------------------------------------------------------------------------------


def check_api_key(settings: Settings, api_key: str | None) -> None:
    if api_key:
        if any(hmac.compare_digest(api_key, k) for k in settings.open311_api_keys):
            return
        raise Open311Error(403, "api_key is not valid")
    if not settings.open311_anonymous_post:
        raise Open311Error(403, "api_key is required")


def centre_for(session: Session, settings: Settings, jurisdiction_id: str | None) -> Centre:
    code = jurisdiction_id or settings.open311_centre_code
    if code:
        centre = session.execute(select(Centre).where(Centre.code == code)).scalar_one_or_none()
        if centre is None:
            raise Open311Error(404, f"jurisdiction_id {code} not found")
        return centre
    centres = session.execute(select(Centre).limit(2)).scalars().all()
    if len(centres) != 1:
        raise Open311Error(400, "jurisdiction_id is required")
    return centres[0]


def _float(form: Mapping[str, str], name: str, low: float, high: float) -> float | None:
    raw = form.get(name, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise Open311Error(400, f"{name}: not a number") from None
    if not low <= value <= high:
        raise Open311Error(400, f"{name}: out of range")
    return value


def _citizen(form: Mapping[str, str]) -> CitizenData | None:
    parts = (form.get("first_name", "").strip(), form.get("last_name", "").strip())
    name = " ".join(p for p in parts if p)
    email = form.get("email", "").strip().lower() or None
    phone = normalize_phone(form.get("phone", "")) or None
    problems = []
    if email and (code := email_error(email)):
        problems.append(f"email: {code}")
    if phone and (code := phone_error(phone)):
        problems.append(f"phone: {code}")
    if problems:
        raise Open311Error(400, *problems)
    if not (name or email or phone):
        return None
    contact = ContactBy.EMAIL if email else ContactBy.PHONE if phone else ContactBy.NONE
    return CitizenData(name=name[:200] or None, email=email, phone=phone, contact_by=contact)


def new_request(form: Mapping[str, str], attributes: dict[str, str], type_code: str) -> NewCase:
    if not form.get("service_code"):
        raise Open311Error(400, "service_code is required")
    lat = _float(form, "lat", -90, 90)
    long = _float(form, "long", -180, 180)
    address = form.get("address_string", "").strip()
    if (lat is None or long is None) and not address:
        raise Open311Error(400, "a location is required: lat and long, or address_string")
    description = form.get("description", "").strip()
    if not description:
        raise Open311Error(400, "description is required")
    media_url = form.get("media_url", "").strip() or None
    if media_url and (len(media_url) > 500 or not media_url.startswith(("https://", "http://"))):
        raise Open311Error(400, "media_url: not an http(s) URL of at most 500 characters")
    data = CaseData(
        description=description[:4000],
        category_code=form["service_code"],
        # The place is required on every incident: the coordinates stand in for an address.
        address=address[:300] or f"{lat:.6f}, {long:.6f}",
        latitude=lat,
        longitude=long,
        attributes=attributes or None,
        media_url=media_url,
        citizen=_citizen(form),
    )
    return NewCase(type_code=type_code, data=data)


def incident_type(session: Session) -> str:
    code = session.execute(
        select(CaseType.code)
        .where(CaseType.kind == CaseKind.INCIDENT, CaseType.active)
        .order_by(CaseType.sort_order, CaseType.id)
        .limit(1)
    ).scalar_one_or_none()
    if code is None:
        raise Open311Error(400, "incident reports are not accepted here")
    return code


def post_request(
    session: Session,
    settings: Settings,
    form: Mapping[str, str],
    attributes: dict[str, str],
    now: datetime,
) -> list[dict[str, Any]]:
    check_api_key(settings, form.get("api_key"))
    centre = centre_for(session, settings, form.get("jurisdiction_id"))
    if form.get("service_code"):
        _category(session, form["service_code"])  # 404 for a service that does not exist
    new = new_request(form, attributes, incident_type(session))
    try:
        filed = cases.file_case(session, None, centre.id, new, now, channel=Channel.OPEN311)
    except DomainError as exc:
        raise Open311Error(400, *_describe(exc)) from None
    return [
        {
            "service_request_id": filed.case.reference,
            "service_notice": "Registado. Acompanhe pelo número de referência.",
            "account_id": None,
        }
    ]


def _describe(exc: DomainError) -> list[str]:
    fields = exc.details.get("fields") if isinstance(exc.details, dict) else None
    if not fields:
        return [exc.code]
    described = []
    for f in fields:
        loc = [p for p in f["loc"] if p != "body"]
        name = {"category_code": "service_code", "attributes": "attribute"}.get(loc[0], loc[0])
        described.append(f"{'.'.join([name, *loc[1:]])}: {f['type']}")
    return described
