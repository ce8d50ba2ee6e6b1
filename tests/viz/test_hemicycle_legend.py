"""The hemicycle names its parties (a legend with seats), is an accessible image, and never puts two
colours a reader cannot tell apart side by side, on every bundled composition and official result."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest

from curul.congress import compositions
from curul.elections import allocate_official, congress_results
from curul.viz import hemicycle_svg, party_colour
from curul.viz._colour_distance import MIN_DELTA_E, ciede2000, delta_e
from curul.viz._hemicycle import adjacent_colours

NS = "{http://www.w3.org/2000/svg}"

# Sharma, Wu & Dalal (2005), Table 1: CIELAB pairs and their ΔE00 (pairs 1, 2, 3, 7, 13, 15, 17, 25).
SHARMA = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
    ((50.0, 2.8361, -74.0200), (50.0, 0.0, -82.7485), 3.4412),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.4900, -0.0010), (50.0, -2.4900, 0.0009), 7.1792),
    ((50.0, 2.4900, -0.0010), (50.0, -2.4900, 0.0011), 7.2195),
    ((50.0, 2.5000, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
]


@pytest.mark.parametrize(("lab1", "lab2", "expected"), SHARMA)
def test_ciede2000_matches_the_published_pairs(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=5e-5)
    assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=5e-5)


def _bundled_chambers() -> list[tuple[str, dict[str, int]]]:
    chambers = [(f"composition {c.id}", {g.name: g.seats for g in c.groups}) for c in compositions()]
    for year in (2001, 2006, 2011, 2016):
        chambers.append((f"official {year}", dict(allocate_official(f"peru-{year}").seats)))
    chambers.append(("official 2021", {p.party: p.seats for p in congress_results(2021).parties}))
    return chambers


CHAMBERS = _bundled_chambers()


def test_the_two_2016_reds_were_side_by_side():
    # 2016 (JNE INFOgob): Acción Popular 5 and Alianza Popular 5 are drawn next to each other, and their
    # curated reds are under the minimum; the chart gives the second another colour.
    assert delta_e(party_colour("ACCION POPULAR"), party_colour("ALIANZA POPULAR")) < MIN_DELTA_E
    chosen = adjacent_colours(["ACCION POPULAR", "ALIANZA POPULAR"])
    assert chosen["ACCION POPULAR"] == party_colour("ACCION POPULAR")
    assert delta_e(chosen["ACCION POPULAR"], chosen["ALIANZA POPULAR"]) >= MIN_DELTA_E


@pytest.mark.parametrize(("name", "seats"), CHAMBERS, ids=[n for n, _ in CHAMBERS])
def test_every_bundled_chamber_has_a_legend_and_distinct_neighbours(name, seats):
    root = ET.fromstring(hemicycle_svg(seats, title=name))
    assert root.get("role") == "img" and root.get("aria-labelledby") == "hemicycle-title hemicycle-desc"
    assert root.find(f"{NS}title").text == name
    drawn = [(p, n) for p, n in sorted(seats.items(), key=lambda i: (-i[1], i[0])) if n > 0]
    total = sum(n for _, n in drawn)
    assert root.find(f"{NS}desc").text == f"{total} seats: " + ", ".join(f"{p} {n}" for p, n in drawn)
    legend = next(g for g in root.findall(f"{NS}g") if g.get("id") == "legend")
    assert [t.text for t in legend.findall(f"{NS}text")] == [f"{p} ({n})" for p, n in drawn]
    swatches = [r.get("style").split(";")[0].removeprefix("fill:") for r in legend.findall(f"{NS}rect")]
    arcs = [g for g in root.findall(f"{NS}g") if g.get("id") != "legend"]
    assert [len(g.findall(f"{NS}circle")) for g in arcs] == [n for _, n in drawn]
    for g, colour in zip(arcs, swatches, strict=True):  # the legend shows the colours drawn
        assert f"fill:{colour.lower()}" in g.get("style").lower()
    gaps = [delta_e(a, b) for a, b in pairwise(swatches)]
    assert not gaps or min(gaps) >= MIN_DELTA_E, (name, gaps)
    height = float(root.get("height"))
    assert all(float(r.get("y")) + 12 <= height for r in legend.findall(f"{NS}rect"))


def test_given_colours_are_kept_and_names_escaped():
    svg = hemicycle_svg({"A & B": 3, "C": 2}, colours={"A & B": "#C4161C", "C": "#D7263D"})
    root = ET.fromstring(svg)
    assert root.find(f"{NS}title").text == "Hemicycle of 5 seats"
    legend = next(g for g in root.findall(f"{NS}g") if g.get("id") == "legend")
    assert [t.text for t in legend.findall(f"{NS}text")] == ["A & B (3)", "C (2)"]
    assert "#D7263D" in svg  # an explicit colour is the caller's choice
