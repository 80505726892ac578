"""Open311 GeoReport v2 at `/open311/v2/`: discovery, services, service definitions, and
service requests (POST and GET), each as `.json` or `.xml`. Public: GETs need no account;
POST needs an api_key unless anonymous posting is on (settings).

Errors take the specification's form, `[{"code": 404, "description": "..."}]` (XML:
`<errors><error>…`), not the `/api/v1` one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from central.context import AppContext
from central.deps import Context
from central.open311 import service
from central.open311.service import Open311Error, RequestFilter
from central.open311.xml import document

router = APIRouter(prefix="/open311/v2", tags=["open311"])

FORMATS = ("json", "xml")


def _render(fmt: str, root: str, data: Any, status_code: int = 200) -> Response:
    if fmt == "xml":
        return Response(
            document(root, data), status_code=status_code, media_type="text/xml; charset=utf-8"
        )
    return JSONResponse(data, status_code=status_code)


def _errors(fmt: str, error: Open311Error) -> Response:
    body = [{"code": error.status, "description": d} for d in error.descriptions]
    return _render(fmt if fmt in FORMATS else "json", "errors", body, error.status)


def _answer(fmt: str, root: str, produce: Callable[[], Any], status_code: int = 200) -> Response:
    try:
        if fmt not in FORMATS:
            raise Open311Error(404, "format must be json or xml")
        return _render(fmt, root, produce(), status_code)
    except Open311Error as error:
        return _errors(fmt, error)


def _read(ctx: AppContext, work: Callable[[Any], Any]) -> Callable[[], Any]:
    def produce() -> Any:
        with ctx.db.reading() as session:
            return work(session)

    return produce


def _date(value: str | None, name: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(400, f"{name}: not a W3C date-time") from None
    if parsed.tzinfo is None:
        raise Open311Error(400, f"{name}: give the time zone")
    return parsed


def _list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


@router.get("/discovery.{fmt}")
def discovery(fmt: str, request: Request) -> Response:
    base = str(request.url_for("discovery", fmt="json")).rsplit("/", 1)[0]
    return _answer(fmt, "discovery", lambda: service.discovery(base))


@router.get("/services.{fmt}")
def services(fmt: str, ctx: Context) -> Response:
    return _answer(fmt, "services", _read(ctx, service.services))


@router.get("/services/{service_code}.{fmt}")
def service_definition(service_code: str, fmt: str, ctx: Context) -> Response:
    return _answer(
        fmt,
        "service_definition",
        _read(ctx, lambda s: service.service_definition(s, service_code)),
    )


@router.get("/requests.{fmt}")
def list_requests(fmt: str, request: Request, ctx: Context) -> Response:
    params = request.query_params

    def work(session: Any) -> Any:
        centre_id = None
        if jurisdiction := params.get("jurisdiction_id"):
            centre_id = service.centre_for(session, ctx.settings, jurisdiction).id
        flt = RequestFilter(
            ids=_list(params.get("service_request_id")),
            service_codes=_list(params.get("service_code")),
            statuses=_list(params.get("status")),
            start=_date(params.get("start_date"), "start_date"),
            end=_date(params.get("end_date"), "end_date"),
            centre_id=centre_id,
        )
        return service.requests(session, flt, ctx.clock.now())

    return _answer(fmt, "service_requests", _read(ctx, work))


@router.get("/requests/{request_id}.{fmt}")
def get_request(request_id: str, fmt: str, ctx: Context) -> Response:
    return _answer(fmt, "service_requests", _read(ctx, lambda s: service.request(s, request_id)))


@router.post("/requests.{fmt}")
async def post_request(fmt: str, request: Request, ctx: Context) -> Response:
    """Form-encoded (`application/x-www-form-urlencoded`) as the specification says; the
    fields may also come in the query string. `attribute[code]=value` answers the service's
    questions (`attribute[code][]` for several values)."""
    form: dict[str, str] = dict(request.query_params)
    attributes: dict[str, list[str]] = {}
    content_type = request.headers.get("content-type", "")
    raw = await request.body()
    if raw:
        if not content_type.startswith("application/x-www-form-urlencoded"):
            return _errors(fmt, Open311Error(400, "send application/x-www-form-urlencoded"))
        for key, value in parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True):
            if key.startswith("attribute[") and "]" in key:
                code = key[len("attribute[") : key.index("]")]
                attributes.setdefault(code, []).append(value)
            else:
                form[key] = value
    answers = {code: ",".join(values) for code, values in attributes.items()}

    def produce() -> Any:
        with ctx.db.writing() as session:
            return service.post_request(session, ctx.settings, form, answers, ctx.clock.now())

    if fmt not in FORMATS:
        return _errors(fmt, Open311Error(404, "format must be json or xml"))
    try:
        data = await run_in_threadpool(produce)
    except Open311Error as error:
        return _errors(fmt, error)
    return _render(fmt, "service_requests", data, 201)
