"""A loopback TCP proxy that loses answers, as a flaky network between a counter and central.

Each request is forwarded whole to the upstream server and its whole answer read back, so the
server has done the work; then, for requests whose start line contains `path_part`, a seeded
random draw decides whether the answer is delivered or the client's connection is closed
without it (the client sees the server hang up). HTTP/1.1 with keep-alive; bodies framed by
Content-Length or chunked, which is all uvicorn sends.

Threads only, no sleeps: each client connection has a thread that relays one message at a
time; `stop` shuts the sockets down, which wakes every blocked read.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
from types import TracebackType
from typing import BinaryIO

LOOPBACK = "127.0.0.1"


def _read_message(stream: BinaryIO) -> tuple[bytes, bytes] | None:
    """One HTTP message as (start line, raw bytes), None when the peer closed first."""
    start = stream.readline()
    if not start:
        return None
    raw = [start]
    length = 0
    chunked = False
    while True:
        line = stream.readline()
        if not line:
            return None
        raw.append(line)
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("latin-1").partition(":")
        name = name.strip().lower()
        if name == "content-length":
            length = int(value.strip())
        elif name == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size_line = stream.readline()
            raw.append(size_line)
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
            if size == 0:
                raw.append(stream.readline())  # the blank line after the last chunk
                break
            raw.append(stream.read(size + 2))  # the chunk and its CRLF
    elif length:
        raw.append(stream.read(length))
    return start, b"".join(raw)


class LossyProxy:
    """Listens on 127.0.0.1 at a free port (`base_url`) and relays to `upstream_port`."""

    def __init__(
        self, upstream_port: int, *, lose_share: float, seed: int, path_part: str = "/cases"
    ) -> None:
        self.upstream_port = upstream_port
        self.lose_share = lose_share
        self.path_part = path_part.encode()
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self.delivered = 0
        self.lost = 0
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind((LOOPBACK, 0))
        self._listener.listen(16)
        self.port: int = self._listener.getsockname()[1]
        self.base_url = f"http://{LOOPBACK}:{self.port}"
        self._sockets: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept_loop, daemon=True)

    def start(self) -> LossyProxy:
        self._accepting.start()
        return self

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes accept()
        self._listener.close()
        with self._lock:
            open_sockets = list(self._sockets)
        for sock in open_sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes the relays' reads
        self._accepting.join(5)
        for thread in self._threads:
            thread.join(5)

    def __enter__(self) -> LossyProxy:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _accept_loop(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # stopped
            thread = threading.Thread(target=self._relay, args=(client,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _lose_this_one(self) -> bool:
        with self._lock:
            lose = self._rng.random() < self.lose_share
            if lose:
                self.lost += 1
            else:
                self.delivered += 1
            return lose

    def _track(self, *sockets: socket.socket, keep: bool) -> None:
        with self._lock:
            for sock in sockets:
                if keep:
                    self._sockets.add(sock)
                else:
                    self._sockets.discard(sock)

    def _relay(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection((LOOPBACK, self.upstream_port))
        except OSError:
            client.close()
            return
        self._track(client, upstream, keep=True)
        try:
            with (
                client,
                upstream,
                client.makefile("rb") as from_client,
                upstream.makefile("rb") as from_upstream,
            ):
                while True:
                    request = _read_message(from_client)
                    if request is None:
                        return
                    start, raw = request
                    upstream.sendall(raw)
                    answer = _read_message(from_upstream)
                    if answer is None:
                        return
                    if self.path_part in start and self._lose_this_one():
                        return  # the work is done upstream; the client never hears of it
                    client.sendall(answer[1])
        except OSError:
            return  # stopped, or the client went away
        finally:
            self._track(client, upstream, keep=False)
