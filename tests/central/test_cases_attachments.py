"""Attachments: PDF, JPEG and PNG recognised by their content, a size limit (413), the client's
SHA-256 checked, stored by central and read back with the read recorded."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from sqlalchemy import select

from central.cases.models import CaseAttachment, CaseAttachmentContent, CaseReadLog
from central.context import AppContext
from tests.central.case_factories import add_case_reference, body_for, sha256
from tests.central.factories import World
from tests.central.http import API, ApiClient, StaffSession, expect_error

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02" + bytes(20)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(30)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(40)


@pytest.fixture(autouse=True)
def _setup(fast_passwords: None, ctx: AppContext, world: World) -> None:
    with ctx.db.writing() as session:
        add_case_reference(session)


def _file(api: ApiClient, staff: StaffSession, kind: str = "incident") -> Any:
    return staff.ok("post", f"/centres/{api.world.centre_id}/cases", body_for(kind))


def _upload(
    staff: StaffSession,
    reference: str,
    content: bytes | Iterator[bytes],
    *,
    media_type: str | None = "application/octet-stream",
    checksum: str | None = "auto",
    filename: str | None = None,
    key: str | None = None,
    extra: dict[str, str] | None = None,
) -> httpx.Response:
    headers = {**staff.headers, "Idempotency-Key": key or str(uuid.uuid4())}
    if media_type is not None:
        headers["Content-Type"] = media_type
    if checksum == "auto" and isinstance(content, bytes):
        headers["X-Content-SHA256"] = sha256(content)
    elif checksum not in (None, "auto"):
        headers["X-Content-SHA256"] = checksum
    if filename is not None:
        headers["X-Filename"] = quote(filename)
    headers.update(extra or {})
    return staff.client.post(
        f"{API}/cases/{reference}/attachments", content=content, headers=headers
    )


@pytest.mark.parametrize(
    ("content", "declared", "name", "media_type", "stored_name"),
    [
        (PDF, "application/pdf", "Requerimento assinado.pdf", "application/pdf",
         "Requerimento assinado.pdf"),
        (PNG, "image/png", "fotografia.PNG", "image/png", "fotografia.png"),
        (JPEG, "image/jpeg", "IMG_2041.jpeg", "image/jpeg", "IMG_2041.jpg"),
        (JPEG, "application/octet-stream", "C:\\Users\\rui\\foto", "image/jpeg", "foto.jpg"),
        (PDF, None, None, "application/pdf", "anexo.pdf"),
    ],
)  # fmt: skip
def test_good_files_are_accepted_and_read_back(
    api: ApiClient,
    ctx: AppContext,
    content: bytes,
    declared: str | None,
    name: str | None,
    media_type: str,
    stored_name: str,
) -> None:
    attendant = api.login("attendant")
    ref = _file(api, attendant)["reference"]
    response = _upload(attendant, ref, content, media_type=declared, filename=name)
    assert response.status_code == 201, response.text
    meta = response.json()
    assert (meta["media_type"], meta["size"], meta["sha256"], meta["filename"]) == (
        media_type,
        len(content),
        sha256(content),
        stored_name,
    )
    got = attendant.client.get(
        f"{API}/cases/{ref}/attachments/{meta['id']}",
        params={"purpose": "follow_up"},
        headers=attendant.headers,
    )
    assert got.status_code == 200, got.text
    assert got.content == content
    assert got.headers["content-type"] == media_type
    assert got.headers["x-content-sha256"] == sha256(content)
    assert got.headers["x-content-type-options"] == "nosniff"
    assert (
        got.headers["content-disposition"] == f"attachment; filename*=UTF-8''{quote(stored_name)}"
    )
    case = attendant.get(f"/cases/{ref}", purpose="follow_up").json()
    assert [a["id"] for a in case["attachments"]] == [meta["id"]]
    with ctx.db.reading() as session:
        reads = session.execute(select(CaseReadLog.access)).scalars().all()
        stored = session.execute(select(CaseAttachmentContent.content)).scalar_one()
    assert reads == ["attachment", "case"]
    assert stored == content


def test_a_renamed_executable_is_refused_by_its_content(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    ref = _file(api, attendant)["reference"]
    response = _upload(attendant, ref, EXE, media_type="image/png", filename="foto.png")
    details = expect_error(response, 415, "attachment.unsupported_type")
    assert details == {"accepted": ["application/pdf", "image/jpeg", "image/png"]}
    # A PDF declared as a PNG is refused too: the declaration must not lie.
    response = _upload(attendant, ref, PDF, media_type="image/png")
    assert expect_error(response, 415, "attachment.type_mismatch") == {
        "declared": "image/png",
        "detected": "application/pdf",
    }
    with ctx.db.reading() as session:
        assert session.execute(select(CaseAttachment)).first() is None


def test_too_large_is_413_before_and_while_reading(api: ApiClient, ctx: AppContext) -> None:
    ctx.settings = replace(ctx.settings, attachment_max_bytes=1000)
    attendant = api.login("attendant")
    ref = _file(api, attendant)["reference"]
    big = PDF + bytes(2000)
    assert expect_error(_upload(attendant, ref, big), 413, "attachment.too_large") == {
        "max_bytes": 1000
    }

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield PDF
        for _ in range(10):
            yield bytes(200)

    response = _upload(attendant, ref, chunks(), checksum=sha256(PDF + bytes(2000)))
    expect_error(response, 413, "attachment.too_large")
    exactly = PDF + bytes(1000 - len(PDF))
    assert _upload(attendant, ref, exactly).status_code == 201


def test_the_checksum_must_be_sent_and_match(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    ref = _file(api, attendant)["reference"]
    expect_error(_upload(attendant, ref, PNG, checksum=None), 422, "attachment.checksum_required")
    expect_error(_upload(attendant, ref, PNG, checksum="abc"), 422, "attachment.checksum_invalid")
    damaged = PNG[:-1] + b"\x01"
    details = expect_error(
        _upload(attendant, ref, damaged, checksum=sha256(PNG)), 422, "attachment.checksum_mismatch"
    )
    assert details == {"received_sha256": sha256(damaged)}
    expect_error(_upload(attendant, ref, b"", checksum=sha256(b"")), 422, "attachment.empty")
    # Upper-case hex is the same checksum.
    assert _upload(attendant, ref, PNG, checksum=sha256(PNG).upper()).status_code == 201


def test_a_retried_upload_stores_one_file(api: ApiClient, ctx: AppContext) -> None:
    attendant = api.login("attendant")
    ref = _file(api, attendant)["reference"]
    first = _upload(attendant, ref, JPEG, key="outbox-att-9")
    again = _upload(attendant, ref, JPEG, key="outbox-att-9")
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    expect_error(_upload(attendant, ref, PNG, key="outbox-att-9"), 422, "idempotency.key_reused")
    with ctx.db.reading() as session:
        assert len(session.execute(select(CaseAttachment)).all()) == 1


def test_attachments_follow_the_cases_visibility(api: ApiClient) -> None:
    attendant = api.login("attendant")
    ref = _file(api, attendant)["reference"]
    meta = _upload(attendant, ref, PDF).json()
    stranger = api.login("other_attendant")
    expect_error(_upload(stranger, ref, PDF), 403, "auth.wrong_centre")
    response = stranger.get(f"/cases/{ref}/attachments/{meta['id']}", purpose="follow_up")
    expect_error(response, 403, "auth.wrong_centre")
    other = _file(api, attendant, "complaint")["reference"]
    response = attendant.get(f"/cases/{other}/attachments/{meta['id']}", purpose="follow_up")
    expect_error(response, 404, "attachment.not_found")
    expect_error(_upload(attendant, "TST-2026-999999", PDF), 404, "case.not_found")


def test_the_reporter_adds_documents_to_an_ethics_report_with_its_code(
    api: ApiClient, ctx: AppContext
) -> None:
    attendant = api.login("attendant")
    report = _file(api, attendant, "ethics_report")
    ref, code = report["reference"], report["follow_up_code"]
    expect_error(_upload(attendant, ref, PDF), 404, "case.not_found")
    wrong = {"X-Follow-Up-Code": "0000-0000-0000-0000"}
    expect_error(_upload(attendant, ref, PDF, extra=wrong), 404, "case.not_found")
    response = _upload(attendant, ref, PDF, extra={"X-Follow-Up-Code": code})
    assert response.status_code == 201, response.text
    with ctx.db.reading() as session:
        assert session.execute(select(CaseAttachment.user_id)).scalar_one() is None
    # ... but cannot read it back: only the ethics officer can.
    path = f"/cases/{ref}/attachments/{response.json()['id']}"
    expect_error(attendant.get(path, purpose="follow_up"), 404, "case.not_found")
    officer = api.login("ethics_officer")
    got = officer.client.get(
        API + path, params={"purpose": "ethics_investigation"}, headers=officer.headers
    )
    assert got.content == PDF
