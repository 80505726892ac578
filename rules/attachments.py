"""Case attachments: which files are accepted, decided by their content, and how large.

The desktop checks a file before it keeps it (so the attendant hears about a wrong file while
the citizen is still at the counter); central checks it again on arrival with the same limit
(`central.config.Settings.attachment_max_bytes` defaults to `MAX_BYTES`). Pure: bytes in,
a media type or an error code out.
"""

from __future__ import annotations

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
ACCEPTED = (PDF, JPEG, PNG)

# 10 MiB: a scanned document of a few pages or a phone photo, not a video.
MAX_BYTES = 10 * 1024 * 1024

# The first bytes that prove each type. A name's extension proves nothing (a renamed .exe).
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
)
# How many leading bytes `sniff` needs (to read a file's start without reading it all).
SNIFF_BYTES = max(len(signature) for signature, _type in SIGNATURES)

EMPTY = "attachment.empty"
TOO_LARGE = "attachment.too_large"
UNSUPPORTED_TYPE = "attachment.unsupported_type"


def sniff(content: bytes) -> str | None:
    """The media type the first bytes prove, or None."""
    for signature, media_type in SIGNATURES:
        if content.startswith(signature):
            return media_type
    return None


def attachment_error(size: int, head: bytes, max_bytes: int = MAX_BYTES) -> str | None:
    """None for an acceptable file of `size` bytes starting with `head`, else the code of the
    first problem: empty, too large, not a PDF, JPEG or PNG."""
    if size <= 0:
        return EMPTY
    if size > max_bytes:
        return TOO_LARGE
    if sniff(head) is None:
        return UNSUPPORTED_TYPE
    return None
