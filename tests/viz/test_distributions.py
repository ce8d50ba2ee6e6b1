import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from curul.errors import ArgumentError
from curul.viz import chart_format, distribution_chart

NS = "{http://www.w3.org/2000/svg}"


def _chart(fmt):
    rng = np.random.default_rng(0)
    draws = np.column_stack([rng.normal(30, 3, 500), rng.normal(10, 2, 500)])
    return distribution_chart(
        ["First (60% win)", "Second (40% win)"],
        draws,
        means=[30.0, 10.0],
        inner=[(26.0, 34.0), (7.5, 12.5)],
        outer=[(25.0, 35.0), (7.0, 13.0)],
        title="a title",
        xlabel="share",
        format=fmt,
    )


def test_png_is_bytes_and_svg_is_text_with_the_labels_and_title():
    png = _chart("png")
    assert isinstance(png, bytes) and png.startswith(b"\x89PNG")
    svg = _chart("svg")
    assert isinstance(svg, str) and svg.startswith("<?xml")
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.tag == f"{NS}svg"
    # matplotlib writes each text as a comment beside its glyphs.
    for text in ("First (60% win)", "Second (40% win)", "a title", "share"):
        assert f"<!-- {text} -->" in svg


def test_the_arrays_must_agree():
    with pytest.raises(ValueError):
        distribution_chart(["a"], np.zeros((10, 2)), means=[1.0], inner=[(0, 1)], outer=[(0, 2)])
    with pytest.raises(ValueError):
        distribution_chart(["a", "b"], np.zeros((10, 2)), means=[1.0], inner=[(0, 1)], outer=[(0, 2)])
    with pytest.raises(ArgumentError) as caught:
        distribution_chart(
            ["a"],
            np.zeros((10, 1)),
            means=[1.0],
            inner=[(0, 1)],
            outer=[(0, 2)],
            format="gif",  # type: ignore[call-overload]
        )
    assert caught.value.argument == "format"


def test_the_format_comes_from_the_file_name():
    assert chart_format("out.png") == "png"
    assert chart_format("a/b/OUT.SVG") == "svg"
    with pytest.raises(ArgumentError) as caught:
        chart_format("c.gif")
    assert caught.value.argument == "path"
    assert caught.value.naming("--chart") == "--chart: c.gif must end in .png or .svg"


def test_viz_loads_matplotlib_only_to_draw_and_never_the_forecast():
    modules = "('matplotlib', 'curul.forecast')"
    code = f"import sys, curul.viz; print(sorted(m for m in {modules} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
