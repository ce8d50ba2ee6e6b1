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
) -> str:
    """An SVG hemicycle, parties ordered by seats (largest first) and coloured by :func:`party_colour`.

    Parties with no seats are left out; a ``<title>`` carries ``title`` for screen readers.
    """
    groups = sorted(((p, n) for p, n in seats.items() if n > 0), key=lambda item: (-item[1], item[0]))
    if not groups:
        raise ValueError("no seats to draw")
    attribution = {
        SeatData(f"{party} ({n})", (colours or {}).get(party) or party_colour(party), border_size=0.1): n
        for party, n in groups
    }
    svg = get_svg_from_attribution(attribution)
    if title:
        start = svg.find("<svg")
        end = svg.find(">", start)
        if start >= 0 and end > start:
            svg = f"{svg[: end + 1]}\n    <title>{escape(title)}</title>{svg[end + 1 :]}"
    return svg
