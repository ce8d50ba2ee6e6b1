"""Charts of roll-call analytics: group cohesion over time and members' ideal points.

They take the plain frames ``curul.rollcalls`` returns and give the image as bytes (PNG or SVG), so the
caller decides where it goes: the command line writes it with ``curul._files.write_atomic``, a notebook
can show it, the web can serve it. matplotlib is imported on first use.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curul.errors import ArgumentError
from curul.viz._distributions import chart_format

if TYPE_CHECKING:
    import pandas as pd

#: File suffix → image format of the charts.
PLOT_FORMATS = {".png": "png", ".svg": "svg"}
#: The cohesion indices a chart can show, and their axis labels.
COHESION_INDICES = {"rice": "Rice index", "agreement": "Agreement index"}


def plot_format(path: str | Path) -> str:
    """The image format a chart file name asks for: ``png`` or ``svg``, from its suffix — the one check
    every chart uses (:func:`curul.viz.chart_format`)."""
    return chart_format(path)


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def _image(plt: Any, fig: Any, format: str) -> bytes:
    """The figure as ``format`` bytes; the figure is closed either way."""
    try:
        if format not in PLOT_FORMATS.values():
            raise ArgumentError("format", f"use png or svg, not {format!r}")
        buffer = io.BytesIO()
        fig.savefig(buffer, format=format, dpi=150, bbox_inches="tight")
        return buffer.getvalue()
    finally:
        plt.close(fig)


def cohesion_chart(table: pd.DataFrame, *, format: str = "png", index: str = "rice", top: int = 10) -> bytes:
    """Lines of the mean cohesion index per period for the ``top`` groups with most votes.

    ``table`` has the columns ``period``, ``group``, ``votes`` and the index (``rice`` or ``agreement``),
    as :func:`curul.rollcalls.cohesion_over_time` gives them.
    """
    if index not in COHESION_INDICES:
        raise ArgumentError("index", f"use rice or agreement, not {index!r}")
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 5))
    busiest = table.groupby("group")["votes"].sum().sort_values(ascending=False).index[:top]
    periods = sorted(table["period"].unique())
    for group in busiest:
        rows = table[table["group"] == group].set_index("period").reindex(periods)
        ax.plot(periods, rows[index], marker="o", label=group)
    ax.set_ylabel(COHESION_INDICES[index])
    ax.set_ylim(0, 1.02)
    ax.set_title(
        "Cohesion of parliamentary groups in plenary votes\n(data: openpolitica extraction of the roll calls)"
    )
    ax.legend(ncol=2, fontsize=8, loc="lower left")
    ax.tick_params(axis="x", rotation=45)
    return _image(plt, fig, format)


def ideal_points_chart(frame: pd.DataFrame, *, format: str = "png", anchor: str | None = None) -> bytes:
    """1-D: members by group along the axis; 2-D: a scatter coloured by group.

    ``frame`` has the columns ``member``, ``group``, ``dim1`` (and ``dim2``), as
    :func:`curul.rollcalls.ideal_points` gives them; ``anchor`` names the member on the positive side.
    """
    plt = _pyplot()
    groups = frame.groupby("group")["dim1"].median().sort_values().index.tolist()
    colours = plt.get_cmap("tab20")
    fig, ax = plt.subplots(figsize=(9, 6))
    for k, group in enumerate(groups):
        rows = frame[frame["group"] == group]
        if "dim2" in frame:
            ax.scatter(rows["dim1"], rows["dim2"], s=18, color=colours(k % 20), label=group)
        else:
            ax.scatter(rows["dim1"], [k] * len(rows), s=18, color=colours(k % 20))
    if "dim2" in frame:
        ax.set_ylabel("dimension 2")
        ax.legend(ncol=2, fontsize=8)
    else:
        ax.set_yticks(range(len(groups)), groups)
    ax.set_xlabel("dimension 1" + (f" (positive: side of {anchor})" if anchor else ""))
    ax.set_title("Ideal points from plenary roll calls (probit IRT)")
    return _image(plt, fig, format)
