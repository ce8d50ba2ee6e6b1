"""``/embed/...`` in Debian's Chromium: another site may frame an embed page (its chart is there) but
not a page of the dashboard (``frame-ancestors 'none'``: Chromium refuses the frame); a Vega chart draws in
its embed page under the same CSP, and axe finds nothing there, light and dark."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

HTML = (
    '<!doctype html><html lang="es"><head><title>otro sitio</title></head><body>'
    '<iframe id="grafico" title="hemiciclo" src="{server}/embed/escanos?sistema=peru-2016"'
    ' width="720" height="640"></iframe>'
    '<iframe id="pagina" title="pagina" src="{server}/escanos" width="400" height="300"></iframe>'
    "</body></html>"
)


@pytest.fixture
def other_site(server) -> Iterator[str]:
    """Another origin framing the dashboard: a page served on loopback and opened as ``localhost``
    (not the server's ``127.0.0.1``); loopback, since Chromium keeps a public site from framing a
    loopback address at all."""
    body = HTML.format(server=server).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{site.server_address[1]}/"
    finally:
        site.shutdown()
        site.server_close()


def test_another_site_may_frame_an_embed_page_and_no_other_page(browser, server, other_site, shot):
    context = browser.new_context(viewport={"width": 1200, "height": 1000})
    page = context.new_page()
    outside: list[str] = []
    refused: list[str] = []
    page.on(
        "request",
        lambda r: None if r.url.startswith((server + "/", other_site)) else outside.append(r.url),
    )
    page.on("requestfailed", lambda r: refused.append(f"{r.url} {r.failure}"))
    try:
        page.goto(other_site)
        framed = page.frame_locator("#grafico")
        expect(framed.locator("svg[role='img']")).to_be_visible(timeout=30_000)
        expect(framed.locator("h1")).to_contain_text("peru-2016")
        back = framed.locator("a[target='_top']").first
        expect(back).to_have_attribute("href", "/escanos?sistema=peru-2016")
        page.wait_for_load_state("load")
        handle = page.locator("#pagina").element_handle()
        frame = handle.content_frame() if handle else None
        assert frame is not None and frame.url.startswith("chrome-error:")  # the page refused the frame
        assert refused == [f"{server}/escanos net::ERR_BLOCKED_BY_RESPONSE"]
        shot(page, "embed-framed")
    finally:
        context.close()
    assert outside == [], f"requests left the server: {outside}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_vega_chart_draws_in_its_embed_page_and_axe_finds_nothing(open_page, axe, shot, scheme):
    page = open_page("/embed/pronostico?simulaciones=500", scheme=scheme, width=640)
    expect(page.locator(".vega-chart.drawn svg").first).to_be_visible(timeout=20_000)
    axe(page)
    shot(page, f"embed-pronostico-{scheme}")
