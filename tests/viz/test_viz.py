import xml.etree.ElementTree as ET

import pytest

import curul.viz
from curul.viz import hemicycle_svg, party_colour

NS = "{http://www.w3.org/2000/svg}"


def _seat_groups(root):
    return [g for g in root.findall(f"{NS}g") if g.get("id") != "legend"]


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
    groups = _seat_groups(root)
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
    assert [len(g.findall(f"{NS}circle")) for g in _seat_groups(root)] == [3, 2]
