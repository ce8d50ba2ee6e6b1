"""``/embed/...`` (``curul.web.pages.charts``): each chart alone with its title, source line and a link
back to its page, the only pages another site may frame; and each chart's SVG and PNG files, drawn on
the server from the same view as the page."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from curul.web._pages import registry
from curul.web._security import CSP, EMBED_CSP
from curul.web.pages.charts import CHARTS

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "rollcalls"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FAST_FORECAST = "simulaciones=500"
SERVER_SVG = {  # embed path, query, what the page's own chart says (its <title>)
    "/embed/escanos": ("sistema=peru-2016", "peru-2016"),
    "/embed/poder": ("composicion=2021-07", "2021-07"),
    "/embed/historia": ("", ""),
}


def _png_size(body: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which the PNG format puts first after the signature."""
    assert body[:8] == PNG_SIGNATURE and body[12:16] == b"IHDR"
    width, height = struct.unpack(">II", body[16:24])
    return int(width), int(height)


def test_every_chart_names_a_registered_page_at_its_path():
    for chart in CHARTS:
        page = registry().get(chart.page)
        assert page is not None and page.path == chart.path


@pytest.mark.parametrize("path", sorted(SERVER_SVG))
def test_an_embed_page_is_the_chart_its_title_source_and_a_link_back(client, path):
    query, said = SERVER_SVG[path]
    answer = client.get(f"{path}?{query}")
    assert answer.status_code == 200
    assert answer.headers["content-security-policy"] == EMBED_CSP
    assert "frame-ancestors *" in EMBED_CSP and "x-frame-options" not in answer.headers
    html = answer.text
    assert html.count('role="img"') == 1 and "<nav" not in html and "<form" not in html
    assert "Fuente: curul" in html and said in html
    page = path.removeprefix("/embed")
    assert f'href="{page}{"?" + query if query else ""}" target="_top"' in html
    # the same chart as the page shows (same markup, same parameters)
    full = client.get(f"{page}?{query}").text
    start = html.index("<svg")
    assert html[start : html.index("</svg>", start)] in full


def test_an_embed_page_in_english_and_a_vega_chart(client):
    answer = client.get(f"/embed/pronostico?{FAST_FORECAST}&lang=en")
    assert answer.status_code == 200 and '<html lang="en">' in answer.text
    assert 'data-spec="' in answer.text and "/static/vendor/vega/" in answer.text
    assert "Source: curul" in answer.text and "500 simulations" in answer.text
    assert f'href="/pronostico?{FAST_FORECAST}&amp;lang=en"' in answer.text


def test_every_other_page_stays_unframeable(client):
    for path in ("/escanos", "/escanos.png", "/historia.svg", "/api/seats", "/static/curul.css", "/nada"):
        headers = client.get(path).headers
        assert headers["content-security-policy"] == CSP and "frame-ancestors 'none'" in CSP
        assert headers["x-frame-options"] == "DENY"


def test_a_mistake_in_an_embed_is_the_pages_own_422(client):
    answer = client.get("/embed/escanos?sistema=nowhere", headers={"Accept": "application/json"})
    assert answer.status_code == 422 and answer.json()["error"]["field"] == "sistema"
    assert client.get("/escanos.png?sistema=nowhere").status_code == 422


def test_an_upload_is_never_read_from_a_query_string(client):
    answer = client.get("/embed/escanos?sistema=peru-2016&csv=district,party,votes%0ALIMA,X,1")
    assert answer.status_code == 200 and "LIMA" not in answer.text and "FUERZA POPULAR" in answer.text


@pytest.mark.parametrize("page", ["/escanos", "/poder", "/historia"])
def test_a_server_side_chart_as_png_is_twice_its_svg(client, page):
    svg = client.get(f"{page}.svg")
    assert svg.status_code == 200 and svg.headers["content-type"] == "image/svg+xml"
    root = ET.fromstring(svg.content)
    width, height = float(root.get("width") or 0), float(root.get("height") or 0)
    if not width:  # sized by its viewBox
        width, height = (float(v) for v in (root.get("viewBox") or "").split()[2:])
    png = client.get(f"{page}.png")
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.headers["content-disposition"].endswith('.png"')
    drawn = _png_size(png.content)  # a fractional size is cut to whole pixels
    assert abs(drawn[0] - 2 * width) < 1 and abs(drawn[1] - 2 * height) < 1


def test_a_vega_chart_is_drawn_on_the_server_as_svg_and_png(client):
    svg = client.get(f"/pronostico.svg?{FAST_FORECAST}")
    assert svg.status_code == 200 and svg.text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')
    root = ET.fromstring(svg.content)
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "peru-2026" in texts and "% de votos válidos" in texts  # the page's own Spanish title and axis
    width, height = _png_size(client.get(f"/pronostico.png?{FAST_FORECAST}").content)
    assert width >= 2 * 640 and height > 0  # 640 px of plot (EXPORT_WIDTH) and its labels, at scale 2


def test_the_roll_call_charts_embed_and_export(client, monkeypatch):
    if not DATA.is_dir():
        pytest.skip("../shared/data/rollcalls is absent")
    monkeypatch.setenv("CURUL_ROLLCALLS", str(DATA.resolve()))
    answer = client.get("/embed/votaciones?frecuencia=year")
    assert answer.status_code == 200 and 'data-chart="cohesion"' in answer.text
    # the source line names the roll calls read (as first loaded in this process: one path or another
    # to the same folder)
    assert re.search(r"Votaciones nominales del Congreso: [^<]*data/rollcalls\.</p>", answer.text)
    width, _ = _png_size(client.get("/votaciones.png?frecuencia=year").content)
    assert width >= 2 * 640
    # a prediction page without a chosen vote has no chart to embed
    assert client.get("/embed/votaciones/prediccion").status_code == 404


def test_the_index_lists_every_chart(client):
    data = client.get("/embed/", headers={"Accept": "application/json"}).json()
    assert [c["embed"] for c in data["charts"]] == [c.embed for c in CHARTS]
    assert client.get("/embed/?lang=en").status_code == 200
