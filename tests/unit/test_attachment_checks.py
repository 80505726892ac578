"""The checks a file passes before the desktop keeps it: its type by content (PDF, JPEG, PNG;
the name proves nothing), not empty, within the limit central applies too, its SHA-256."""

from __future__ import annotations

import hashlib
import struct
import zlib
from pathlib import Path

import pytest

from central.config import Settings
from desktop.domain.attachments import (
    EMPTY,
    MAX_BYTES,
    TOO_LARGE,
    UNREADABLE,
    UNSUPPORTED_TYPE,
    AttachmentRefused,
    check_attachment,
    read_attachment,
)
from rules import attachments as rules

# Real headers: a minimal PDF, a JPEG's SOI + APP0 (JFIF) marker, a 1×1 PNG.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PNG = _png()
# The start of a Windows program: "MZ", whatever its name says.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


@pytest.mark.parametrize(
    ("name", "content", "media_type"),
    [
        ("requerimento.pdf", PDF, "application/pdf"),
        ("foto.JPG", JPEG, "image/jpeg"),
        ("planta.png", PNG, "image/png"),
        ("digitalizacao.bin", PDF, "application/pdf"),  # the content decides, not the name
    ],
)
def test_accepted_files_are_typed_by_content_with_their_checksum(
    tmp_path: Path, name: str, content: bytes, media_type: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    file = read_attachment(path)
    assert (file.filename, file.media_type, file.size) == (name, media_type, len(content))
    assert file.sha256 == hashlib.sha256(content).hexdigest()
    assert file.content == content


def test_a_renamed_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fatura.pdf"
    path.write_bytes(EXE)
    with pytest.raises(AttachmentRefused) as refused:
        read_attachment(path)
    assert refused.value.code == UNSUPPORTED_TYPE
    assert refused.value.details["filename"] == "fatura.pdf"


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "vazio.pdf"
    path.write_bytes(b"")
    with pytest.raises(AttachmentRefused) as refused:
        read_attachment(path)
    assert refused.value.code == EMPTY


def test_a_file_over_the_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "grande.pdf"
    size = MAX_BYTES + 1
    with path.open("wb") as stream:
        stream.write(PDF)
        stream.truncate(size)  # sparse: no 10 MB written to the disk
    with pytest.raises(AttachmentRefused) as refused:
        read_attachment(path)
    assert refused.value.code == TOO_LARGE
    assert refused.value.details == {"filename": "grande.pdf", "size": size, "max_bytes": MAX_BYTES}


def test_exactly_at_the_limit_is_accepted() -> None:
    content = PDF + b"\x00" * (64 - len(PDF) % 64)
    file = check_attachment("a.pdf", content, max_bytes=len(content))
    assert file.size == len(content)
    with pytest.raises(AttachmentRefused) as refused:
        check_attachment("a.pdf", content + b"\x00", max_bytes=len(content))
    assert refused.value.code == TOO_LARGE


@pytest.mark.parametrize("make", [lambda p: p / "nao-existe.pdf", lambda p: p])
def test_an_unreadable_file_is_refused(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AttachmentRefused) as refused:
        read_attachment(make(tmp_path))  # missing, or a folder
    assert refused.value.code == UNREADABLE


def test_the_content_is_not_in_the_repr() -> None:
    file = check_attachment("a.pdf", PDF)
    assert "content" not in repr(file)
    assert "%PDF" not in repr(file)


def test_the_limit_is_the_one_central_applies() -> None:
    assert Settings().attachment_max_bytes == rules.MAX_BYTES == MAX_BYTES == 10 * 1024 * 1024


@pytest.mark.parametrize(
    ("head", "expected"),
    [(PDF, "application/pdf"), (JPEG, "image/jpeg"), (PNG, "image/png"), (EXE, None),
     (b"%PD", None), (b"\x89PNG", None), (b"", None)],
)  # fmt: skip
def test_sniff(head: bytes, expected: str | None) -> None:
    assert rules.sniff(head) == expected
