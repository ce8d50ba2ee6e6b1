"""Charts of the simulated first-round distributions (PNG or SVG, chosen by the file suffix)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np

from curul._files import write_atomic
from curul.errors import CurulError


def candidate_chart(forecast, path: str | Path, top: int = 10) -> Path:
    """Violin-style histogram per candidate with the 80% and 90% intervals; written atomically."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise CurulError(f"--chart: {path} must end in .png or .svg")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    chosen = sorted(forecast.candidates, key=lambda c: -c.mean)[:top]
    index = {n: i for i, n in enumerate(forecast.draws.names)}
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(chosen) + 1.2))
    bins = np.linspace(0, max(c.p95 for c in chosen) * 1.15 + 1, 80)
    for row, cand in enumerate(reversed(chosen)):
        values = forecast.draws.first[:, index[cand.name]]
        hist, edges = np.histogram(values, bins=bins, density=True)
        hist = 0.4 * hist / hist.max() if hist.max() > 0 else hist
        centres = (edges[:-1] + edges[1:]) / 2
        ax.fill_between(centres, row - hist, row + hist, color="#4c72b0", alpha=0.35, linewidth=0)
        ax.plot([cand.p05, cand.p95], [row, row], color="#333333", linewidth=1)
        ax.plot([cand.p10, cand.p90], [row, row], color="#333333", linewidth=3)
        ax.plot([cand.mean], [row], "o", color="#c44e52", markersize=4)
    ax.set_yticks(range(len(chosen)))
    ax.set_yticklabels([f"{c.name} ({c.p_win:.0%} win)" for c in reversed(chosen)])
    ax.set_xlabel("first round, % of valid votes (thin: 90% interval, thick: 80%)")
    ax.set_title(f"{forecast.election}: polls to {forecast.cutoff}, {forecast.sims:,} simulations")
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt)
    plt.close(fig)
    write_atomic(path, buffer.getvalue())
    return path
