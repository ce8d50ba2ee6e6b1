import xml.etree.ElementTree as ET

import pytest

import curul.viz
from curul.viz import hemicycle_svg, party_colour

NS = "{http://www.w3.org/2000/svg}"


def test_public_surface():
    assert sorted(curul.viz.__all__) == [
        "TimelineSpan",
        "chart_format",
        "cohesion_chart",
        "distribution_chart",
        "hemicycle_svg",
        "ideal_points_chart",
        "party_colour",
        "plot_format",
        "timeline_svg",
    ]


def test_hemicycle_has_one_circle_per_seat_coloured_by_party():
    seats = {"FUERZA POPULAR": 73, "PERUANOS POR EL KAMBIO": 18, "ACCION POPULAR": 5, "NOBODY": 0}
    root = ET.fromstring(hemicycle_svg(seats, title="Congress 2016"))
    assert root.find(f"{NS}title").text == "Congress 2016"
    groups = root.findall(f"{NS}g")
    assert [g.find(f"{NS}title").text for g in groups] == [
        "FUERZA POPULAR (73)",
        "PERUANOS POR EL KAMBIO (18)",
        "ACCION POPULAR (5)",
    ]
    assert [len(g.findall(f"{NS}circle")) for g in groups] == [73, 18, 5]
    assert party_colour("FUERZA POPULAR").lower() in groups[0].get("style").lower()


def test_colours_fold_names_and_fall_back_stably():
    assert party_colour("Fuerza Popular") == party_colour("FUERZA POPULAR")
    assert party_colour("Acción Popular") == party_colour("ACCION POPULAR")
    unknown = party_colour("LISTA INVENTADA")
    assert unknown == party_colour("lista inventada") and unknown.startswith("#")


def test_empty_chamber_is_refused():
    with pytest.raises(ValueError):
        hemicycle_svg({"A": 0})


def test_hemicycle_takes_a_frame_column():
    import pandas as pd

    frame = pd.DataFrame({"list": ["A", "B", "C"], "seats": [3, 2, 0]}).set_index("list")
    root = ET.fromstring(hemicycle_svg(frame["seats"]))
    assert [len(g.findall(f"{NS}circle")) for g in root.findall(f"{NS}g")] == [3, 2]


def test_hemicycle_legend_names_each_party_with_its_colour_and_seats():
    # 2026-07-senate's largest groups (data/files, member lists of 31 July 2026): FP 22, JPP 14, RP 8
    seats = {"FP": 22, "JPP": 14, "RP": 8}
    root = ET.fromstring(hemicycle_svg(seats, title="Senado", legend=True, note="mayoría: 31"))
    legend = next(g for g in root.findall(f"{NS}g") if g.get("class") == "legend")
    assert [t.text for t in legend.findall(f"{NS}text")] == ["FP 22", "JPP 14", "RP 8"]
    assert [r.get("fill") for r in legend.findall(f"{NS}rect")] == [party_colour(p) for p in seats]
    assert "mayoría: 31" in [t.text for t in root.findall(f"{NS}text")]
    width, height = (float(v) for v in root.get("viewBox").split()[2:])
    assert width == 360 and height > 185  # the key sits below parliamentarch's 360 x 185 arc
    seats_drawn = sum(len(g.findall(f"{NS}circle")) for g in root.findall(f"{NS}g"))
    assert seats_drawn == 22 + 14 + 8
