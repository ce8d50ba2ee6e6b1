"""Chart files made on the server: an SVG chart of a page (the hemicycle, the power bars, the presidents
timeline) as PNG, and a Vega-Lite spec of a page (forecast distributions, cohesion, ideal points, a
vote's prediction) as SVG or PNG, with ``vl-convert-python`` (a self-contained wheel: the Vega and
Vega-Lite of its own bundle, resvg for raster, the system's fonts; nothing is fetched).

A PNG is drawn at twice the chart's size (:data:`SCALE`) on a white ground, so it reads in print and on
a slide; a Vega-Lite spec sized to its page's container gets :data:`EXPORT_WIDTH` pixels, and numbers
in Peru's format (decimal point, thousands comma), as in the browser.
"""

from __future__ import annotations

import copy
import threading
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any, Literal

SCALE = 2.0
EXPORT_WIDTH = 640
SVG_NS = "http://www.w3.org/2000/svg"
#: es-PE numbers (d3-format), the same as static/charts.js gives vega-embed
FORMAT_LOCALE = {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["S/ ", ""]}
TIME_LOCALES: dict[str, Literal["es-ES", "en-GB"]] = {"es": "es-ES", "en": "en-GB"}
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_LOCK = threading.Lock()  # one conversion at a time: each is CPU-bound, and the converter is shared


def _on_white(svg: str) -> str:
    """``svg`` with a white rectangle under everything (a PNG has no page colour behind it)."""
    ET.register_namespace("", SVG_NS)
    root = ET.fromstring(svg)
    ground = ET.Element(f"{{{SVG_NS}}}rect" if root.tag.startswith("{") else "rect")
    ground.attrib.update({"x": "0", "y": "0", "width": "100%", "height": "100%", "fill": "#ffffff"})
    root.insert(0, ground)
    return ET.tostring(root, encoding="unicode")


def svg_png(svg: str) -> bytes:
    """The PNG of a server-side SVG chart, at :data:`SCALE` times its size."""
    import vl_convert

    with _LOCK:
        return bytes(vl_convert.svg_to_png(_on_white(svg), scale=SCALE))


def _static(spec: Mapping[str, Any]) -> dict[str, Any]:
    """The page's spec for a file: a fixed width instead of the container's, a white background."""
    out = copy.deepcopy(dict(spec))
    if out.get("width") == "container":
        out["width"] = EXPORT_WIDTH
    out["background"] = "#ffffff"
    return out


def vega_svg(spec: Mapping[str, Any], lang: str) -> str:
    """A Vega-Lite spec drawn as SVG by vl-convert (no data is fetched: the spec carries its own)."""
    import vl_convert

    with _LOCK:
        return str(
            vl_convert.vegalite_to_svg(
                _static(spec),
                format_locale=FORMAT_LOCALE,
                time_format_locale=TIME_LOCALES.get(lang, "es-ES"),
                allowed_base_urls=[],
            )
        )


def vega_png(spec: Mapping[str, Any], lang: str) -> bytes:
    """A Vega-Lite spec drawn as PNG at :data:`SCALE` times its size."""
    import vl_convert

    with _LOCK:
        return bytes(
            vl_convert.vegalite_to_png(
                _static(spec),
                scale=SCALE,
                format_locale=FORMAT_LOCALE,
                time_format_locale=TIME_LOCALES.get(lang, "es-ES"),
                allowed_base_urls=[],
            )
        )
