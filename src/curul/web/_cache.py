"""The response cache: a page, its JSON twin, a CSV table, a chart file or an API answer is computed
once per distinct request and then served from memory, because every GET the dashboard answers is a
pure function of the request and the data it ships.

The key is the route's path, its query string exactly as sent (the order of the parameters shows in the
links a page writes, so two orders are two entries), the form asked for (HTML, JSON or CSV, from the
path or ``Accept``), whether htmx asked for the swapped part only, the curul version, the checksum of
the shipped data, today's date (a page whose default is today changes at midnight) and, for a route
that reads data from outside the package (the roll calls), that data's own stamp. Only GET requests to
the routes registered with :func:`cacheable` are looked up, and only complete 200 answers of at most
:data:`MAX_BODY` bytes are kept: an upload (POST), a mistake (422), a saved scenario (``/s/``) or an
error is computed every time. The cache is a bounded LRU (:data:`MAX_ENTRIES` answers,
:data:`MAX_BYTES` in all) behind a lock; requests for a key being computed wait for that answer
instead of computing it again.

It is an ASGI middleware, so a hit costs no routing, validation or thread: the measured difference
between ~30 ms and well under a millisecond of the server's time for the seats API.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from curul import __version__
from curul.web._security import ASGIApp, Message, Receive, Scope, Send
from curul.web._store import data_checksum

MAX_ENTRIES = 1024
MAX_BYTES = 96 * 1024 * 1024
MAX_BODY = 4 * 1024 * 1024
SKIPPED_HEADERS = {b"content-length", b"date", b"server"}

#: path -> a function giving the stamp of the outside data its answer depends on (or None)
_ROUTES: dict[str, Callable[[], Hashable] | None] = {}


def cacheable(path: str, stamp: Callable[[], Hashable] | None = None) -> None:
    """Let the GET answers of ``path`` be cached; ``stamp()`` joins the key when the answer also depends
    on data from outside the package (a file's path and modification time)."""
    _ROUTES[path] = stamp


def cacheable_paths() -> frozenset[str]:
    return frozenset(_ROUTES)


@dataclass(frozen=True)
class Stored:
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


class LruStore:
    """A thread-safe LRU of :class:`Stored` answers bounded in count and in bytes."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, Stored] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> Stored | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: Hashable, value: Stored) -> None:
        size = len(value.body)
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._entries[key] = value
            self._bytes += size
            while self._entries and (len(self._entries) > self.max_entries or self._bytes > self.max_bytes):
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped.body)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._entries)


def _header(scope: Scope, name: bytes) -> bytes:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return bytes(value)
    return b""


def _form(path: str, accept: bytes) -> str:
    """HTML, JSON or CSV as ``curul.web._formats.requested_format`` reads them (kept in step by a test)."""
    for suffix in (".json", ".csv"):
        if path.endswith(suffix):
            return suffix[1:]
    wanted = [part.split(b";")[0].strip().lower() for part in accept.split(b",")]
    if b"application/json" in wanted and (b"text/html" not in wanted or wanted[0] == b"application/json"):
        return "json"
    return "html"


def request_key(scope: Scope) -> Hashable | None:
    """The cache key of a request, or ``None`` when it is not to be cached."""
    path = scope.get("path", "")
    if scope.get("method") != "GET" or path not in _ROUTES:
        return None
    stamp = _ROUTES[path]
    return (
        path,
        bytes(scope.get("query_string", b"")),
        _form(path, _header(scope, b"accept")),
        bool(_header(scope, b"hx-request")),
        __version__,
        data_checksum(),
        dt.date.today().toordinal(),
        stamp() if stamp is not None else None,
    )


class ResponseCache:
    """The middleware: answers a known request from :class:`LruStore`, keeps a new 200 answer."""

    def __init__(self, app: ASGIApp, store: LruStore | None = None) -> None:
        self.app = app
        self.store = store if store is not None else LruStore()
        self._pending: dict[Hashable, asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = request_key(scope) if scope["type"] == "http" else None
        if key is None:
            await self.app(scope, receive, send)
            return
        while True:
            found = self.store.get(key)
            if found is not None:
                await _replay(found, send)
                return
            pending = self._pending.get(key)
            if pending is None:
                break
            await pending.wait()  # the same answer is being computed: wait for it, then look again
            if self.store.get(key) is None:  # it was not kept (an error): compute this one ourselves
                break
        event = self._pending.setdefault(key, asyncio.Event())
        try:
            await self._compute(key, scope, receive, send)
        finally:
            if self._pending.get(key) is event:
                del self._pending[key]
            event.set()

    async def _compute(self, key: Hashable, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message | None = None
        parts: list[bytes] = []
        size = 0
        keep = True

        async def sending(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                start = message
                keep = message.get("status") == 200
            elif message["type"] == "http.response.body" and keep:
                body = message.get("body", b"")
                size += len(body)
                keep = size <= MAX_BODY
                parts.append(body)
                if keep and not message.get("more_body", False) and start is not None:
                    headers = tuple(
                        (bytes(n), bytes(v))
                        for n, v in start.get("headers", ())
                        if bytes(n).lower() not in SKIPPED_HEADERS
                    )
                    self.store.put(key, Stored(200, headers, b"".join(parts)))
            await send(message)

        await self.app(scope, receive, sending)


async def _replay(found: Stored, send: Send) -> None:
    headers = [*found.headers, (b"content-length", str(len(found.body)).encode())]
    await send({"type": "http.response.start", "status": found.status, "headers": headers})
    await send({"type": "http.response.body", "body": found.body})
