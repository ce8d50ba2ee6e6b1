"""Power bars drawn on the server: for each player (a group, or a party in the joint game), its share of
the seats beside its Banzhaf and Shapley–Shubik indices, so the gap between seats and power shows at a
glance. The chart is plain SVG built element by element (a party name is text, never markup), titled
and described for screen readers; every figure in it is also in the table the page puts beside it.

The function is pure: rows in, SVG text out. Numbers are written by the ``percent`` function the page
passes (the reader's locale: ``31.6%`` in es-PE and en-GB alike, but the choice stays the page's).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from curul.viz import party_colour

#: Players drawn at most (the table beside the chart lists them all).
MAX_BARS = 24
LABEL_WIDTH = 120
BAR_WIDTH = 300
VALUE_WIDTH = 64
ROW_HEIGHT = 40
TOP = 64
#: The three measures, in drawing order: key, fill opacity.
MEASURES = (("seats", 0.35), ("banzhaf", 1.0), ("shapley_shubik", 0.7))


@dataclass(frozen=True)
class PowerBar:
    """One player: its label, the colour key (a party name), and seat share and indices in 0..1."""

    label: str
    party: str
    seats: float
    banzhaf: float
    shapley_shubik: float


def _text(parent: ET.Element, x: float, y: float, text: str, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, "text", {"x": f"{x:g}", "y": f"{y:g}", **attrs})
    node.text = text
    return node


def power_bars_svg(
    bars: Sequence[PowerBar],
    *,
    title: str,
    description: str,
    legend: dict[str, str],
    percent: Callable[[float], str],
) -> str:
    """The chart as SVG text: one row per bar (at most :data:`MAX_BARS`), three bars a row.

    ``legend`` names the measures (``seats``, ``banzhaf``, ``shapley_shubik``) in the reader's
    language; ``percent`` formats a share given in percent.
    """
    shown = list(bars)[:MAX_BARS]
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    height = TOP + ROW_HEIGHT * len(shown) + 8
    top = max(
        [b.seats for b in shown] + [b.banzhaf for b in shown] + [b.shapley_shubik for b in shown] + [0.01]
    )
    scale = BAR_WIDTH / top
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width} {height}",
            "width": str(width),
            "height": str(height),
            "class": "power-bars",
            "font-family": "sans-serif",
            "font-size": "12",
        },
    )
    ET.SubElement(svg, "title").text = title
    ET.SubElement(svg, "desc").text = description
    key = ET.SubElement(svg, "g", {"class": "legend"})
    x = 0.0
    for measure, opacity in MEASURES:
        ET.SubElement(
            key,
            "rect",
            {
                "x": f"{x:g}",
                "y": "8",
                "width": "14",
                "height": "10",
                "fill": "currentColor",
                "opacity": f"{opacity:g}",
            },
        )
        label = legend[measure]
        _text(key, x + 18, 17, label, fill="currentColor")
        x += 26 + 7 * len(label)
    thick = (ROW_HEIGHT - 10) / len(MEASURES)
    for row, bar in enumerate(shown):
        y0 = TOP + row * ROW_HEIGHT
        group = ET.SubElement(svg, "g", {"class": "player"})
        _text(
            group,
            LABEL_WIDTH - 8,
            y0 + ROW_HEIGHT / 2,
            bar.label,
            fill="currentColor",
            **{"text-anchor": "end", "font-weight": "bold"},
        )
        colour = party_colour(bar.party)
        for k, (measure, opacity) in enumerate(MEASURES):
            value = float(getattr(bar, measure))
            y = y0 + 4 + k * thick
            rect = ET.SubElement(
                group,
                "rect",
                {
                    "x": str(LABEL_WIDTH),
                    "y": f"{y:g}",
                    "width": f"{max(value * scale, 0.5):.2f}",
                    "height": f"{thick - 1:g}",
                    "fill": colour,
                    "opacity": f"{opacity:g}",
                },
            )
            ET.SubElement(rect, "title").text = f"{bar.label}: {legend[measure]} {percent(100 * value)}"
            _text(
                group,
                LABEL_WIDTH + value * scale + 4,
                y + thick - 3,
                percent(100 * value),
                fill="currentColor",
                **{"font-size": "10"},
            )
    axis = ET.SubElement(svg, "g", {"class": "axis"})
    ET.SubElement(
        axis,
        "line",
        {
            "x1": str(LABEL_WIDTH),
            "x2": str(LABEL_WIDTH),
            "y1": str(TOP - 6),
            "y2": str(height - 4),
            "stroke": "currentColor",
            "stroke-width": "1",
        },
    )
    return ET.tostring(svg, encoding="unicode")
