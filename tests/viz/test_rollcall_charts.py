"""The roll-call charts: plain frames in, PNG or SVG bytes out, nothing written."""

from __future__ import annotations

import pandas as pd
import pytest

from curul.errors import ArgumentError
from curul.viz import cohesion_chart, ideal_points_chart, plot_format


def _over_time() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "period": ["2022Q1", "2022Q1", "2022Q2", "2022Q2"],
            "group": ["A", "B", "A", "B"],
            "rice": [0.9, 0.5, 0.8, 0.6],
            "agreement": [0.85, 0.4, 0.7, 0.5],
            "votes": [10, 8, 12, 9],
        }
    )


def _positions(dims: int) -> pd.DataFrame:
    frame = pd.DataFrame({"member": ["a1", "a2", "b1", "b2"], "dim1": [-1.0, -0.5, 0.4, 1.2]})
    if dims == 2:
        frame["dim2"] = [0.1, -0.2, 0.3, 0.0]
    frame["group"] = ["A", "A", "B", "B"]
    return frame


def test_cohesion_chart_is_png_or_svg_bytes(tmp_path):
    assert cohesion_chart(_over_time()).startswith(b"\x89PNG")
    svg = cohesion_chart(_over_time(), format="svg", index="agreement")
    assert b"<svg" in svg[:500]
    assert list(tmp_path.iterdir()) == []  # the caller writes the file, not the chart


@pytest.mark.parametrize("dims", [1, 2])
def test_ideal_points_chart(dims):
    assert b"<svg" in ideal_points_chart(_positions(dims), format="svg", anchor="b2")[:500]
    assert ideal_points_chart(_positions(dims)).startswith(b"\x89PNG")


def test_format_comes_from_the_file_name():
    assert plot_format("chart.PNG") == "png"
    assert plot_format("out/chart.svg") == "svg"
    with pytest.raises(ArgumentError) as info:
        plot_format("chart.pdf")
    assert info.value.argument == "path"
    assert info.value.naming("--plot") == "--plot: chart.pdf must end in .png or .svg"


def test_bad_index_or_format_names_the_argument():
    with pytest.raises(ArgumentError, match="index: use rice or agreement, not 'x'"):
        cohesion_chart(_over_time(), index="x")
    with pytest.raises(ArgumentError, match="format"):
        ideal_points_chart(_positions(1), format="pdf")
