"""A timeline of terms of office as standalone SVG: one row per term, a bar from start to end on a shared
time axis, the label above the bar (so the chart stays readable when scaled to a phone's width).

The chart takes plain data (labels and dates, already worded in the reader's language) and uses SVG
attributes only, never ``style`` attributes or ``<style>`` elements, so a page with a strict
Content-Security-Policy can inline it; ``role="img"`` with ``<title>`` and ``<desc>`` names it for
screen readers, and a page shows a data table beside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 400.0
MARGIN = 8.0
ROW = 34.0
AXIS = 24.0
BAR = 10.0
MIN_BAR = 2.5  # a term of a few days still shows


@dataclass(frozen=True)
class TimelineSpan:
    """One term: ``label`` (shown above the bar) from ``start`` to ``end``; ``key`` becomes the bar's id."""

    label: str
    start: dt.date
    end: dt.date
    key: str = ""


def _x(day: dt.date, first: dt.date, last: dt.date) -> float:
    total = (last - first).days or 1
    return MARGIN + (WIDTH - 2 * MARGIN) * (day - first).days / total


def timeline_svg(
    spans: Sequence[TimelineSpan],
    *,
    title: str,
    description: str = "",
    highlight: str | None = None,
    tick_every: int = 2,
) -> str:
    """An SVG timeline of ``spans`` in order; the span whose ``key`` is ``highlight`` is drawn marked
    (``class="bar current"``). Year ticks every ``tick_every`` years on the shared axis."""
    if not spans:
        raise ValueError("no spans to draw")
    first = min(s.start for s in spans)
    last = max(s.end for s in spans)
    height = AXIS + ROW * len(spans) + MARGIN
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {height:.0f}" '
        f'width="{WIDTH:.0f}" height="{height:.0f}" role="img" aria-labelledby="timeline-title'
        f'{" timeline-desc" if description else ""}" class="timeline" font-family="sans-serif">',
        f'<title id="timeline-title">{escape(title)}</title>',
    ]
    if description:
        out.append(f'<desc id="timeline-desc">{escape(description)}</desc>')
    out.append('<g class="axis" font-size="10" text-anchor="middle">')
    for year in range(first.year + (first.month > 1), last.year + 1):
        if (year - first.year) % tick_every and year != last.year:
            continue
        x = _x(dt.date(year, 1, 1), first, last)
        out.append(
            f'<line x1="{x:.1f}" y1="{AXIS - 6:.0f}" x2="{x:.1f}" y2="{height - MARGIN:.0f}" '
            'stroke="#8a8a8a" stroke-width="0.5" class="grid"/>'
        )
        out.append(f'<text x="{x:.1f}" y="{AXIS - 10:.0f}">{year}</text>')
    out.append("</g>")
    for i, span in enumerate(spans):
        top = AXIS + ROW * i
        x0 = _x(span.start, first, last)
        width = max(MIN_BAR, _x(span.end, first, last) - x0)
        marked = " current" if highlight is not None and span.key == highlight else ""
        anchor, tx = ("end", x0 + width) if x0 > WIDTH / 2 else ("start", x0)
        ident = f' id="bar-{escape(span.key)}"' if span.key else ""
        out.append(
            f'<g class="term{marked}"{ident}>'
            f'<text x="{tx:.1f}" y="{top + 12:.1f}" font-size="12" text-anchor="{anchor}">'
            f"{escape(span.label)}</text>"
            f'<rect class="bar{marked}" x="{x0:.1f}" y="{top + 17:.1f}" width="{width:.1f}" '
            f'height="{BAR:.0f}" rx="2" fill="#2f6db5"/></g>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
