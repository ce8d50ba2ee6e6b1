"""Hemicycle diagrams of a chamber's seats, drawn with parliamentarch as standalone SVG.

The chart takes plain data (seats per party: a mapping, or a frame column such as an election result's
``to_frame()["seats"]``) and returns the SVG text; the caller decides where it goes.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from parliamentarch import SeatData, get_svg_from_attribution

from curul.viz._colours import party_colour


def hemicycle_svg(
    seats: Mapping[str, int],
    *,
    title: str | None = None,
    colours: Mapping[str, str] | None = None,
    legend: bool = False,
    note: str | None = None,
) -> str:
    """An SVG hemicycle, parties ordered by seats (largest first) and coloured by :func:`party_colour`.

    Parties with no seats are left out; a ``<title>`` carries ``title`` for screen readers. ``legend``
    adds a key below the arc (a square of each party's colour, its name and seats), so the file says
    what its colours mean once it leaves the page; ``note`` (a majority, say) is written under the
    seat total.
    """
    groups = sorted(((p, n) for p, n in seats.items() if n > 0), key=lambda item: (-item[1], item[0]))
    if not groups:
        raise ValueError("no seats to draw")
    attribution = {
        SeatData(f"{party} ({n})", (colours or {}).get(party) or party_colour(party), border_size=0.1): n
        for party, n in groups
    }
    svg = get_svg_from_attribution(attribution)
    if legend or note:
        svg = _with_key(svg, groups, colours or {}, note, legend)
    if title:
        start = svg.find("<svg")
        end = svg.find(">", start)
        if start >= 0 and end > start:
            svg = f"{svg[: end + 1]}\n    <title>{escape(title)}</title>{svg[end + 1 :]}"
    return svg


_WIDTH, _ARC_HEIGHT, _COLUMNS, _ROW = 360.0, 185.0, 3, 20.0


def _with_key(
    svg: str, groups: list[tuple[str, int]], colours: Mapping[str, str], note: str | None, legend: bool
) -> str:
    """``svg`` (parliamentarch's 360 x 185 arc) with the note and the key rows added below."""
    parts: list[str] = []
    y = _ARC_HEIGHT
    if note:
        y += 16.0
        parts.append(
            f'<text x="{_WIDTH / 2:.1f}" y="{y:.1f}" text-anchor="middle" font-size="13" '
            f'font-family="sans-serif">{escape(note)}</text>'
        )
    if legend:
        parts.append('<g class="legend">')
        column_width = _WIDTH / _COLUMNS
        for i, (party, n) in enumerate(groups):
            row, column = divmod(i, _COLUMNS)
            x, top = column * column_width + 4, y + 8 + row * _ROW
            colour = colours.get(party) or party_colour(party)
            label = party if len(party) <= 14 else party[:13] + "…"
            parts.append(
                f'<rect x="{x:.1f}" y="{top:.1f}" width="12" height="12" fill="{escape(colour)}" '
                f'stroke="#000000" stroke-width="0.5"/>'
                f'<text x="{x + 16:.1f}" y="{top + 10.5:.1f}" font-size="12" font-family="sans-serif">'
                f"{escape(label)} {n}</text>"
            )
        parts.append("</g>")
        y += 8 + -(-len(groups) // _COLUMNS) * _ROW
    height = y + 4
    start = svg.find("<svg")
    end = svg.find(">", start)
    head = svg[start:end]
    head = head.replace(f'height="{_ARC_HEIGHT}"', f'height="{height:.1f}"')
    head += f' viewBox="0 0 {_WIDTH:.0f} {height:.1f}"'
    closing = svg.rfind("</svg>")
    return svg[:start] + head + svg[end:closing] + "".join(parts) + svg[closing:]
