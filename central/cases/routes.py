"""Cases routes: filing from the desktop's outbox, lookup with a recorded purpose, edits with
If-Match, status, notes, attachments, the ethics follow-up, the read log, duplicate hints."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any
from urllib.parse import quote, unquote

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from central.auth.actor import Actor
from central.auth.roles import CASE_ROLES, CENTRE_STAFF, MANAGERS
from central.cases import attachments, service
from central.cases.inputs import NewCase
from central.cases.kinds import ReadAccess, ReadPurpose
from central.cases.schemas import (
    AttachmentRead,
    CaseBatch,
    CaseBatchAnswer,
    CaseBatchItem,
    CaseBatchResult,
    CaseCreate,
    CaseDetail,
    CaseFound,
    CaseReceipt,
    CaseReferenceRead,
    CaseSearch,
    CaseSummary,
    CaseUpdate,
    CitizenReadsQuery,
    FiledReceipt,
    FollowUpQuery,
    FollowUpRead,
    NoteCreate,
    NoteReceipt,
    ReadLogEntry,
    SimilarIncidentRead,
    SimilarQuery,
    StatusChange,
    StatusChangePublic,
    StatusChangeRead,
)
from central.context import AppContext
from central.deps import Command, Context, ReadSession, command, require
from central.errors import DomainError, Invalid, error_body, version_from_if_match
from central.idempotency import service as idempotency
from central.idempotency.models import IdempotencyRecord
from rules.attachments import JPEG, PDF, PNG

router = APIRouter(tags=["cases"])

# The staff and ethics officers may reach the case routes; which cases they see is the
# service's rule (ethics reports: the ethics officers only; every other case: the centre's staff).
Reader = Annotated[Actor, Depends(require(CASE_ROLES))]
Writer = Annotated[Command, Depends(command(CASE_ROLES))]
Filer = Annotated[Command, Depends(command(CENTRE_STAFF))]
Staff = Annotated[Actor, Depends(require(CENTRE_STAFF))]
Manager = Annotated[Actor, Depends(require(MANAGERS))]
Reference = Annotated[str, Path(min_length=1, max_length=40)]
Purpose = Annotated[ReadPurpose, Query(description="Why you read it; recorded in the read log.")]
IfMatch = Annotated[str | None, Header(description='The version read: `"3"` (ETag) or `3`.')]

_CASE_ERRORS: dict[int | str, dict[str, str]] = {
    404: {"description": "case.not_found (also for a case the role may not see)"},
    403: {"description": "auth.forbidden, auth.wrong_centre"},
}
_EDIT_ERRORS: dict[int | str, dict[str, str]] = {
    **_CASE_ERRORS,
    409: {"description": "case.closed, case.illegal_transition, case.erased"},
    412: {"description": "case.version_mismatch (details.current = the case as it is now)"},
    428: {"description": "case.if_match_required"},
    422: {"description": "case.if_match_invalid, validation.failed"},
}


def _version(if_match: str | None) -> int:
    return version_from_if_match(if_match, domain="case", thing="case")


def _showing_conflict(ctx: Any, actor: Actor, run: Callable[[], Response]) -> Response:
    """Run an edit; on a version mismatch, put the case as it is now in the 412's details
    (a read of the case, so it is recorded)."""
    try:
        return run()
    except service.VersionMismatch as exc:
        with ctx.db.writing() as session:
            view = service.read_case(
                session,
                actor,
                exc.reference,
                ReadPurpose.FOLLOW_UP,
                ctx.clock.now(),
                access=ReadAccess.CONFLICT,
            )
            exc.details["current"] = jsonable_encoder(CaseDetail.of(view))
        raise


# --- reference data -------------------------------------------------------------------------


@router.get("/case-reference", response_model=CaseReferenceRead)
def case_reference(session: ReadSession, actor: Reader) -> CaseReferenceRead:
    return CaseReferenceRead.of(service.reference_data(session))


# --- filing ---------------------------------------------------------------------------------


@router.post(
    "/centres/{centre_id}/cases",
    response_model=FiledReceipt,
    status_code=201,
    responses={
        404: {"description": "centre.not_found, ticket.not_found, service.not_found, "
              "counter.not_found"},
        409: {"description": "case.provisional_reference_taken (details.reference)"},
        422: {"description": "validation.failed: details.fields[].type is the rule broken"},
    },
)  # fmt: skip
def file_case(centre_id: int, body: CaseCreate, cmd: Filer) -> object:
    new = body.to_new_case()
    return cmd.run(
        body,
        lambda s, now: FiledReceipt.filed(service.file_case(s, cmd.actor, centre_id, new, now)),
        status_code=201,
    )


@router.post(
    "/centres/{centre_id}/cases/batch",
    response_model=CaseBatchAnswer,
    responses={
        422: {"description": "validation.failed: the envelope only (1-100 items, each with its "
              "key); a case that is not valid is its own item's 422"},
    },
)  # fmt: skip
def file_cases(
    centre_id: int, batch: CaseBatch, request: Request, ctx: Context, actor: Staff
) -> CaseBatchAnswer:
    """Many cases of the desktop's outbox in one request and one transaction. Each item is
    what `POST /centres/{id}/cases` with `Idempotency-Key: key` would be: the same checks,
    the same idempotency record (a key first sent alone is replayed here, and the other way
    round), the same answer, as `results[i]` in item order. One item refused leaves the
    others filed."""
    path = request.url.path.removesuffix("/batch")  # the single route's, for the fingerprint
    checked = [(item.key, _checked(item)) for item in batch.items]
    try:
        results = _file_all(ctx, actor, centre_id, path, checked)
    except (DomainError, IntegrityError, _OneByOne):
        # A case was refused (or raced a retry of itself): everything again, each case in a
        # savepoint of its own so that a refusal undoes only its own work. Refusals are rare;
        # the common batch pays for no savepoint of its own.
        results = _file_each(ctx, actor, centre_id, path, checked)
    return CaseBatchAnswer(results=results)


class _OneByOne(Exception):
    """The fast path cannot answer this batch exactly (a key twice in it)."""


Checked = list[tuple[str, CaseCreate | CaseBatchResult]]  # each key, its case or its 422


def _file_all(
    ctx: AppContext, actor: Actor, centre_id: int, path: str, checked: Checked
) -> list[CaseBatchResult]:
    """The batch in one transaction with no savepoint per case: any refusal raises and
    undoes it all (then `_file_each`). The recorded answers are read in one query, and the
    new cases filed together (`service.file_cases`: a few statements for the batch)."""
    keys = [key for key, _ in checked]
    if len(set(keys)) != len(keys):
        raise _OneByOne
    answers: dict[int, CaseBatchResult] = {}
    to_file: list[_ToFile] = []
    with ctx.db.write_session() as session, session.begin():
        service.remember_lookups(session)
        stored = _recorded(session, actor.user_id, keys)
        for index, (key, body) in enumerate(checked):
            if isinstance(body, CaseBatchResult):
                answers[index] = body
                continue
            request_hash = idempotency.fingerprint(path, jsonable_encoder(body))
            record = stored.get(key)
            if record is not None:
                if record.request_hash != request_hash:
                    raise _OneByOne  # the single route's refusal, worded there
                answers[index] = _replayed(key, record.status_code, record.response)
                continue
            to_file.append(_ToFile(index, key, request_hash, body.to_new_case(), ctx.clock.now()))
        filed = service.file_cases(session, actor, centre_id, [(f.new, f.now) for f in to_file])
        for item, case in zip(to_file, filed, strict=True):
            answer = jsonable_encoder(FiledReceipt.filed(case))
            idempotency.remember(
                session, actor.user_id, item.key, item.request_hash, 201, answer, item.now
            )
            answers[item.index] = CaseBatchResult(key=item.key, status=201, body=answer)
    return [answers[index] for index in range(len(checked))]


@dataclass(frozen=True)
class _ToFile:
    """An item of the fast path that is new: where its answer goes, and what it files."""

    index: int
    key: str
    request_hash: str
    new: NewCase
    now: datetime


def _recorded(session: Session, user_id: int, keys: list[str]) -> dict[str, IdempotencyRecord]:
    """The answers recorded under these keys, in one query instead of one a case."""
    query = select(IdempotencyRecord).where(
        IdempotencyRecord.user_id == user_id, IdempotencyRecord.key.in_(keys)
    )
    return {r.key: r for r in session.execute(query).scalars()}


def _file_each(
    ctx: AppContext, actor: Actor, centre_id: int, path: str, checked: Checked
) -> list[CaseBatchResult]:
    with ctx.db.write_session() as session, session.begin():
        service.remember_lookups(session)
        return [
            body
            if isinstance(body, CaseBatchResult)
            else _file_item(session, ctx, actor, centre_id, path, key, body)
            for key, body in checked
        ]


def _checked(item: CaseBatchItem) -> CaseCreate | CaseBatchResult:
    """The item's case as the single route's body, or its 422 as FastAPI would word it."""
    try:
        return CaseCreate.model_validate(item.case)
    except ValidationError as exc:
        fields = [
            {"loc": ["body", *(str(p) for p in err["loc"])], "type": err["type"]}
            for err in exc.errors()
        ]  # the values are left out: they may carry citizen data
        body = error_body("validation.failed", "The request is not valid.", {"fields": fields})
        return CaseBatchResult(key=item.key, status=422, body=body)


def _file_item(
    session: Session,
    ctx: AppContext,
    actor: Actor,
    centre_id: int,
    path: str,
    key: str,
    body: CaseCreate,
) -> CaseBatchResult:
    """One item, as `Command.run` runs the single route, in a savepoint of the batch."""
    request_hash = idempotency.fingerprint(path, jsonable_encoder(body))
    queued = _queued(session)
    try:
        with session.begin_nested():
            stored = idempotency.find(session, actor.user_id, key, request_hash)
            if stored is not None:
                return _replayed(key, stored.status_code, stored.response)
            now = ctx.clock.now()
            filed = service.file_case(session, actor, centre_id, body.to_new_case(), now)
            answer = jsonable_encoder(FiledReceipt.filed(filed))
            idempotency.remember(session, actor.user_id, key, request_hash, 201, answer, now)
    except (IntegrityError, DomainError) as exc:
        # What this item queued for the commit (its `case.received` event) goes with it.
        _unqueue(session, queued)
        return _after_failure(ctx, actor, key, request_hash, exc)
    return CaseBatchResult(key=key, status=201, body=answer)


def _after_failure(
    ctx: AppContext, actor: Actor, key: str, request_hash: str, exc: Exception
) -> CaseBatchResult:
    """As `Command.run`: a retry that raced its original (another request with this key)
    gets the original's answer once it is committed; otherwise the refusal is the answer."""
    try:
        with ctx.db.read_session() as session:
            stored = idempotency.find(session, actor.user_id, key, request_hash)
    except DomainError as reused:  # the key was used for another case
        return _refused(key, reused)
    if stored is not None:
        return _replayed(key, stored.status_code, stored.response)
    if isinstance(exc, DomainError):
        return _refused(key, exc)
    raise exc  # not a refusal: the batch fails whole (500) and the desktop tries it again


def _replayed(key: str, status: int, response: Any) -> CaseBatchResult:
    return CaseBatchResult(key=key, status=status, body=response, replayed=True)


def _refused(key: str, exc: DomainError) -> CaseBatchResult:
    body = jsonable_encoder(error_body(exc.code, exc.message, exc.details))
    return CaseBatchResult(key=key, status=exc.status_code, body=body)


def _queued(session: Session) -> dict[Any, list[Any]]:
    """What the session holds for its commit (events are queued in `session.info`)."""
    return {k: list(v) for k, v in session.info.items() if isinstance(v, list)}


def _unqueue(session: Session, queued: dict[Any, list[Any]]) -> None:
    """Back to `queued`: what the item added goes, and what a rollback listener dropped with
    the savepoint (the earlier items' events) comes back."""
    for k in [k for k, v in session.info.items() if isinstance(v, list) and k not in queued]:
        del session.info[k]
    session.info.update(queued)


# --- reading --------------------------------------------------------------------------------


@router.get("/centres/{centre_id}/cases", response_model=list[CaseSummary])
def list_cases(
    centre_id: int,
    session: ReadSession,
    actor: Reader,
    status: str | None = Query(default=None, max_length=16),
    type_code: str | None = Query(default=None, max_length=40),
    limit: int = Query(default=100, ge=1, le=500),
    offset: int = Query(default=0, ge=0),
) -> list[CaseSummary]:
    found = service.list_cases(
        session, actor, centre_id, status=status, type_code=type_code, limit=limit, offset=offset
    )
    return [CaseSummary.of(brief) for brief in found]


@router.post("/cases/search", response_model=list[CaseFound])
def search_cases(body: CaseSearch, ctx: Context, actor: Reader) -> list[CaseFound]:
    with ctx.db.writing() as session:
        found = service.search(
            session,
            actor,
            reference=body.reference,
            nif=body.nif,
            name=body.name,
            purpose=body.purpose,
            limit=body.limit,
            now=ctx.clock.now(),
        )
        return [CaseFound.found(brief) for brief in found]


@router.get("/cases/{reference}", response_model=CaseDetail, responses=_CASE_ERRORS)
def read_case(
    reference: Reference, purpose: Purpose, ctx: Context, actor: Reader, response: Response
) -> CaseDetail:
    with ctx.db.writing() as session:
        view = service.read_case(session, actor, reference, purpose, ctx.clock.now())
        detail = CaseDetail.of(view)
    response.headers["ETag"] = f'"{detail.version}"'
    response.headers["Cache-Control"] = "no-store"
    return detail


@router.get(
    "/cases/{reference}/history", response_model=list[StatusChangeRead], responses=_CASE_ERRORS
)
def case_history(reference: Reference, session: ReadSession, actor: Reader) -> list[Any]:
    return [StatusChangeRead.model_validate(c) for c in service.history(session, actor, reference)]


# --- changing -------------------------------------------------------------------------------


@router.patch("/cases/{reference}", response_model=CaseReceipt, responses=_EDIT_ERRORS)
def update_case(
    reference: Reference, body: CaseUpdate, ctx: Context, cmd: Writer, if_match: IfMatch = None
) -> object:
    version = _version(if_match)
    changes = body.changes()

    def action(s: Any, now: Any) -> CaseReceipt:
        case = service.update_case(s, cmd.actor, reference, version, changes, now)
        return CaseReceipt.of(case, service.type_code(s, case))

    return _showing_conflict(
        ctx,
        cmd.actor,
        lambda: cmd.run({"if_match": version, **body.model_dump(exclude_unset=True)}, action),
    )


@router.post("/cases/{reference}/status", response_model=CaseReceipt, responses=_EDIT_ERRORS)
def change_status(
    reference: Reference, body: StatusChange, ctx: Context, cmd: Writer, if_match: IfMatch = None
) -> object:
    version = _version(if_match)

    def action(s: Any, now: Any) -> CaseReceipt:
        case = service.change_status(
            s, cmd.actor, reference, version, body.status, body.public_note, now
        )
        return CaseReceipt.of(case, service.type_code(s, case))

    return _showing_conflict(
        ctx, cmd.actor, lambda: cmd.run({"if_match": version, **body.model_dump()}, action)
    )


@router.post(
    "/cases/{reference}/notes",
    response_model=NoteReceipt,
    status_code=201,
    responses={**_CASE_ERRORS, 409: {"description": "case.erased"}},
)
def add_note(reference: Reference, body: NoteCreate, cmd: Writer) -> object:
    return cmd.run(
        body,
        lambda s, now: NoteReceipt.model_validate(
            service.add_note(s, cmd.actor, reference, body.text, now)
        ),
        status_code=201,
    )


# --- attachments ----------------------------------------------------------------------------


@router.post(
    "/cases/{reference}/attachments",
    response_model=AttachmentRead,
    status_code=201,
    responses={
        **_CASE_ERRORS,
        409: {"description": "case.erased"},
        413: {"description": "attachment.too_large (details.max_bytes)"},
        415: {"description": "attachment.unsupported_type, attachment.type_mismatch"},
        422: {
            "description": "attachment.checksum_required, attachment.checksum_invalid, "
            "attachment.checksum_mismatch, attachment.empty"
        },
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                t: {"schema": {"type": "string", "format": "binary"}} for t in (PDF, JPEG, PNG)
            },
        }
    },
)
async def add_attachment(
    reference: Reference,
    request: Request,
    ctx: Context,
    cmd: Writer,
    content_type: Annotated[str | None, Header()] = None,
    x_content_sha256: Annotated[str | None, Header()] = None,
    x_filename: Annotated[str | None, Header(max_length=1000)] = None,
    x_follow_up_code: Annotated[str | None, Header(max_length=40)] = None,
) -> Response:
    """The file is the request body (not multipart); its SHA-256 in `X-Content-SHA256`, its
    name (percent-encoded UTF-8) in `X-Filename`."""
    limit = ctx.settings.attachment_max_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise attachments.too_large(limit)
    received = bytearray()
    async for chunk in request.stream():
        received += chunk
        if len(received) > limit:
            raise attachments.too_large(limit)
    content = bytes(received)
    checked = attachments.check(
        content, content_type, x_content_sha256, unquote(x_filename) if x_filename else None
    )
    fingerprint = {
        "filename": checked.filename,
        "media_type": checked.media_type,
        "size": checked.size,
        "sha256": checked.sha256,
    }

    def action(s: Any, now: Any) -> AttachmentRead:
        attachment = service.add_attachment(
            s, cmd.actor, reference, checked, content, x_follow_up_code, now
        )
        return AttachmentRead.model_validate(attachment)

    response: Response = await run_in_threadpool(cmd.run, fingerprint, action, status_code=201)
    return response


@router.get(
    "/cases/{reference}/attachments/{attachment_id}",
    response_class=Response,
    responses={
        200: {"content": {PDF: {}, JPEG: {}, PNG: {}}},
        404: {"description": "case.not_found, attachment.not_found"},
    },
)
def read_attachment(
    reference: Reference, attachment_id: int, purpose: Purpose, ctx: Context, actor: Reader
) -> Response:
    with ctx.db.writing() as session:
        attachment, content = service.read_attachment(
            session, actor, reference, attachment_id, purpose, ctx.clock.now()
        )
        media_type, filename, sha256 = attachment.media_type, attachment.filename, attachment.sha256
    return Response(
        content,
        media_type=media_type,
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}",
            "X-Content-SHA256": sha256,
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
        },
    )


# --- the ethics mailbox, the read log, duplicates -------------------------------------------


@router.post(
    "/ethics/follow-up",
    response_model=FollowUpRead,
    responses={404: {"description": "case.follow_up_not_found"}},
)
def ethics_follow_up(body: FollowUpQuery, session: ReadSession, actor: Reader) -> FollowUpRead:
    case, changes = service.ethics_follow_up(session, body.reference, body.code)
    return FollowUpRead(
        reference=case.reference,
        status=case.status,
        received_at=case.received_at,
        updated_at=case.updated_at,
        history=[StatusChangePublic.model_validate(c) for c in changes],
    )


@router.post("/citizens/case-reads", response_model=list[ReadLogEntry])
def citizen_case_reads(body: CitizenReadsQuery, ctx: Context, actor: Manager) -> list[Any]:
    with ctx.db.writing() as session:
        entries = service.citizen_read_log(session, actor, body.nif, body.purpose, ctx.clock.now())
    return [ReadLogEntry.model_validate(e) for e in entries]


@router.post(
    "/incidents/similar",
    response_model=list[SimilarIncidentRead],
    responses={422: {"description": "incident.similar_needs_place_or_text, validation.failed"}},
)
def similar_incidents(
    body: SimilarQuery, ctx: Context, session: ReadSession, actor: Staff
) -> list[SimilarIncidentRead]:
    has_place = body.latitude is not None and body.longitude is not None
    if not has_place and not (body.text or "").strip():
        raise Invalid(
            "incident.similar_needs_place_or_text",
            "Give the coordinates (latitude and longitude) or some text to compare.",
        )
    hits = service.similar_incidents(
        session,
        category_code=body.category_code,
        latitude=body.latitude if has_place else None,
        longitude=body.longitude if has_place else None,
        radius_m=body.radius_m,
        text=body.text,
        limit=body.limit,
        now=ctx.clock.now(),
    )
    return [SimilarIncidentRead.of(h, body.radius_m, service.TEXT_THRESHOLD) for h in hits]
