"""The response cache (``curul.web._cache``): a repeated GET is answered from memory with the same
status, headers and bytes as the first time; POSTs, mistakes and saved scenarios never are; the store
is bounded; concurrent requests for one new key compute it once."""

from __future__ import annotations

import asyncio
import threading

import pytest
from starlette.requests import Request

from curul.web._cache import LruStore, ResponseCache, Stored, _form, cacheable, request_key
from curul.web._formats import Format, requested_format

URLS = (
    "/escanos?sistema=peru-2016",
    "/escanos.json?sistema=peru-2011&metodo=hare",
    "/escanos.csv?sistema=peru-2016&table=districts",
    "/escanos.svg?sistema=peru-2016",
    "/historia?t=2&lang=en",
    "/poder.json?composicion=2021-07",
    "/api/seats?system=peru-2026-deputies",
    "/api/power?composition=2026-07-deputies",
    "/api/history",
)


@pytest.mark.parametrize("url", URLS)
def test_a_repeated_request_is_a_hit_with_the_same_answer(client, url):
    store = client.app.state.response_cache
    first = client.get(url)
    assert first.status_code == 200
    hits = store.hits
    second = client.get(url)
    assert store.hits == hits + 1
    assert second.content == first.content
    for header in ("content-type", "vary", "content-disposition", "content-security-policy"):
        assert second.headers.get(header) == first.headers.get(header)
    assert second.headers["content-length"] == str(len(first.content))


def test_the_form_asked_for_is_part_of_the_key(client):
    html = client.get("/escanos?sistema=peru-2016")
    data = client.get("/escanos?sistema=peru-2016", headers={"Accept": "application/json"})
    part = client.get("/escanos?sistema=peru-2016", headers={"HX-Request": "true"})
    assert html.headers["content-type"].startswith("text/html")
    assert data.headers["content-type"] == "application/json"
    assert data.json()["system"] == "peru-2016"
    assert "<html" in html.text and "<html" not in part.text
    assert len(client.app.state.response_cache) == 3


def test_posts_mistakes_and_saved_scenarios_are_not_kept(client):
    store = client.app.state.response_cache
    upload = ("votos.csv", b"district,party,votes\nLIMA,A,100\n", "text/csv")
    assert client.post("/escanos.json", files={"archivo": upload}).status_code in (200, 422)
    assert client.get("/escanos.json?sistema=nowhere").status_code == 422
    assert client.get("/api/seats?system=nowhere").status_code == 422
    saved = client.post("/s", data={"page": "seats", "sistema": "peru-2016"}, follow_redirects=False)
    assert client.get(saved.headers["location"]).status_code == 200
    assert len(store) == 0


def test_the_key_follows_the_format_reader():
    """``_form`` reads the form as ``requested_format`` does, without building a Request."""
    for path in ("/escanos", "/escanos.json", "/escanos.csv"):
        for accept in ("", "text/html", "application/json", "text/html, application/json",
                       "application/json, text/html", "application/json;q=0.9", "*/*"):  # fmt: skip
            scope = {"type": "http", "path": path, "headers": [(b"accept", accept.encode())]}
            expected = requested_format(Request(scope))
            assert _form(path, accept.encode()) == expected.value
    assert Format.CSV.value == "csv"


def _scope(path: str, query: bytes = b"", method: str = "GET") -> dict[str, object]:
    return {"type": "http", "method": method, "path": path, "query_string": query, "headers": []}


def test_only_registered_gets_have_a_key_and_a_stamp_joins_it():
    seen = ["a"]
    cacheable("/prueba-sello", lambda: seen[0])
    first = request_key(_scope("/prueba-sello", b"x=1"))
    assert first is not None and first == request_key(_scope("/prueba-sello", b"x=1"))
    assert first != request_key(_scope("/prueba-sello", b"x=2"))
    seen[0] = "b"  # the outside data changed (a new roll-call import): a new key
    assert request_key(_scope("/prueba-sello", b"x=1")) != first
    assert request_key(_scope("/prueba-sello", method="POST")) is None
    assert request_key(_scope("/no-registrada")) is None


def test_the_store_is_bounded_in_entries_and_bytes():
    store = LruStore(max_entries=2, max_bytes=10)
    for key in "abc":
        store.put(key, Stored(200, (), b"xx"))
    assert store.get("a") is None and store.get("b") is not None and len(store) == 2
    store.put("d", Stored(200, (), b"123456789"))  # 2 + 9 > 10: the least recent goes
    assert store.get("c") is None and store.get("b") is None and store.get("d") is not None
    store.put("e", Stored(200, (), b"x" * 11))  # alone larger than the bound: not kept
    assert len(store) == 0


def test_the_store_keeps_its_counts_under_threads():
    store = LruStore(max_entries=50, max_bytes=10_000)

    def work(k: int) -> None:
        for i in range(300):
            store.put((k, i % 80), Stored(200, (), b"x" * (i % 7)))
            store.get((k, (i * 3) % 80))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(store) <= 50
    assert store._bytes == sum(len(v.body) for v in store._entries.values())


def test_concurrent_requests_for_a_new_key_compute_it_once():
    calls = []
    cacheable("/prueba-una-vez")

    async def app(scope, receive, send):
        calls.append(scope["path"])
        await asyncio.sleep(0.01)  # still computing while the others arrive
        headers = [(b"content-type", b"text/plain")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"hecho"})

    cache = ResponseCache(app)

    async def one() -> tuple[int, bytes]:
        sent: list[dict[str, object]] = []

        async def send(message):
            sent.append(message)

        async def receive():
            return {"type": "http.request", "body": b""}

        await cache(_scope("/prueba-una-vez"), receive, send)
        return int(sent[0]["status"]), bytes(sent[1]["body"])  # type: ignore[call-overload]

    async def many() -> list[tuple[int, bytes]]:
        return await asyncio.gather(*(one() for _ in range(8)))

    answers: list[list[tuple[int, bytes]]] = []
    # in a thread of its own: the test process may already run an event loop (Playwright's) here
    runner = threading.Thread(target=lambda: answers.append(asyncio.run(many())))
    runner.start()
    runner.join()
    assert answers == [[(200, b"hecho")] * 8]
    assert calls == ["/prueba-una-vez"]
