"""What every threshold rule answers: the verdict it gives a list, the data it looks at, its protocol.

Split from the rule kinds (``_thresholds.py``) so the protocol reads on its own: a rule kind is anything
that offers :class:`Rule`'s methods.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Protocol

import numpy as np


@dataclass(frozen=True)
class Verdict:
    """Whether a list passes a rule, the arithmetic in words (``why``) and in short (``short``, for a
    table cell), the figures it used, and for an AND / OR the verdict of each part by rule id."""

    passed: bool
    why: str
    short: str = ""
    figures: Mapping[str, Any] = field(default_factory=dict)
    parts: tuple[tuple[str, Verdict], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"passed": self.passed, "why": self.why, **self.figures}
        if self.parts:
            out["rules"] = {rule: verdict.as_dict() for rule, verdict in self.parts}
        return out


@dataclass(frozen=True)
class ThresholdInput:
    """What a threshold looks at: votes per district and list, alliance sizes, a preliminary allocation."""

    votes: Mapping[str, Mapping[str, int]]
    members: Mapping[str, int]
    preliminary: Callable[[], Mapping[str, Mapping[str, int]]]
    # the preliminary allocation among some lists only (a reading of the seat test); None: all lists
    preliminary_among: Callable[[frozenset[str]], Mapping[str, Mapping[str, int]]] | None = None

    @property
    def parties(self) -> list[str]:
        return list(dict.fromkeys(p for d in self.votes.values() for p in d))


@dataclass(frozen=True)
class BatchInput:
    """The same for many draws: votes (draws × districts × lists, districts in ``districts`` order),
    member parties per list, and the preliminary allocation over all lists (draws × districts × lists),
    computed on first call."""

    votes: np.ndarray
    districts: tuple[str, ...]
    members: np.ndarray
    preliminary: Callable[[], np.ndarray]
    # the same among the lists a draws × lists mask lets in
    preliminary_among: Callable[[np.ndarray], np.ndarray] | None = None


class Rule(Protocol):
    """What every threshold rule kind offers."""

    @property
    def id(self) -> str: ...

    @property
    def law(self) -> str: ...

    @property
    def sources(self) -> tuple[str, ...]: ...

    def evaluate(self, data: ThresholdInput) -> dict[str, Verdict]:
        """Which lists pass, each with the arithmetic that decided it."""
        ...

    def passes_batch(self, data: BatchInput) -> np.ndarray:
        """Which lists pass in each draw (draws × lists, bool)."""
        ...

    def describe(self) -> str: ...

    def to_dict(self) -> dict[str, object]: ...

    def leaves(self) -> tuple[Rule, ...]:
        """The elementary rules (for listing laws and sources)."""
        ...

    def needs_preliminary(self) -> bool:
        """Whether the rule looks at the preliminary allocation over all lists."""
        ...


def pct(x: Fraction) -> str:
    value = x * 100
    return f"{value.numerator}%" if value.denominator == 1 else f"{float(value):.3g}%"


def leaf_dict(rule: Rule, kind: str) -> dict[str, object]:
    return {
        "kind": kind,
        "id": rule.id,
        "text": rule.describe(),
        "law": rule.law,
        "sources": list(rule.sources),
    }
