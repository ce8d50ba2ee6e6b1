"""Charts made ready for a page: an SVG from ``curul.viz`` is parsed and written out again with only
the elements and attributes a chart needs, its ``style`` attributes turned into SVG presentation
attributes (a strict Content-Security-Policy refuses inline styles), no comments or XML declaration,
and ``role="img"`` named by its ``<title>``. The rewrite is also what keeps a party name from an uploaded
file from ever becoming markup."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markupsafe import Markup

SVG_NS = "http://www.w3.org/2000/svg"
ELEMENTS = {"svg", "g", "title", "desc", "circle", "rect", "line", "text", "path", "polyline", "tspan"}
ATTRIBUTES = {
    "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "width", "height", "d", "points",
    "viewBox", "id", "class", "role", "aria-labelledby", "aria-label", "fill", "stroke", "stroke-width",
    "font-size", "font-weight", "font-family", "text-anchor", "transform", "opacity",
}  # fmt: skip
PRESENTATION = {"fill", "stroke", "stroke-width", "font-size", "font-weight", "font-family", "text-anchor"}


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _clean(element: ET.Element) -> ET.Element:
    out = ET.Element(_local(element.tag))
    for name, value in element.attrib.items():
        name = _local(name)
        if name == "style":
            for declaration in value.split(";"):
                key, _, val = declaration.partition(":")
                key, val = key.strip(), val.strip()
                if key in PRESENTATION and val:
                    out.set(key, val.removesuffix("px") if key == "font-size" else val)
        elif name in ATTRIBUTES:
            out.set(name, value)
    out.text = element.text
    for child in element:
        if _local(child.tag) in ELEMENTS:
            cleaned = _clean(child)
            cleaned.tail = child.tail
            out.append(cleaned)
    return out


def page_svg(svg: str, ident: str) -> str:
    """``svg`` rewritten for a page; its first ``<title>`` gets the id ``ident``-title."""
    root = _clean(ET.fromstring(svg))
    root.set("xmlns", SVG_NS)
    root.set("role", "img")
    if "viewBox" not in root.attrib and "width" in root.attrib and "height" in root.attrib:
        root.set("viewBox", f"0 0 {root.get('width')} {root.get('height')}")
    title = root.find("title")
    if title is not None:
        title.set("id", f"{ident}-title")
        root.set("aria-labelledby", f"{ident}-title")
    root.set("class", (root.get("class", "") + " chart").strip())
    return ET.tostring(root, encoding="unicode")


def inline(svg: str, ident: str) -> Markup:
    """:func:`page_svg` as markup a template may insert as it is (it was rebuilt element by element)."""
    return Markup(page_svg(svg, ident))
