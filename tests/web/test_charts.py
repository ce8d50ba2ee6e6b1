"""The pages' chart builders as pure functions: the power bars' SVG (titled, one bar per measure and
player, every figure in the reader's format, names kept as text) and the Vega-Lite specs (data
inline, in the order given, with the intervals and the recorded figures they are asked to show)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from curul.web._power_chart import MAX_BARS, PowerBar, power_bars_svg
from curul.web._vega import cohesion_spec, distribution_spec, histogram, ideal_points_spec, prediction_spec

NS = {"s": "http://www.w3.org/2000/svg"}
LEGEND = {"seats": "escaños", "banzhaf": "Banzhaf", "shapley_shubik": "Shapley–Shubik"}


def _percent(value: float) -> str:
    return f"{value:.1f}%"


def test_power_bars_have_a_title_a_description_and_three_bars_per_player():
    # 2021-07 at 87 votes: PL 37 of 130 seats, Banzhaf 0.2863, Shapley–Shubik 0.3246 (curul power 2021-07).
    bars = [PowerBar("PL", "Peru Libre", 37 / 130, 0.2863, 0.3246), PowerBar("<b>X</b>", "X", 0.1, 0.0, 0.0)]
    svg = power_bars_svg(bars, title="Poder", description="dos grupos", legend=LEGEND, percent=_percent)
    root = ET.fromstring(svg)
    assert root.find("s:title", NS).text == "Poder" and root.find("s:desc", NS).text == "dos grupos"
    players = root.findall("s:g[@class='player']", NS)
    assert len(players) == 2 and all(len(p.findall("s:rect", NS)) == 3 for p in players)
    tips = [r.find("s:title", NS).text for r in players[0].findall("s:rect", NS)]
    assert tips == ["PL: escaños 28.5%", "PL: Banzhaf 28.6%", "PL: Shapley–Shubik 32.5%"]
    assert players[1].find("s:text", NS).text == "<b>X</b>"  # a name is text, never markup
    # The longest bar (Shapley–Shubik of PL) spans the whole bar area; the others are in proportion.
    widths = [float(r.get("width")) for r in players[0].findall("s:rect", NS)]
    assert widths[2] == pytest.approx(300) and widths[0] == pytest.approx(300 * (37 / 130) / 0.3246, abs=0.01)


def test_power_bars_draw_at_most_the_cap():
    bars = [PowerBar(f"G{i}", f"G{i}", 1 / 40, 1 / 40, 1 / 40) for i in range(40)]
    root = ET.fromstring(power_bars_svg(bars, title="t", description="d", legend=LEGEND, percent=_percent))
    assert len(root.findall("s:g[@class='player']", NS)) == MAX_BARS


def test_histogram_is_the_share_of_values_per_bin():
    values = [0.0, 0.4, 0.5, 1.2, 1.9, 2.0, 7.0]  # 7.0 is outside [0, 2]
    assert histogram(values, low=0, high=2, step=0.5) == [
        (0, 2 / 7),
        (0.5, 1 / 7),
        (1.0, 1 / 7),
        (1.5, 2 / 7),
    ]


def test_distribution_spec_keeps_the_order_the_intervals_and_the_bins():
    cands = [
        {"name": "B", "mean": 17.0, "p05": 11.0, "p10": 12.8, "p90": 21.3, "p95": 22.8},
        {"name": "A", "mean": 12.5, "p05": 7.6, "p10": 8.8, "p90": 16.3, "p95": 17.8},
    ]
    spec = distribution_spec(
        cands,
        {"B": [(10, 0.5), (11, 0.0)], "A": [(7, 0.25)]},
        step=1,
        title="t",
        description="d",
        x_title="%",
    )
    values = spec["data"]["values"]
    intervals = [v for v in values if v["kind"] == "interval"]
    assert [v["name"] for v in intervals] == ["B", "A"] and intervals[0]["p95"] == 22.8
    assert [v for v in values if v["kind"] == "bin"] == [  # empty bins are left out
        {"kind": "bin", "name": "B", "start": 10, "end": 11, "p": 0.5},
        {"kind": "bin", "name": "A", "start": 7, "end": 8, "p": 0.25},
    ]
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ["B", "A"] and spec["description"] == "d"


def test_cohesion_spec_orders_the_periods():
    rows = [
        {"period": "2022Q1", "group": "FP", "rice": 0.99, "agreement": 0.98},
        {"period": "2021Q3", "group": "FP", "rice": 0.994, "agreement": 0.987},
    ]
    spec = cohesion_spec(
        rows, index="agreement", title="t", description="d", x_title="x", y_title="y", group_title="g"
    )
    assert spec["encoding"]["x"]["sort"] == ["2021Q3", "2022Q1"]
    assert [v["value"] for v in spec["data"]["values"]] == [0.98, 0.987]


def test_ideal_points_and_prediction_specs_carry_their_figures():
    members = [
        {"member": "A, B", "group": "FP", "dim1": 1.6},
        {"member": "C, D", "group": "PL", "dim1": -1.1},
    ]
    spec = ideal_points_spec(members, group_order=["PL", "FP"], title="t", description="d", x_title="x")
    assert spec["encoding"]["y"]["sort"] == ["PL", "FP"] and len(spec["data"]["values"]) == 2
    # Vote 2022-03-28T23-19 (group model): E(yes) 96.8, 90% 47–126, recorded 55 yes, 87 needed.
    p = {"expected_yes": 96.8, "yes_low": 47, "yes_high": 126, "recorded_yes": 55, "voters": 128}
    labels = {"predicted": "predicho", "recorded": "registrado", "needed": "necesarios"}
    spec = prediction_spec(p, needed=87, labels=labels, title="t", description="d", x_title="sí")
    assert spec["data"]["values"][0] | {} == {"row": "predicho", "low": 47, "high": 126, "value": 96.8}
    assert spec["layer"][2]["data"]["values"] == [{"needed": 87, "label": "necesarios"}]
