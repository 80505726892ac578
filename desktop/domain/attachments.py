"""Attachments of a case (scanned documents, photos): checked here before the desktop keeps
them, with the rules central applies on arrival (`rules.attachments`): PDF, JPEG or PNG by
content (the name's extension proves nothing), at most `MAX_BYTES`, not empty; the SHA-256 is
computed once here and sent with the file, so central can tell a file damaged on the way.

`read_attachment` reads the chosen file (I/O: call it through the TaskRunner, never on the
GUI thread); a file too large is refused from its size, before it is read.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.domain.errors import BalcaoError
from rules import attachments as rules

ADD_ATTACHMENT = "case.add_attachment"  # the outbox command that sends one file

MAX_BYTES = rules.MAX_BYTES
ACCEPTED = rules.ACCEPTED
EMPTY = rules.EMPTY
TOO_LARGE = rules.TOO_LARGE
UNSUPPORTED_TYPE = rules.UNSUPPORTED_TYPE
UNREADABLE = "client.attachment_unreadable"
# Central's codes for a file that will never be accepted as it is: the case needs attention.
REFUSED_BY_CENTRAL = frozenset(
    {
        rules.EMPTY,
        rules.TOO_LARGE,
        rules.UNSUPPORTED_TYPE,
        "attachment.type_mismatch",
        "attachment.checksum_mismatch",
        "attachment.checksum_invalid",
        "attachment.checksum_required",
    }
)


class AttachmentRefused(BalcaoError):
    """A file the desktop will not keep. `details`: `filename`, and for `attachment.too_large`
    `size` and `max_bytes` (the view says "14.2 MB; at most 10 MB" in the user's language)."""


@dataclass(frozen=True)
class AttachmentFile:
    """A checked file, in memory until the case is submitted."""

    filename: str
    media_type: str
    sha256: str
    content: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.content)


@dataclass(frozen=True)
class LocalAttachment:
    """A file kept with a case until central has it (the bytes are not loaded here)."""

    id: str
    case_local_id: str
    filename: str
    media_type: str
    size: int
    sha256: str
    created_at: datetime


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def display_name(path: str | Path) -> str:
    """The name shown and sent (`X-Filename`): the last part of the path, never its folders."""
    return Path(path).name or "anexo"


def check_attachment(filename: str, content: bytes, max_bytes: int = MAX_BYTES) -> AttachmentFile:
    """The checked file, or `AttachmentRefused` (empty, too large, not PDF/JPEG/PNG)."""
    code = rules.attachment_error(len(content), content[: rules.SNIFF_BYTES], max_bytes)
    if code is not None:
        raise _refused(code, filename, len(content), max_bytes)
    media_type = rules.sniff(content)
    assert media_type is not None
    return AttachmentFile(filename, media_type, sha256_hex(content), content)


def read_attachment(path: str | Path, max_bytes: int = MAX_BYTES) -> AttachmentFile:
    """Read and check the file at `path`. A file over the limit is refused by its size without
    being read; one that cannot be read (gone, no permission, a folder) is `UNREADABLE`."""
    filename = display_name(path)
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:
                raise _refused(TOO_LARGE, filename, size, max_bytes)
            content = stream.read(max_bytes + 1)
    except OSError as exc:
        raise AttachmentRefused(
            UNREADABLE,
            f"The file cannot be read ({type(exc).__name__}).",
            {"filename": filename},
        ) from exc
    return check_attachment(filename, content, max_bytes)


def _refused(code: str, filename: str, size: int, max_bytes: int) -> AttachmentRefused:
    messages = {
        EMPTY: "The file is empty.",
        TOO_LARGE: f"The file has {size} bytes; at most {max_bytes} are accepted.",
        UNSUPPORTED_TYPE: "Only PDF, JPEG and PNG files are accepted (checked by content).",
    }
    return AttachmentRefused(
        code,
        messages.get(code, code),
        {"filename": filename, "size": size, "max_bytes": max_bytes},
    )
