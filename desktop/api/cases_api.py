"""Cases on central: reference data, filing (a command with its Idempotency-Key), lists, the
read-only POSTs (duplicate hints, the ethics follow-up). Answers become domain values; a shape
the desktop cannot read is `client.bad_answer`. Bodies are never logged (they name citizens).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

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
