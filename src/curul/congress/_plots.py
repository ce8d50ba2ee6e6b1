"""Charts of roll-call analytics: group cohesion over time and members' ideal points (PNG or SVG)."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from curul._files import write_atomic
from curul.errors import CurulError

FORMATS = {".png": "png", ".svg": "svg"}


def _save(fig, path: str | Path) -> Path:
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise CurulError(f"--plot: {path}: use a .png or .svg file name")
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=150, bbox_inches="tight")
    write_atomic(path, buffer.getvalue())
    return path


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def plot_cohesion(table: pd.DataFrame, path: str | Path, *, index: str = "rice", top: int = 10) -> Path:
    """Lines of the mean cohesion index per period for the ``top`` groups with most votes."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 5))
    busiest = table.groupby("group")["votes"].sum().sort_values(ascending=False).index[:top]
    periods = sorted(table["period"].unique())
    for group in busiest:
        rows = table[table["group"] == group].set_index("period").reindex(periods)
        ax.plot(periods, rows[index], marker="o", label=group)
    ax.set_ylabel({"rice": "Rice index", "agreement": "Agreement index"}.get(index, index))
    ax.set_ylim(0, 1.02)
    ax.set_title(
        "Cohesion of parliamentary groups in plenary votes\n(data: openpolitica extraction of the roll calls)"
    )
    ax.legend(ncol=2, fontsize=8, loc="lower left")
    ax.tick_params(axis="x", rotation=45)
    try:
        return _save(fig, path)
    finally:
        plt.close(fig)


def plot_ideal_points(frame: pd.DataFrame, path: str | Path, *, anchor: str | None = None) -> Path:
    """1-D: members by group along the axis; 2-D: a scatter coloured by group."""
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
    try:
        return _save(fig, path)
    finally:
        plt.close(fig)
