"""Charts of simulated distributions: one row per label, a histogram drawn as a violin with two
intervals and the mean on it (the first-round share of each candidate in a forecast, say).

The chart takes plain arrays and returns the file's content (PNG bytes or SVG text); the caller decides
where it goes (``curul._files.write_atomic`` for a file, a response body on the web). numpy and matplotlib
are imported on first use, so importing :mod:`curul.viz` for a hemicycle does not pay for them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, overload

from curul.errors import ArgumentError

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

ChartFormat = Literal["png", "svg"]
FORMATS: tuple[ChartFormat, ...] = ("png", "svg")


def chart_format(path: str | Path) -> ChartFormat:
    """The format a chart file's name asks for (``.png`` or ``.svg``, any case).

    Checked before the work that draws the chart, so a bad name is refused before a long run; the
    argument is called ``path`` in the error (an interface names it its own way).
    """
    suffix = Path(path).suffix.lower().lstrip(".")
    for fmt in FORMATS:
        if suffix == fmt:
            return fmt
    raise ArgumentError("path", f"{path} must end in .png or .svg")


@overload
def distribution_chart(
    labels: Sequence[str],
    draws: ArrayLike,
    *,
    means: Sequence[float],
    inner: Sequence[tuple[float, float]],
    outer: Sequence[tuple[float, float]],
    title: str = ...,
    xlabel: str = ...,
    format: Literal["png"] = ...,
) -> bytes: ...


@overload
def distribution_chart(
    labels: Sequence[str],
    draws: ArrayLike,
    *,
    means: Sequence[float],
    inner: Sequence[tuple[float, float]],
    outer: Sequence[tuple[float, float]],
    title: str = ...,
    xlabel: str = ...,
    format: Literal["svg"],
) -> str: ...


@overload
def distribution_chart(
    labels: Sequence[str],
    draws: ArrayLike,
    *,
    means: Sequence[float],
    inner: Sequence[tuple[float, float]],
    outer: Sequence[tuple[float, float]],
    title: str = ...,
    xlabel: str = ...,
    format: ChartFormat,
) -> bytes | str: ...


def distribution_chart(
    labels: Sequence[str],
    draws: ArrayLike,
    *,
    means: Sequence[float],
    inner: Sequence[tuple[float, float]],
    outer: Sequence[tuple[float, float]],
    title: str = "",
    xlabel: str = "",
    format: ChartFormat = "png",
) -> bytes | str:
    """Rows from top to bottom in the order of ``labels``; column ``j`` of ``draws`` (draws x labels)
    holds the simulated values of row ``j``.

    Each row shows the histogram of its values (scaled to its own peak), ``outer`` as a thin line,
    ``inner`` as a thick one and ``means`` as a dot. The x axis runs from 0 to a little beyond the
    largest ``outer`` bound. Returns PNG bytes or SVG text.
    """
    import numpy as np

    if format not in FORMATS:
        raise ArgumentError("format", f"{format!r} is not png or svg")
    values = np.asarray(draws, dtype=float)
    if values.ndim != 2 or values.shape[1] != len(labels):
        raise ValueError(f"draws must be draws x {len(labels)} labels, got shape {values.shape}")
    if not (len(means) == len(inner) == len(outer) == len(labels)) or not labels:
        raise ValueError("labels, means, inner and outer must be as many, and at least one")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 0.55 * len(labels) + 1.2))
    bins = np.linspace(0, max(high for _, high in outer) * 1.15 + 1, 80)
    for row, j in enumerate(reversed(range(len(labels)))):  # matplotlib counts rows from the bottom
        hist, edges = np.histogram(values[:, j], bins=bins, density=True)
        hist = 0.4 * hist / hist.max() if hist.max() > 0 else hist
        centres = (edges[:-1] + edges[1:]) / 2
        ax.fill_between(centres, row - hist, row + hist, color="#4c72b0", alpha=0.35, linewidth=0)
        ax.plot(list(outer[j]), [row, row], color="#333333", linewidth=1)
        ax.plot(list(inner[j]), [row, row], color="#333333", linewidth=3)
        ax.plot([means[j]], [row], "o", color="#c44e52", markersize=4)
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(list(reversed(labels)))
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format=format)
    plt.close(fig)
    content = buffer.getvalue()
    return content.decode("utf-8") if format == "svg" else content
