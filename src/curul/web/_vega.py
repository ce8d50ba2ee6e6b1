"""Vega-Lite specifications built in Python for the charts drawn in the browser (vendored vega,
vega-lite and vega-embed, ``static/charts.js``): forecast distributions, group cohesion over time,
members' ideal points and a roll call's predicted yes count.

Each builder is pure: plain rows and the words of the reader's language in, a JSON-ready dict out,
the data inline (nothing is fetched). Numbers on axes use d3 formats; the page gives vega-embed the
es-PE number locale (decimal point, thousands comma) and Spanish month names. Every chart has a
``description`` (read out by screen readers) and the page puts a table of the same data beside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

Spec = dict[str, Any]


def _base(description: str, title: str) -> Spec:
    return {
        "description": description,
        "title": {"text": title, "anchor": "start", "fontSize": 14},
        "width": "container",
        "autosize": {"type": "fit-x", "contains": "padding"},
        "background": None,
        "config": {"view": {"stroke": None}, "axis": {"labelFontSize": 11, "titleFontSize": 12}},
    }


def histogram(values: Sequence[float], *, low: float, high: float, step: float) -> list[tuple[float, float]]:
    """Share of ``values`` in each bin ``[start, start + step)`` from ``low`` to ``high`` (the last bin
    also takes ``high``; values outside are left out), as ``(start, probability)`` pairs."""
    count = max(round((high - low) / step), 1)
    counts = [0] * count
    for v in values:
        if low <= v <= high:
            counts[min(int((v - low) / step), count - 1)] += 1
    n = len(values) or 1
    return [(low + k * step, c / n) for k, c in enumerate(counts)]


def distribution_spec(
    candidates: Sequence[Mapping[str, Any]],
    bins: Mapping[str, Sequence[tuple[float, float]]],
    *,
    step: float,
    title: str,
    description: str,
    x_title: str,
    rule_at: float | None = None,
) -> Spec:
    """One row per candidate (in the given order): the simulated distribution as a strip of bins whose
    opacity is their probability, the 90% interval (thin), the 80% interval (thick) and the mean.

    ``candidates``: ``{name, mean, p05, p10, p90, p95}`` in percent; ``bins``: each name's
    ``(start, probability)``; ``rule_at`` draws a vertical line (50% in a runoff).
    """
    order = [str(c["name"]) for c in candidates]
    values: list[dict[str, Any]] = []
    for c in candidates:
        name = str(c["name"])
        values.append(
            {"kind": "interval", "name": name}
            | {k: float(c[k]) for k in ("mean", "p05", "p10", "p90", "p95")}
        )
        values += [
            {"kind": "bin", "name": name, "start": s, "end": s + step, "p": p}
            for s, p in bins.get(name, ())
            if p > 0
        ]
    y = {"field": "name", "type": "nominal", "sort": order, "title": None}
    x_scale = {"zero": False, "nice": False}
    layers: list[Spec] = [
        {
            "transform": [{"filter": "datum.kind === 'bin'"}],
            "mark": {"type": "rect", "color": "#4C78A8"},
            "encoding": {
                "y": y,
                "x": {
                    "field": "start",
                    "type": "quantitative",
                    "title": x_title,
                    "scale": x_scale,
                    "axis": {"format": ".0f"},
                },
                "x2": {"field": "end"},
                "opacity": {
                    "field": "p",
                    "type": "quantitative",
                    "legend": None,
                    "scale": {"range": [0.05, 0.9]},
                },
            },
        },
        {
            "transform": [{"filter": "datum.kind === 'interval'"}],
            "mark": {"type": "rule", "color": "#222", "strokeWidth": 1},
            "encoding": {"y": y, "x": {"field": "p05", "type": "quantitative"}, "x2": {"field": "p95"}},
        },
        {
            "transform": [{"filter": "datum.kind === 'interval'"}],
            "mark": {"type": "rule", "color": "#222", "strokeWidth": 4},
            "encoding": {"y": y, "x": {"field": "p10", "type": "quantitative"}, "x2": {"field": "p90"}},
        },
        {
            "transform": [{"filter": "datum.kind === 'interval'"}],
            "mark": {"type": "tick", "color": "#D55E00", "thickness": 3},
            "encoding": {
                "y": y,
                "x": {"field": "mean", "type": "quantitative"},
                "tooltip": [
                    {"field": "name", "type": "nominal"},
                    *({"field": k, "type": "quantitative", "format": ".1f"} for k in ("mean", "p05", "p95")),
                ],
            },
        },
    ]
    if rule_at is not None:
        layers.append(
            {
                "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#888"},
                "encoding": {"x": {"datum": rule_at}},
            }
        )
    return _base(description, title) | {
        "height": {"step": 28},
        "data": {"values": values},
        "layer": layers,
    }


def cohesion_spec(
    rows: Sequence[Mapping[str, Any]],
    *,
    index: str,
    title: str,
    description: str,
    x_title: str,
    y_title: str,
    group_title: str,
) -> Spec:
    """Lines of each group's ``index`` (``rice`` or ``agreement``, 0..1) per period (``2021Q3``, ...)."""
    values = [{"period": str(r["period"]), "group": str(r["group"]), "value": float(r[index])} for r in rows]
    periods = sorted({str(v["period"]) for v in values})
    return _base(description, title) | {
        "height": 300,
        "data": {"values": values},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "period", "type": "ordinal", "sort": periods, "title": x_title},
            "y": {
                "field": "value",
                "type": "quantitative",
                "title": y_title,
                "scale": {"zero": False},
                "axis": {"format": ".2f"},
            },
            "color": {"field": "group", "type": "nominal", "title": group_title},
            "tooltip": [
                {"field": "period"},
                {"field": "group"},
                {"field": "value", "type": "quantitative", "format": ".3f", "title": y_title},
            ],
        },
    }


def ideal_points_spec(
    members: Sequence[Mapping[str, Any]],
    *,
    group_order: Sequence[str],
    title: str,
    description: str,
    x_title: str,
) -> Spec:
    """Each member's first-dimension position as a tick in its group's row (groups by their mean)."""
    values = [
        {"member": str(m["member"]), "group": str(m["group"]), "dim1": float(m["dim1"])} for m in members
    ]
    return _base(description, title) | {
        "height": {"step": 22},
        "data": {"values": values},
        "mark": {"type": "tick", "thickness": 2, "opacity": 0.7},
        "encoding": {
            "y": {"field": "group", "type": "nominal", "sort": list(group_order), "title": None},
            "x": {"field": "dim1", "type": "quantitative", "title": x_title, "axis": {"format": ".1f"}},
            "color": {"field": "group", "type": "nominal", "legend": None},
            "tooltip": [
                {"field": "member"},
                {"field": "group"},
                {"field": "dim1", "type": "quantitative", "format": ".2f"},
            ],
        },
    }


def prediction_spec(
    prediction: Mapping[str, Any],
    *,
    needed: int,
    labels: Mapping[str, str],
    title: str,
    description: str,
    x_title: str,
) -> Spec:
    """A vote's predicted yes count (90% interval and expectation) beside the recorded yes count and the
    votes it needed; ``labels`` names ``predicted``, ``recorded`` and ``needed``."""
    values = [
        {
            "row": labels["predicted"],
            "low": prediction["yes_low"],
            "high": prediction["yes_high"],
            "value": float(prediction["expected_yes"]),
        },
        {"row": labels["recorded"], "low": None, "high": None, "value": float(prediction["recorded_yes"])},
    ]
    y = {"field": "row", "type": "nominal", "sort": [labels["predicted"], labels["recorded"]], "title": None}
    top = max(int(prediction["voters"]), needed) + 2
    x = {"type": "quantitative", "title": x_title, "scale": {"domain": [0, top]}, "axis": {"format": "d"}}
    return _base(description, title) | {
        "height": {"step": 36},
        "data": {"values": values},
        "layer": [
            {
                "transform": [{"filter": "datum.low !== null"}],
                "mark": {"type": "rule", "strokeWidth": 6, "color": "#9ecae9"},
                "encoding": {"y": y, "x": {"field": "low"} | x, "x2": {"field": "high"}},
            },
            {
                "mark": {"type": "point", "filled": True, "size": 90, "color": "#4C78A8"},
                "encoding": {
                    "y": y,
                    "x": {"field": "value"} | x,
                    "tooltip": [
                        {"field": "row"},
                        {"field": "value", "type": "quantitative", "format": ".1f"},
                    ],
                },
            },
            {
                "data": {"values": [{"needed": needed, "label": labels["needed"]}]},
                "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#D55E00"},
                "encoding": {"x": {"field": "needed", "type": "quantitative"}},
            },
        ],
    }
