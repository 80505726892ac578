"""Cases on central: reference data, filing (a command with its Idempotency-Key), lists, the
read-only POSTs (duplicate hints, the ethics follow-up). Answers become domain values; a shape
the desktop cannot read is `client.bad_answer`. Bodies are never logged (they name citizens).
"""

from __future__ import annotations

import logging
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import quote

from desktop.api.api_client import ApiClient
from desktop.domain.cases import CaseReferenceData, FiledCase
from desktop.domain.errors import BAD_ANSWER, ApiError

log = logging.getLogger(__name__)

T = TypeVar("T")


def _parse(parse: Callable[[Any], T], answer: Any, what: str) -> T:
    try:
        return parse(answer)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ApiError(200, BAD_ANSWER, f"unreadable {what}: {type(exc).__name__}") from exc


class CasesApi:
    def __init__(self, client: ApiClient) -> None:
        self.client = client

    def reference_data(self) -> CaseReferenceData:
        """`GET /case-reference`: the active case types, incident categories and addressees
        (`fetched_at` is left to the caller, who knows the time)."""
        answer = self.client.get("/case-reference")
        return _parse(CaseReferenceData.from_json, answer, "case reference data")

    def file_case(self, centre_id: int, body: Mapping[str, Any], key: str) -> FiledCase:
        """`POST /centres/{id}/cases` with `Idempotency-Key: key`. A retry with the same key
        and body is answered from central's record (then without `follow_up_code`)."""
        answer = self.client.request(
            "POST", f"/centres/{centre_id}/cases", body=dict(body), key=key
        )
        if answer.replayed:
            log.info("case filing %s replayed by central", key)
        return _parse(FiledCase.from_json, answer.body, "filed case receipt")

    def file_cases(
        self, centre_id: int, items: Sequence[tuple[str, Mapping[str, Any]]]
    ) -> dict[str, FiledCase | ApiError]:
        """`POST /centres/{id}/cases/batch` with `items` = (Idempotency-Key, body) pairs: each
        is what `file_case(centre_id, body, key)` would give, by key: its receipt, or the
        `ApiError` it would raise (an item missing from the answer or unreadable is
        `client.bad_answer`, to be tried again). A whole-request failure raises, as
        `file_case` does; an older central without the route answers 404 or 405."""
        body = {"items": [{"key": key, "case": dict(case)} for key, case in items]}
        answer = self.client.request("POST", f"/centres/{centre_id}/cases/batch", body=body)
        results = answer.body.get("results") if isinstance(answer.body, dict) else None
        if not isinstance(results, list):
            raise ApiError(200, BAD_ANSWER, "batch answer without results")
        found: dict[str, FiledCase | ApiError] = {}
        for result in results:
            if isinstance(result, dict) and isinstance(result.get("key"), str):
                found[result["key"]] = _item_answer(result)
        replayed = sum(1 for r in results if isinstance(r, dict) and r.get("replayed") is True)
        if replayed:
            log.info("case batch: %d of %d filings replayed by central", replayed, len(items))
        missing = ApiError(200, BAD_ANSWER, "no answer for this item of the batch")
        return {key: found.get(key, missing) for key, _ in items}

    def cases(
        self,
        centre_id: int,
        *,
        status: str | None = None,
        type_code: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[FiledCase]:
        """`GET /centres/{id}/cases`: summaries (no personal data), newest first."""
        params: dict[str, Any] = {"limit": limit, "offset": offset}
        if status is not None:
            params["status"] = status
        if type_code is not None:
            params["type_code"] = type_code
        answer = self.client.get(f"/centres/{centre_id}/cases", params)
        return _parse(lambda rows: [FiledCase.from_json(r) for r in rows], answer, "cases")

    def similar_incidents(
        self,
        category_code: str,
        *,
        latitude: float | None = None,
        longitude: float | None = None,
        text: str | None = None,
        radius_m: float = 150,
        limit: int = 10,
    ) -> list[dict[str, Any]]:
        """`POST /incidents/similar` (a read): open incidents near the place or sharing the
        words of `text`, nearest first."""
        body: dict[str, Any] = {"category_code": category_code, "radius_m": radius_m}
        body["limit"] = limit
        if latitude is not None and longitude is not None:
            body["latitude"], body["longitude"] = latitude, longitude
        if text:
            body["text"] = text
        answer = self.client.post("/incidents/similar", body)
        if not isinstance(answer, list):
            raise ApiError(200, BAD_ANSWER, "similar incidents is not a list")
        return answer

    def ethics_follow_up(self, reference: str, code: str) -> dict[str, Any]:
        """`POST /ethics/follow-up` (a read): the status and public notes of a report."""
        answer = self.client.post("/ethics/follow-up", {"reference": reference, "code": code})
        if not isinstance(answer, dict):
            raise ApiError(200, BAD_ANSWER, "the follow-up answer is not an object")
        return answer

    # --- lookup (issue 4, "Case lookup") ----------------------------------------------------

    def search(self, body: Mapping[str, Any]) -> list[dict[str, Any]]:
        """`POST /cases/search` (a read: citizen data stays out of the URL): `CaseFound` rows,
        newest first; each hit is recorded in central's read log with `body["purpose"]`."""
        answer = self.client.post("/cases/search", dict(body))
        if not isinstance(answer, list) or not all(isinstance(r, dict) for r in answer):
            raise ApiError(200, BAD_ANSWER, "case search answer is not a list of objects")
        return answer

    def case_detail(self, reference: str, purpose: str) -> dict[str, Any]:
        """`GET /cases/{reference}?purpose=…`: the whole `CaseDetail` (the read is recorded)."""
        answer = self.client.get(f"/cases/{_segment(reference)}", {"purpose": purpose})
        if not isinstance(answer, dict):
            raise ApiError(200, BAD_ANSWER, "case detail is not an object")
        return answer

    def case_history(self, reference: str) -> list[dict[str, Any]]:
        """`GET /cases/{reference}/history`: the status changes, oldest first."""
        answer = self.client.get(f"/cases/{_segment(reference)}/history")
        if not isinstance(answer, list) or not all(isinstance(r, dict) for r in answer):
            raise ApiError(200, BAD_ANSWER, "case history is not a list of objects")
        return answer

    def update_case(
        self, reference: str, version: int, body: Mapping[str, Any], key: str
    ) -> dict[str, Any]:
        """`PATCH /cases/{reference}` with `If-Match: "<version>"`: a `CaseReceipt` (version
        + 1). A 412 `case.version_mismatch` carries the case as it is now in `details`."""
        answer = self.client.request(
            "PATCH", f"/cases/{_segment(reference)}", body=dict(body), key=key, if_match=version
        )
        if not isinstance(answer.body, dict):
            raise ApiError(200, BAD_ANSWER, "case receipt is not an object")
        return answer.body

    def add_note(self, reference: str, text: str, key: str) -> dict[str, Any]:
        """`POST /cases/{reference}/notes`: an internal note (the text is not echoed)."""
        answer = self.client.post(f"/cases/{_segment(reference)}/notes", {"text": text}, key=key)
        if not isinstance(answer, dict):
            raise ApiError(200, BAD_ANSWER, "note receipt is not an object")
        return answer

    # --- attachments (issue 4, "Attachments") -------------------------------------------------

    def upload_attachment(
        self,
        reference: str,
        filename: str,
        data: bytes,
        sha256: str,
        key: str,
        *,
        media_type: str = "application/octet-stream",
        follow_up_code: str | None = None,
    ) -> dict[str, Any]:
        """`POST /cases/{reference}/attachments`: the file as the raw body, its SHA-256 in
        `X-Content-SHA256`, its name percent-encoded in `X-Filename`, `Idempotency-Key: key`
        (a retry after a lost answer is replayed, never stored twice). To an ethics report,
        `follow_up_code` (`X-Follow-Up-Code`). Returns `AttachmentRead`."""
        headers = {"X-Content-SHA256": sha256, "X-Filename": urllib.parse.quote(filename)}
        if follow_up_code is not None:
            headers["X-Follow-Up-Code"] = follow_up_code
        answer = self.client.send_bytes(
            f"/cases/{urllib.parse.quote(reference, safe='')}/attachments",
            data,
            content_type=media_type,
            headers=headers,
            key=key,
        )
        if answer.replayed:
            log.info("attachment %s replayed by central", key)
        if not isinstance(answer.body, dict) or not isinstance(answer.body.get("sha256"), str):
            raise ApiError(200, BAD_ANSWER, "attachment receipt is not an object")
        return answer.body


def _item_answer(result: Mapping[str, Any]) -> FiledCase | ApiError:
    """One item of a batch answer as the single route's answer would be read."""
    status, body = result.get("status"), result.get("body")
    if not isinstance(status, int) or not isinstance(body, dict):
        return ApiError(200, BAD_ANSWER, "unreadable item of a batch answer")
    if 200 <= status < 300:
        try:
            return _parse(FiledCase.from_json, body, "filed case receipt")
        except ApiError as exc:
            return exc
    error = body.get("error")
    if not isinstance(error, dict) or not isinstance(error.get("code"), str):
        return ApiError(status, BAD_ANSWER, f"HTTP {status} without the central's error format")
    details = error.get("details") if isinstance(error.get("details"), dict) else {}
    seconds = details.get("retry_after_seconds") if isinstance(details, dict) else None
    return ApiError(
        status,
        error["code"],
        str(error.get("message") or error["code"]),
        details if isinstance(details, dict) else {},
        float(seconds) if isinstance(seconds, int | float) else None,
    )


def _segment(reference: str) -> str:
    """A reference as one path segment (references are letters, digits and hyphens; anything
    else is escaped rather than allowed to change the path)."""
    return quote(reference, safe="")
