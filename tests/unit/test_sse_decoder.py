"""Server-Sent Events parsing (desktop/api/event_stream.py), chunk boundaries anywhere."""

from __future__ import annotations

import pytest

from desktop.api.event_stream import SseDecoder, SseEvent

CENTRAL_STREAM = (
    b"retry: 3000\n: connected\n\n"
    b'id: 1042\nevent: ticket.called\ndata: {"seq":1042}\n\n'
    b": ping\n\n"
    b'id: 1043\nevent: counter.paused\ndata: {"seq":1043}\n\n'
)
EXPECTED = [
    SseEvent("ticket.called", "1042", '{"seq":1042}'),
    SseEvent("counter.paused", "1043", '{"seq":1043}'),
]


def decode(*chunks: bytes) -> tuple[list[SseEvent], SseDecoder]:
    decoder = SseDecoder()
    events: list[SseEvent] = []
    for chunk in chunks:
        events.extend(decoder.feed(chunk))
    return events, decoder


def test_the_centrals_stream() -> None:
    events, decoder = decode(CENTRAL_STREAM)
    assert events == EXPECTED
    assert decoder.retry_ms == 3000
    assert decoder.comments == 2  # the greeting and a ping
    assert decoder.last_id == "1043"


@pytest.mark.parametrize("cut", range(1, len(CENTRAL_STREAM)))
def test_split_anywhere(cut: int) -> None:
    events, _ = decode(CENTRAL_STREAM[:cut], CENTRAL_STREAM[cut:])
    assert events == EXPECTED


def test_byte_by_byte_with_crlf_and_cr() -> None:
    stream = CENTRAL_STREAM.replace(b"\n", b"\r\n")
    events, _ = decode(*(stream[i : i + 1] for i in range(len(stream))))
    assert events == EXPECTED
    events, _ = decode(CENTRAL_STREAM.replace(b"\n", b"\r"))
    assert events == EXPECTED


def test_multi_line_data_and_defaults() -> None:
    events, _ = decode(b"data: first\ndata:second\ndata\n\n")
    assert events == [SseEvent("message", None, "first\nsecond\n")]


def test_incomplete_block_waits_for_its_blank_line() -> None:
    decoder = SseDecoder()
    assert decoder.feed(b"id: 1\nevent: ticket.issued\ndata: {}\n") == []
    assert decoder.feed(b"\n") == [SseEvent("ticket.issued", "1", "{}")]


def test_id_carries_over_and_blocks_without_data_dispatch_nothing() -> None:
    events, decoder = decode(b"id: 7\nevent: x\n\ndata: a\n\nid\ndata: b\n\n")
    assert events == [SseEvent("message", "7", "a"), SseEvent("message", "", "b")]
    assert decoder.last_id == ""


def test_reset_message() -> None:
    events, _ = decode(b'id: 12\nevent: reset\ndata: {"last_event_id": 12}\n\n')
    assert events == [SseEvent("reset", "12", '{"last_event_id": 12}')]


def test_odd_fields_are_ignored() -> None:
    stream = b"\xef\xbb\xbfretry: soon\nfoo: bar\nid: a\x00b\ndata: x\n\nretry: 500\n\n"
    events, decoder = decode(stream)
    assert events == [SseEvent("message", None, "x")]
    assert decoder.retry_ms == 500


def test_utf8_split_inside_a_character() -> None:
    data = "data: Balcão nº 3\n\n".encode()
    cut = data.index("ã".encode()) + 1
    events, _ = decode(data[:cut], data[cut:])
    assert events == [SseEvent("message", None, "Balcão nº 3")]
