"""Attachment checks: the type is read from the content (magic bytes), never from the name or
the declared Content-Type; the client's SHA-256 must match what arrived. Pure functions."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from central.errors import DomainError, Invalid
from rules.attachments import ACCEPTED, EMPTY, JPEG, PDF, PNG, TOO_LARGE, UNSUPPORTED_TYPE, sniff

# The accepted types and their signatures are the shared rules', so the desktop refuses the
# same files before it keeps them.
_EXTENSIONS = {PDF: "pdf", PNG: "png", JPEG: "jpg"}
# Content types a client may declare; anything else (or nothing) leaves it to the content.
_GENERIC = {"", "application/octet-stream", "binary/octet-stream"}
_SHA256_HEX = re.compile(r"^[0-9a-fA-F]{64}$")


class TooLarge(DomainError):
    status_code = 413


class UnsupportedType(DomainError):
    status_code = 415


def too_large(max_bytes: int) -> TooLarge:
    return TooLarge(
        TOO_LARGE,
        f"Attachments may have at most {max_bytes} bytes.",
        details={"max_bytes": max_bytes},
    )


@dataclass(frozen=True)
class CheckedFile:
    filename: str
    media_type: str
    size: int
    sha256: str


def check(
    content: bytes, declared_type: str | None, declared_sha256: str | None, filename: str | None
) -> CheckedFile:
    if not declared_sha256:
        raise Invalid(
            "attachment.checksum_required",
            "Send the file's SHA-256 (hex) in the X-Content-SHA256 header.",
        )
    if not _SHA256_HEX.match(declared_sha256):
        raise Invalid("attachment.checksum_invalid", "X-Content-SHA256 must be 64 hex digits.")
    if not content:
        raise Invalid(EMPTY, "The file is empty.")
    media_type = sniff(content)
    if media_type is None:
        raise UnsupportedType(
            UNSUPPORTED_TYPE,
            "Only PDF, JPEG and PNG files are accepted (checked by content).",
            details={"accepted": list(ACCEPTED)},
        )
    declared = (declared_type or "").split(";", 1)[0].strip().lower()
    if declared not in _GENERIC and declared != media_type:
        raise UnsupportedType(
            "attachment.type_mismatch",
            "The declared Content-Type does not match the file's content.",
            details={"declared": declared, "detected": media_type},
        )
    digest = hashlib.sha256(content).hexdigest()
    if digest != declared_sha256.lower():
        raise Invalid(
            "attachment.checksum_mismatch",
            "The file's SHA-256 differs from X-Content-SHA256: it was damaged on the way.",
            details={"received_sha256": digest},
        )
    return CheckedFile(clean_filename(filename, media_type), media_type, len(content), digest)


def clean_filename(name: str | None, media_type: str) -> str:
    """A display name only (files are stored in the database, never under this name): no
    folders, no control characters, at most 200 characters, with the right extension."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in unicodedata.normalize("NFC", base) if c.isprintable()).strip()
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = stem.strip(". ")[:180] or "anexo"
    return f"{stem}.{_EXTENSIONS[media_type]}"
