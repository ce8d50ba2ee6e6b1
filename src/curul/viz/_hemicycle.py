"""Hemicycle diagrams of a chamber's seats, drawn with parliamentarch as standalone SVG.

The chart takes plain data (seats per party: a mapping, or a frame column such as an election result's
``to_frame()["seats"]``) and returns the SVG text; the caller decides where it goes. Beneath the arc a
legend names every party with its seats and colour; the document is an image with a title and a
description for screen readers; and parties side by side get colours at least
:data:`~curul.viz._colour_distance.MIN_DELTA_E` apart (ΔE00), so two reds never touch.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape

from parliamentarch import SeatData, get_svg_from_attribution

from curul.viz._colour_distance import MIN_DELTA_E, delta_e
from curul.viz._colours import FALLBACK, party_colour

LEGEND_ROW = 18  # px per legend line
LEGEND_FONT = 12  # px
CHAR_WIDTH = 0.62 * LEGEND_FONT  # a generous average width of a sans-serif character


def adjacent_colours(
    parties: Sequence[str], colours: Mapping[str, str] | None = None, minimum: float = MIN_DELTA_E
) -> dict[str, str]:
    """A colour per party, in seat order, such that neighbours differ by at least ``minimum`` ΔE00.

    Each party keeps its own colour (``colours``, else :func:`party_colour`) unless it is too close to
    the one drawn before it; then it takes the first palette colour far enough from that one and from
    the next party's, and not yet used. Colours given in ``colours`` are never changed.
    """
    given = dict(colours or {})
    wanted = [given.get(p) or party_colour(p) for p in parties]
    out: dict[str, str] = {}
    for i, party in enumerate(parties):
        colour = wanted[i]
        before = out[parties[i - 1]] if i else None
        if party not in given and before is not None and delta_e(colour, before) < minimum:
            after = wanted[i + 1] if i + 1 < len(parties) else None
            used = set(out.values()) | set(wanted)

            def spread(c: str, before: str = before, after: str | None = after) -> float:
                return min(delta_e(c, before), delta_e(c, after) if after else float("inf"))

            free = [c for c in FALLBACK if c not in used] or list(FALLBACK)
            colour = next((c for c in free if spread(c) >= minimum), max(free, key=spread))
        out[party] = colour
    return out


def _legend(groups: Sequence[tuple[str, int]], colours: Mapping[str, str], top: float) -> str:
    lines = ['    <g id="legend" style="font-family:sans-serif">']
    for k, (party, n) in enumerate(groups):
        y = top + k * LEGEND_ROW
        lines.append(
            f'        <rect x="10" y="{y:.1f}" width="12" height="12" style="fill:{colours[party]};'
            'stroke:#000000;stroke-width:0.5"/>'
        )
        lines.append(
            f'        <text x="28" y="{y + 10.5:.1f}" style="font-size:{LEGEND_FONT}px">'
            f"{escape(party)} ({n})</text>"
        )
    lines.append("    </g>")
    return "\n".join(lines)


def hemicycle_svg(
    seats: Mapping[str, int],
    *,
    title: str | None = None,
    colours: Mapping[str, str] | None = None,
) -> str:
    """An SVG hemicycle, parties ordered by seats (largest first) and coloured by :func:`party_colour`
    (neighbours kept apart by :func:`adjacent_colours`), with a legend of every party and its seats.

    Parties with no seats are left out. The ``<svg>`` is ``role="img"``, labelled by a ``<title>``
    (``title``, default "Hemicycle of N seats") and a ``<desc>`` listing the parties and seats.
    """
    groups = sorted(((p, n) for p, n in seats.items() if n > 0), key=lambda item: (-item[1], item[0]))
    if not groups:
        raise ValueError("no seats to draw")
    chosen = adjacent_colours([p for p, _ in groups], colours)
    attribution = {SeatData(f"{party} ({n})", chosen[party], border_size=0.1): n for party, n in groups}
    svg = get_svg_from_attribution(attribution)
    size = re.search(r'width="([\d.]+)"\s+height="([\d.]+)"', svg)
    if size is None:
        raise ValueError("unexpected SVG header from parliamentarch")
    arc_width, arc_height = float(size.group(1)), float(size.group(2))
    longest = max(len(f"{p} ({n})") for p, n in groups)
    width = max(arc_width, 28 + longest * CHAR_WIDTH + 10)
    height = arc_height + 10 + len(groups) * LEGEND_ROW
    total = sum(n for _, n in groups)
    label = title or f"Hemicycle of {total} seats"
    described = ", ".join(f"{p} {n}" for p, n in groups)
    header = (
        f'width="{width:.1f}" height="{height:.1f}" viewBox="0 0 {width:.1f} {height:.1f}" role="img" '
        'aria-labelledby="hemicycle-title hemicycle-desc"'
    )
    svg = svg[: size.start()] + header + svg[size.end() :]
    start = svg.find("<svg")
    end = svg.find(">", start)
    accessible = (
        f'\n    <title id="hemicycle-title">{escape(label)}</title>'
        f'\n    <desc id="hemicycle-desc">{escape(f"{total} seats: {described}")}</desc>'
    )
    svg = svg[: end + 1] + accessible + svg[end + 1 :]
    close = svg.rfind("</svg>")
    return svg[:close] + _legend(groups, chosen, arc_height + 10) + "\n" + svg[close:]
