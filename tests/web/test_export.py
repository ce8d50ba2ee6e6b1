"""Chart files drawn on the server (``curul.web._export``): a white ground under an SVG chart, a page's
Vega-Lite spec given a fixed width for a file (the page's own spec untouched), and real PNG bytes."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

from curul.web._export import EXPORT_WIDTH, SCALE, _on_white, _static, svg_png

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><title>t</title>'
    '<text x="2" y="20">1,234.5</text></svg>'
)


def test_an_svg_chart_gets_a_white_ground_under_everything():
    root = ET.fromstring(_on_white(SVG))
    first = next(iter(root))
    assert first.tag.endswith("rect") and first.get("fill") == "#ffffff" and first.get("width") == "100%"
    assert [child.tag.rpartition("}")[2] for child in root] == ["rect", "title", "text"]


def test_a_spec_sized_to_its_container_gets_a_fixed_width_and_is_not_changed():
    spec = {"width": "container", "background": None, "data": {"values": [{"a": 1}]}}
    fixed = _static(spec)
    assert fixed["width"] == EXPORT_WIDTH and fixed["background"] == "#ffffff"
    assert spec == {"width": "container", "background": None, "data": {"values": [{"a": 1}]}}
    assert _static({"width": 300})["width"] == 300


def test_the_png_of_an_svg_is_twice_its_size():
    body = svg_png(SVG)
    assert body[:8] == b"\x89PNG\r\n\x1a\n" and body[12:16] == b"IHDR"
    assert struct.unpack(">II", body[16:24]) == (120 * SCALE, 40 * SCALE)
