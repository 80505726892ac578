"""Case commands and reads. Each runs inside the caller's transaction and never commits.

Who sees what: ethics reports only the ethics officers of their centre; every other case the
centre's staff (admins: every centre). Anyone else gets 404 `case.not_found`, as if the case did
not exist. Every read of a whole case, of an attachment or of a search hit with a citizen's name
is recorded in the read log, in the transaction that answers it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import groupby
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.auth.actor import Actor
from central.auth.roles import Role
from central.cases import audit, references
from central.cases.attachments import CheckedFile
from central.cases.inputs import CaseData, CitizenData, NewCase
from central.cases.kinds import (
    OPEN_STATUSES,
    CaseKind,
    CaseStatus,
    Channel,
    CitizenPolicy,
    ReadAccess,
    can_move,
)
from central.cases.models import (
    Addressee,
    Case,
    CaseAttachment,
    CaseAttachmentContent,
    CaseCitizen,
    CaseNote,
    CaseStatusChange,
    CaseType,
    IncidentCategory,
)
from central.cases.similarity import distance_m, name_key, text_score
from central.cases.validation import FieldError, Lookups, case_errors
from central.errors import Conflict, Invalid, NotFound, PreconditionFailed
from central.events.service import emit
from central.reference.models import Centre, Counter, Service
from central.tickets.models import Ticket

ETHICS = CaseKind.ETHICS_REPORT


class VersionMismatch(PreconditionFailed):
    def __init__(self, case: Case, your_version: int) -> None:
        super().__init__(
            "case.version_mismatch",
            "The case was changed by someone else since you read it.",
            details={
                "reference": case.reference,
                "your_version": your_version,
                "current_version": case.version,
            },
        )
        self.reference = case.reference


def invalid_fields(errors: list[FieldError]) -> Invalid:
    # The same shape as any request validation error: locations and codes, never values.
    return Invalid("validation.failed", "The request is not valid.", details={"fields": errors})


def _not_found(reference: str) -> NotFound:
    return NotFound("case.not_found", "No such case.", details={"reference": reference})


# --- reference data -------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceData:
    case_types: list[CaseType]
    incident_categories: list[IncidentCategory]
    addressees: list[Addressee]


def reference_data(session: Session) -> ReferenceData:
    return ReferenceData(
        case_types=list(
            session.execute(
                select(CaseType).where(CaseType.active).order_by(CaseType.sort_order, CaseType.id)
            ).scalars()
        ),
        incident_categories=active_categories(session),
        addressees=list(
            session.execute(
                select(Addressee)
                .where(Addressee.active)
                .order_by(Addressee.sort_order, Addressee.id)
            ).scalars()
        ),
    )


def active_categories(session: Session) -> list[IncidentCategory]:
    return list(
        session.execute(
            select(IncidentCategory)
            .where(IncidentCategory.active)
            .order_by(IncidentCategory.sort_order, IncidentCategory.id)
        ).scalars()
    )


_LOOKUPS = "balcao.cases.lookups"  # in `session.info`: reference rows already read


def remember_lookups(session: Session) -> None:
    """Read each case type, category and addressee once in this session's transaction
    (a batch of filings names the same few again and again)."""
    session.info[_LOOKUPS] = {}


def _by_code(session: Session, model: Any, code: str | None) -> Any:
    if code is None or not code.strip():
        return None
    known: dict[tuple[Any, str], Any] | None = session.info.get(_LOOKUPS)
    if known is not None and (model, code.strip()) in known:
        return known[(model, code.strip())]
    found = session.execute(
        select(model).where(model.code == code.strip(), model.active)
    ).scalar_one_or_none()
    if known is not None:
        known[(model, code.strip())] = found
    return found


# --- visibility -----------------------------------------------------------------------------


def may_see(actor: Actor, case: Case) -> bool:
    if case.kind == ETHICS:
        return actor.role is Role.ETHICS_OFFICER and actor.centre_id == case.centre_id
    if actor.role is Role.ETHICS_OFFICER:
        return False
    return actor.role is Role.ADMIN or actor.centre_id == case.centre_id


def _visible(session: Session, actor: Actor, reference: str, *, lock: bool = False) -> Case:
    query = select(Case).where(Case.reference == reference)
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    case = session.execute(query).scalar_one_or_none()
    if case is None:
        raise _not_found(reference)
    if not may_see(actor, case):
        if case.kind != ETHICS and actor.role is not Role.ETHICS_OFFICER:
            actor.ensure_centre(case.centre_id)  # 403 auth.wrong_centre, as for other resources
        raise _not_found(reference)
    return case


# --- filing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filed:
    case: Case
    case_type: CaseType
    # Ethics reports filed without a code of the desktop's: shown once, never stored in clear.
    follow_up_code: str | None


def _lookups(session: Session, data: CaseData) -> tuple[Lookups, Any, Any]:
    category = _by_code(session, IncidentCategory, data.category_code)
    addressee = _by_code(session, Addressee, data.addressee_code)
    lookups = Lookups(
        category_found=category is not None or not (data.category_code or "").strip(),
        category_attributes=category.attributes if category is not None else (),
        addressee_found=addressee is not None or not (data.addressee_code or "").strip(),
    )
    return lookups, category, addressee


def _check_visit(session: Session, centre_id: int, new: NewCase) -> None:
    visit = new.visit
    checks: tuple[tuple[int | None, Any, str], ...] = (
        (visit.ticket_id, Ticket, "ticket"),
        (visit.service_id, Service, "service"),
        (visit.counter_id, Counter, "counter"),
    )
    for ident, model, name in checks:
        if ident is None:
            continue
        row = session.get(model, ident)
        if row is None or row.centre_id != centre_id:
            raise NotFound(
                f"{name}.not_found",
                f"No such {name} at this centre.",
                details={f"{name}_id": ident},
            )


def _case_payload(case: Case, type_code: str) -> dict[str, Any]:
    # Events carry no free text and no citizen data.
    return {
        "case": {
            "id": case.id,
            "reference": case.reference,
            "kind": case.kind,
            "type_code": type_code,
            "status": case.status,
            "version": case.version,
        }
    }


def file_case(
    session: Session,
    actor: Actor | None,
    centre_id: int,
    new: NewCase,
    now: datetime,
    *,
    channel: Channel = Channel.COUNTER,
) -> Filed:
    """File a case: validate it for its type, give it its final reference, record `received`.

    `actor` is None for Open311 requests (no staff user behind them). The insert runs in a
    savepoint, so a clash on the provisional reference undoes this case only.
    """
    centre = _filing_centre(session, actor, centre_id)
    draft = _draft(session, actor, centre_id, new, now, channel)
    if new.provisional_reference is not None:
        _ensure_new_provisional(session, centre_id, new.provisional_reference)
    code = _numbered(draft, references.next_reference(session, centre, now))
    try:
        with session.begin_nested():
            session.add(draft.case)
            session.flush()
    except IntegrityError:
        # Another user filed the same provisional reference at the same instant.
        if new.provisional_reference is None:
            raise
        _ensure_new_provisional(session, centre_id, new.provisional_reference)
        raise
    _add_received(session, actor, draft)
    return _filed(draft, code)


def file_cases(
    session: Session, actor: Actor, centre_id: int, items: Sequence[tuple[NewCase, datetime]]
) -> list[Filed]:
    """File a batch's cases (each with its own `now`), as `file_case` would one by one but
    without its savepoints, in a few statements instead of some six a case: one reference upsert per
    year, one flush for the cases, the children flushed with the commit.

    Any refusal raises and the caller undoes the whole transaction. There is no look-up of
    the provisional references: a clash (with a filed case or within the batch) breaks the
    unique index `uq_cases_centre_provisional` and raises `IntegrityError`; the caller then
    files one case at a time with `file_case`, which words the refusal.
    """
    if not items:
        return []
    centre = _filing_centre(session, actor, centre_id)
    drafts = [_draft(session, actor, centre_id, new, now, Channel.COUNTER) for new, now in items]
    codes: list[str | None] = []
    # Numbered in item order, so the references increase as the items do. A batch sent
    # across midnight of 31 December takes numbers of both years, each from its own series.
    for _year, group in groupby(drafts, key=lambda d: references.reference_year(centre, d.now)):
        same_year = list(group)
        reserved = references.reserve(session, centre, same_year[0].now, len(same_year))
        codes += [_numbered(d, ref) for d, ref in zip(same_year, reserved, strict=True)]
    session.add_all(d.case for d in drafts)
    # One INSERT … RETURNING for the batch (SQLAlchemy's "insertmanyvalues"): the children
    # need the cases' ids. The children themselves are flushed together at the commit.
    session.flush()
    for draft in drafts:
        _add_received(session, actor, draft)
    return [_filed(d, code) for d, code in zip(drafts, codes, strict=True)]


@dataclass(frozen=True)
class _Draft:
    """A case checked for its type and built, not yet numbered nor stored."""

    case: Case
    case_type: CaseType
    new: NewCase
    now: datetime

    @property
    def ethics(self) -> bool:
        return self.case.kind == ETHICS


def _filing_centre(session: Session, actor: Actor | None, centre_id: int) -> Centre:
    if actor is not None:
        actor.ensure_centre(centre_id)
    centre = session.get(Centre, centre_id)
    if centre is None:
        raise NotFound("centre.not_found", "No such centre.", details={"centre_id": centre_id})
    return centre


def _draft(
    session: Session,
    actor: Actor | None,
    centre_id: int,
    new: NewCase,
    now: datetime,
    channel: Channel,
) -> _Draft:
    """Check the case for its type (raises the refusal) and build its row."""
    case_type = _by_code(session, CaseType, new.type_code)
    if case_type is None:
        raise invalid_fields([{"loc": ["body", "type_code"], "type": "case.unknown_type"}])
    kind = CaseKind(case_type.kind)
    policy = CitizenPolicy.FORBIDDEN if kind is ETHICS else CitizenPolicy(case_type.citizen_policy)
    data = new.data
    lookups, category, addressee = _lookups(session, data)
    errors = case_errors(kind, policy, data, lookups)
    if new.follow_up_code is not None and kind is not ETHICS:
        errors.append({"loc": ["body", "follow_up_code"], "type": "case.field_not_allowed"})
    if errors:
        raise invalid_fields(errors)
    ethics = kind is ETHICS
    if not ethics:
        _check_visit(session, centre_id, new)
    case = Case(
        centre_id=centre_id,
        provisional_reference=new.provisional_reference,
        case_type_id=case_type.id,
        kind=kind.value,
        channel=channel.value,
        status=CaseStatus.RECEIVED.value,
        received_at=now,
        updated_at=now,
        legal_basis=case_type.legal_basis,
        retention_class=case_type.retention_class,
        retention_years=case_type.retention_years,
        version=1,
    )
    _apply_data(case, data, category, addressee)
    if not ethics:
        # An ethics report keeps no link to the visit: a ticket, a counter or an attendant and
        # a time could point at the person who reported.
        case.ticket_id = new.visit.ticket_id
        case.service_id = new.visit.service_id
        case.counter_id = new.visit.counter_id
        case.attendant_id = actor.user_id if actor is not None else None
        case.entered_at = new.entered_at
    return _Draft(case, case_type, new, now)


def _numbered(draft: _Draft, reference: str) -> str | None:
    """Give the case its reference; an ethics report also its follow-up code (returned)."""
    draft.case.reference = reference
    if not draft.ethics:
        return None
    code = draft.new.follow_up_code or references.new_follow_up_code()
    draft.case.follow_up_hash = references.hash_follow_up_code(reference, code)
    return code


def _add_received(session: Session, actor: Actor | None, draft: _Draft) -> None:
    """What goes with a stored case: its citizen, its `received` status, its event."""
    case, citizen = draft.case, draft.new.data.citizen
    if not draft.ethics and citizen is not None and not citizen.is_empty():
        session.add(_citizen_row(case.id, citizen))
    session.add(
        CaseStatusChange(
            case_id=case.id,
            status=case.status,
            at=draft.now,
            user_id=None if draft.ethics or actor is None else actor.user_id,
        )
    )
    if not draft.ethics:
        emit(
            session,
            case.centre_id,
            "case.received",
            _case_payload(case, draft.case_type.code),
            draft.now,
        )


def _filed(draft: _Draft, code: str | None) -> Filed:
    # A code the desktop made is the desktop's to show: it is not sent back.
    return Filed(draft.case, draft.case_type, code if draft.new.follow_up_code is None else None)


def _ensure_new_provisional(session: Session, centre_id: int, provisional: str) -> None:
    existing = session.execute(
        select(Case.reference).where(
            Case.centre_id == centre_id, Case.provisional_reference == provisional
        )
    ).scalar_one_or_none()
    if existing is not None:
        raise Conflict(
            "case.provisional_reference_taken",
            "A case with this provisional reference was already filed.",
            details={"provisional_reference": provisional, "reference": existing},
        )


def _citizen_row(case_id: int, citizen: CitizenData) -> CaseCitizen:
    return CaseCitizen(
        case_id=case_id,
        name=citizen.name,
        name_key=name_key(citizen.name) if citizen.name else None,
        nif=citizen.nif,
        email=citizen.email,
        phone=citizen.phone,
        postal_code=citizen.postal_code,
        postal_address=citizen.postal_address,
        language=citizen.language,
        contact_by=citizen.contact_by,
    )


def _apply_data(
    case: Case, data: CaseData, category: IncidentCategory | None, addressee: Addressee | None
) -> None:
    case.subject = data.subject
    case.description = data.description
    case.category_id = category.id if category is not None else None
    case.address = data.address
    case.latitude = data.latitude
    case.longitude = data.longitude
    case.attributes = data.attributes or None
    case.media_url = data.media_url
    case.addressee_id = addressee.id if addressee is not None else None
    case.answer_may_be_public = data.answer_may_be_public
    case.concerned_service = data.concerned_service
    case.suggestion_scope = data.suggestion_scope


# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseView:
    case: Case
    case_type: CaseType
    category: IncidentCategory | None
    addressee: Addressee | None
    citizen: CaseCitizen | None
    notes: list[CaseNote]
    attachments: list[CaseAttachment]


def load_view(session: Session, case: Case) -> CaseView:
    def rows(model: Any, order: Any) -> list[Any]:
        return list(
            session.execute(select(model).where(model.case_id == case.id).order_by(order)).scalars()
        )

    return CaseView(
        case=case,
        case_type=session.get_one(CaseType, case.case_type_id),
        category=session.get(IncidentCategory, case.category_id) if case.category_id else None,
        addressee=session.get(Addressee, case.addressee_id) if case.addressee_id else None,
        citizen=session.get(CaseCitizen, case.id),
        notes=rows(CaseNote, CaseNote.id),
        attachments=rows(CaseAttachment, CaseAttachment.id),
    )


def read_case(
    session: Session,
    actor: Actor,
    reference: str,
    purpose: str,
    now: datetime,
    access: ReadAccess = ReadAccess.CASE,
) -> CaseView:
    case = _visible(session, actor, reference)
    audit.record(session, actor, [case.id], purpose, access, now)
    return load_view(session, case)


def history(session: Session, actor: Actor, reference: str) -> list[CaseStatusChange]:
    case = _visible(session, actor, reference)
    return _history(session, case.id)


def _history(session: Session, case_id: int) -> list[CaseStatusChange]:
    return list(
        session.execute(
            select(CaseStatusChange)
            .where(CaseStatusChange.case_id == case_id)
            .order_by(CaseStatusChange.at, CaseStatusChange.id)
        ).scalars()
    )


@dataclass(frozen=True)
class CaseBrief:
    """A case without any personal data or free text: safe to list without a read record."""

    case: Case
    type_code: str
    citizen_name: str | None = None


def list_cases(
    session: Session,
    actor: Actor,
    centre_id: int,
    *,
    status: str | None,
    type_code: str | None,
    limit: int,
    offset: int,
) -> list[CaseBrief]:
    actor.ensure_centre(centre_id)
    query = (
        select(Case, CaseType.code)
        .join(CaseType, CaseType.id == Case.case_type_id)
        .where(Case.centre_id == centre_id)
    )
    # The ethics officer's inbox holds the ethics reports, and everyone else's never does.
    if actor.role is Role.ETHICS_OFFICER:
        query = query.where(Case.kind == ETHICS)
    else:
        query = query.where(Case.kind != ETHICS)
    if status:
        query = query.where(Case.status == status)
    if type_code:
        query = query.where(CaseType.code == type_code)
    query = query.order_by(Case.received_at.desc(), Case.id.desc()).limit(limit).offset(offset)
    return [CaseBrief(row.Case, row.code) for row in session.execute(query)]


def search(
    session: Session,
    actor: Actor,
    *,
    reference: str | None,
    nif: str | None,
    name: str | None,
    purpose: str,
    limit: int,
    now: datetime,
) -> list[CaseBrief]:
    """Cases by reference (final or provisional), the citizen's NIF or name. Every hit shows
    the citizen's name, so every hit is recorded in the read log."""
    query = (
        select(Case, CaseType.code, CaseCitizen.name)
        .join(CaseType, CaseType.id == Case.case_type_id)
        .outerjoin(CaseCitizen, CaseCitizen.case_id == Case.id)
    )
    if reference:
        ref = reference.strip()
        query = query.where((Case.reference == ref) | (Case.provisional_reference == ref))
    if nif:
        query = query.where(CaseCitizen.nif == nif)
    if name is not None:
        words = name_key(name).split()
        if not words:
            return []
        query = query.where(
            and_(*(CaseCitizen.name_key.like(f"%{_escape_like(w)}%", escape="\\") for w in words))
        )
    if actor.role is Role.ETHICS_OFFICER:
        query = query.where(Case.kind == ETHICS, Case.centre_id == actor.centre_id)
    else:
        query = query.where(Case.kind != ETHICS)
        if actor.role is not Role.ADMIN:
            query = query.where(Case.centre_id == actor.centre_id)
    query = query.order_by(Case.received_at.desc(), Case.id.desc()).limit(limit)
    found = [CaseBrief(row.Case, row.code, row.name) for row in session.execute(query)]
    audit.record(session, actor, [f.case.id for f in found], purpose, ReadAccess.SEARCH, now)
    return found


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def citizen_read_log(
    session: Session, actor: Actor, nif: str, purpose: str, now: datetime
) -> list[audit.ReadEntry]:
    """Every read of the cases of one citizen; this look itself is recorded afterwards."""
    entries = audit.citizen_reads(session, actor, nif)
    audit.record(
        session,
        actor,
        audit.citizen_case_ids(session, actor, nif),
        purpose,
        ReadAccess.READ_LOG,
        now,
    )
    return entries


# --- changing -------------------------------------------------------------------------------


def _lock_for_change(session: Session, actor: Actor, reference: str, if_match: int) -> Case:
    case = _visible(session, actor, reference, lock=True)
    _ensure_not_erased(case)
    if case.version != if_match:
        raise VersionMismatch(case, if_match)
    return case


def _ensure_not_erased(case: Case) -> None:
    """A case whose personal data the retention job erased is a record only: reopening it or
    adding to it would start keeping data again under a retention already spent."""
    if case.erased_at is not None:
        raise Conflict(
            "case.erased",
            "The personal data of this case was erased; it can no longer change.",
            details={"reference": case.reference},
        )


def _touched(session: Session, case: Case, now: datetime) -> None:
    case.version += 1
    case.updated_at = now


def current_data(view: CaseView) -> CaseData:
    case, citizen = view.case, view.citizen
    return CaseData(
        description=case.description,
        subject=case.subject,
        citizen=None
        if citizen is None
        else CitizenData(
            name=citizen.name,
            nif=citizen.nif,
            email=citizen.email,
            phone=citizen.phone,
            postal_code=citizen.postal_code,
            postal_address=citizen.postal_address,
            language=citizen.language,
            contact_by=citizen.contact_by,
        ),
        category_code=view.category.code if view.category else None,
        address=case.address,
        latitude=case.latitude,
        longitude=case.longitude,
        attributes=case.attributes,
        addressee_code=view.addressee.code if view.addressee else None,
        answer_may_be_public=case.answer_may_be_public,
        concerned_service=case.concerned_service,
        suggestion_scope=case.suggestion_scope,
        media_url=case.media_url,
    )


def update_case(
    session: Session,
    actor: Actor,
    reference: str,
    if_match: int,
    changes: dict[str, Any],
    now: datetime,
) -> Case:
    """Change some fields (those in `changes`; `citizen` replaces the whole block) and check
    the case again as if it were filed so."""
    case = _lock_for_change(session, actor, reference, if_match)
    if case.status == CaseStatus.CLOSED:
        raise Conflict(
            "case.closed", "Reopen the case before changing it.", details={"reference": reference}
        )
    view = load_view(session, case)
    data = dataclasses.replace(current_data(view), **changes)
    kind = CaseKind(case.kind)
    policy = (
        CitizenPolicy.FORBIDDEN if kind is ETHICS else CitizenPolicy(view.case_type.citizen_policy)
    )
    lookups, category, addressee = _lookups(session, data)
    errors = case_errors(kind, policy, data, lookups)
    if errors:
        raise invalid_fields(errors)
    _apply_data(case, data, category, addressee)
    if "citizen" in changes:
        if view.citizen is not None:
            session.delete(view.citizen)
            session.flush()
        if data.citizen is not None and not data.citizen.is_empty():
            session.add(_citizen_row(case.id, data.citizen))
    _touched(session, case, now)
    return case


def change_status(
    session: Session,
    actor: Actor,
    reference: str,
    if_match: int,
    status: CaseStatus,
    public_note: str | None,
    now: datetime,
) -> Case:
    case = _lock_for_change(session, actor, reference, if_match)
    if not can_move(case.status, status):
        raise Conflict(
            "case.illegal_transition",
            f"A case that is {case.status} cannot become {status.value}.",
            details={"reference": reference, "status": case.status, "to": status.value},
        )
    case.status = status.value
    if status is CaseStatus.CLOSED:
        case.closed_at = now
        case.retain_until = _years_later(now, case.retention_years)
    else:
        case.closed_at = None
        case.retain_until = None
    ethics = case.kind == ETHICS
    session.add(
        CaseStatusChange(
            case_id=case.id,
            status=case.status,
            at=now,
            user_id=actor.user_id,
            public_note=public_note,
        )
    )
    _touched(session, case, now)
    if not ethics:
        type_code = session.get_one(CaseType, case.case_type_id).code
        emit(session, case.centre_id, "case.status_changed", _case_payload(case, type_code), now)
    return case


def _years_later(now: datetime, years: int) -> Any:
    day = now.date()
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_note(session: Session, actor: Actor, reference: str, text: str, now: datetime) -> CaseNote:
    case = _visible(session, actor, reference)
    _ensure_not_erased(case)
    note = CaseNote(case_id=case.id, at=now, user_id=actor.user_id, text=text)
    session.add(note)
    session.flush()
    return note


# --- attachments ----------------------------------------------------------------------------


def add_attachment(
    session: Session,
    actor: Actor,
    reference: str,
    checked: CheckedFile,
    content: bytes,
    follow_up_code: str | None,
    now: datetime,
) -> CaseAttachment:
    """Attach a checked file. To an ethics report, the ethics officer, or whoever holds its
    follow-up code (the desktop that filed it, adding the reporter's documents)."""
    case = session.execute(select(Case).where(Case.reference == reference)).scalar_one_or_none()
    if case is None:
        raise _not_found(reference)
    reporter = (
        case.kind == ETHICS
        and follow_up_code is not None
        and actor.centre_id == case.centre_id
        and references.follow_up_code_matches(reference, follow_up_code, case.follow_up_hash)
    )
    if not reporter:
        case = _visible(session, actor, reference)
    _ensure_not_erased(case)
    ethics = case.kind == ETHICS
    attachment = CaseAttachment(
        case_id=case.id,
        filename=checked.filename,
        media_type=checked.media_type,
        size=checked.size,
        sha256=checked.sha256,
        created_at=now,
        user_id=None if ethics else actor.user_id,
    )
    session.add(attachment)
    session.flush()
    session.add(CaseAttachmentContent(attachment_id=attachment.id, content=content))
    return attachment


def read_attachment(
    session: Session, actor: Actor, reference: str, attachment_id: int, purpose: str, now: datetime
) -> tuple[CaseAttachment, bytes]:
    case = _visible(session, actor, reference)
    attachment = session.get(CaseAttachment, attachment_id)
    if attachment is None or attachment.case_id != case.id:
        raise NotFound(
            "attachment.not_found",
            "No such attachment on this case.",
            details={"attachment_id": attachment_id},
        )
    content = session.get_one(CaseAttachmentContent, attachment_id).content
    audit.record(session, actor, [case.id], purpose, ReadAccess.ATTACHMENT, now)
    return attachment, content


# --- the ethics mailbox ---------------------------------------------------------------------


def ethics_follow_up(
    session: Session, reference: str, code: str
) -> tuple[Case, list[CaseStatusChange]]:
    """The status of an ethics report for whoever holds its follow-up code. A wrong code and
    an unknown reference get the same answer."""
    case = session.execute(
        select(Case).where(Case.reference == reference.strip(), Case.kind == ETHICS)
    ).scalar_one_or_none()
    if case is None or not references.follow_up_code_matches(
        case.reference, code, case.follow_up_hash
    ):
        raise NotFound("case.follow_up_not_found", "No ethics report with this reference and code.")
    return case, _history(session, case.id)


# --- duplicates -----------------------------------------------------------------------------

# How far back and how many open incidents of a category the duplicate hint looks at.
SIMILAR_WINDOW_DAYS = 180
SIMILAR_CANDIDATES = 2000
TEXT_THRESHOLD = 0.5


@dataclass(frozen=True)
class SimilarIncident:
    case: Case
    category_code: str
    distance_m: float | None
    text_score: float


def similar_incidents(
    session: Session,
    *,
    category_code: str,
    latitude: float | None,
    longitude: float | None,
    radius_m: float,
    text: str | None,
    limit: int,
    now: datetime,
) -> list[SimilarIncident]:
    """Open incidents of the category within `radius_m` of the point, or whose description
    and address share most meaningful words with `text`; nearest (then most alike) first.
    Incidents of every centre count: a pothole is the city's, not one counter's."""
    category = _by_code(session, IncidentCategory, category_code)
    if category is None:
        raise invalid_fields([{"loc": ["body", "category_code"], "type": "case.unknown_category"}])
    query = (
        select(Case)
        .where(
            Case.category_id == category.id,
            Case.kind == CaseKind.INCIDENT,
            Case.status.in_([s.value for s in OPEN_STATUSES]),
            Case.received_at >= now - timedelta(days=SIMILAR_WINDOW_DAYS),
        )
        .order_by(Case.received_at.desc())
        .limit(SIMILAR_CANDIDATES)
    )
    hits: list[SimilarIncident] = []
    for case in session.execute(query).scalars():
        distance = None
        if None not in (latitude, longitude, case.latitude, case.longitude):
            distance = distance_m(latitude, longitude, case.latitude, case.longitude)  # type: ignore[arg-type]
        score = text_score(text, f"{case.description} {case.address or ''}") if text else 0.0
        near = distance is not None and distance <= radius_m
        if near or score >= TEXT_THRESHOLD:
            hits.append(SimilarIncident(case, category.code, distance, round(score, 3)))
    hits.sort(key=lambda h: (h.distance_m is None, h.distance_m or 0.0, -h.text_score, h.case.id))
    return hits[:limit]


def type_code(session: Session, case: Case) -> str:
    return session.get_one(CaseType, case.case_type_id).code
