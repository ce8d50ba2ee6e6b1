"""National thresholds ("valla electoral") as small composable rules, evaluated exactly or in batch.

A rule is data: a share of national valid votes (with an optional alliance surcharge), a minimum of seats
won in more than one district in a preliminary allocation over all lists (ONPE's procedure for EG 2016,
RJ 000376-2015-J/ONPE), or an AND/OR of other rules. Each elementary rule carries the law it implements.

Every kind answers the same small protocol, :class:`Rule` (as votelib's evaluators do), so the engine
composes them without asking which kind it holds: ``evaluate`` gives each list's verdict with the
arithmetic that decided it, ``passes_batch`` the same test over NumPy arrays for simulation (tested
against ``evaluate``), ``describe`` the rule in words and ``to_dict`` its JSON description. A system
file's ``[threshold]`` table becomes rules in ``_threshold_tables.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar, Protocol

import numpy as np


@dataclass(frozen=True)
class Verdict:
    passed: bool
    why: str


@dataclass(frozen=True)
class ThresholdInput:
    """What a threshold looks at: votes per district and list, alliance sizes, a preliminary allocation."""

    votes: Mapping[str, Mapping[str, int]]
    members: Mapping[str, int]
    preliminary: Callable[[], Mapping[str, Mapping[str, int]]]

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


def _pct(x: Fraction) -> str:
    value = x * 100
    return f"{value.numerator}%" if value.denominator == 1 else f"{float(value):.3g}%"


def _leaf_dict(rule: Rule, kind: str) -> dict[str, object]:
    return {
        "kind": kind,
        "id": rule.id,
        "text": rule.describe(),
        "law": rule.law,
        "sources": list(rule.sources),
    }


@dataclass(frozen=True)
class VoteShare:
    """At least ``share`` of the national valid votes; alliances need more (per extra member, or flat)."""

    share: Fraction
    alliance_extra_per_member: Fraction = Fraction(0)
    alliance_share: Fraction | None = None
    districts: tuple[str, ...] = ()  # count only these districts' votes (empty: every district)
    id: str = "vote-share"
    law: str = ""
    sources: tuple[str, ...] = ()

    kind: ClassVar[str] = "vote_share"

    def required(self, members: int) -> Fraction:
        """The share a list with ``members`` member parties needs (1 for a party)."""
        if members <= 1:
            return self.share
        if self.alliance_share is not None:
            return self.alliance_share
        return self.share + self.alliance_extra_per_member * (members - 1)

    def describe(self) -> str:
        text = f"≥ {_pct(self.share)} of national valid votes"
        if self.alliance_share is not None:
            text += f" ({_pct(self.alliance_share)} for an alliance)"
        elif self.alliance_extra_per_member:
            text += f" (+{_pct(self.alliance_extra_per_member)} per extra member party of an alliance)"
        if self.districts:
            text += f" (votes of {', '.join(self.districts)})"
        return text

    def evaluate(self, data: ThresholdInput) -> dict[str, Verdict]:
        parties = data.parties
        wanted = set(self.districts)
        totals = {p: 0 for p in parties}
        for district, row in data.votes.items():
            if wanted and district not in wanted:
                continue
            for p, v in row.items():
                totals[p] += v
        valid = sum(totals.values())
        out = {}
        for p in parties:
            need = self.required(data.members.get(p, 1))
            ok = valid > 0 and Fraction(totals[p], valid) >= need
            share = f"{totals[p] / valid * 100:.3f}%" if valid else "no valid votes"
            out[p] = Verdict(ok, f"{share} of valid votes {'≥' if ok else '<'} {_pct(need)}")
        return out

    def passes_batch(self, data: BatchInput) -> np.ndarray:
        if self.districts:
            idx = [data.districts.index(d) for d in self.districts]
            totals = data.votes[:, idx, :].sum(axis=1)
        else:
            totals = data.votes.sum(axis=1)
        valid = totals.sum(axis=1, keepdims=True)
        need = [self.required(int(k)) for k in data.members]
        num = np.array([f.numerator for f in need], dtype=np.int64)
        den = np.array([f.denominator for f in need], dtype=np.int64)
        return (valid > 0) & (totals * den >= num * valid)

    def to_dict(self) -> dict[str, object]:
        return _leaf_dict(self, self.kind) | {
            "share": str(self.share),
            "alliance_extra_per_member": str(self.alliance_extra_per_member),
            "alliance_share": None if self.alliance_share is None else str(self.alliance_share),
            "districts": list(self.districts),
        }

    def leaves(self) -> tuple[Rule, ...]:
        return (self,)

    def needs_preliminary(self) -> bool:
        return False


@dataclass(frozen=True)
class SeatsInDistricts:
    """At least ``min_seats`` seats won in ``min_districts`` or more districts (preliminary allocation)."""

    min_seats: int
    min_districts: int = 2
    id: str = "seats-in-districts"
    law: str = ""
    sources: tuple[str, ...] = ()

    kind: ClassVar[str] = "seats_in_districts"

    def describe(self) -> str:
        where = (
            "in more than one district"
            if self.min_districts == 2
            else (f"in at least {self.min_districts} districts" if self.min_districts > 1 else "in total")
        )
        return f"≥ {self.min_seats} seats {where} (preliminary allocation over all lists)"

    def evaluate(self, data: ThresholdInput) -> dict[str, Verdict]:
        prelim = data.preliminary()
        out = {}
        for p in data.parties:
            won = [prelim[d].get(p, 0) for d in prelim]
            seats, districts = sum(won), sum(1 for s in won if s > 0)
            ok = seats >= self.min_seats and districts >= self.min_districts
            out[p] = Verdict(
                ok,
                f"{seats} preliminary seats in {districts} district{'s' if districts != 1 else ''} "
                f"{'meets' if ok else 'misses'} ≥ {self.min_seats} in ≥ {self.min_districts}",
            )
        return out

    def passes_batch(self, data: BatchInput) -> np.ndarray:
        won = data.preliminary()
        return (won.sum(axis=1) >= self.min_seats) & ((won > 0).sum(axis=1) >= self.min_districts)

    def to_dict(self) -> dict[str, object]:
        return _leaf_dict(self, self.kind) | {
            "min_seats": self.min_seats,
            "min_districts": self.min_districts,
        }

    def leaves(self) -> tuple[Rule, ...]:
        return (self,)

    def needs_preliminary(self) -> bool:
        return True


@dataclass(frozen=True)
class NoThreshold:
    id: str = "none"
    law: str = ""
    sources: tuple[str, ...] = ()

    kind: ClassVar[str] = "none"

    def describe(self) -> str:
        return "no national threshold: every list takes part in each district's allocation"

    def evaluate(self, data: ThresholdInput) -> dict[str, Verdict]:
        return {p: Verdict(True, "no threshold") for p in data.parties}

    def passes_batch(self, data: BatchInput) -> np.ndarray:
        draws, _, lists = data.votes.shape
        return np.ones((draws, lists), dtype=bool)

    def to_dict(self) -> dict[str, object]:
        return _leaf_dict(self, self.kind)

    def leaves(self) -> tuple[Rule, ...]:
        return (self,)

    def needs_preliminary(self) -> bool:
        return False


class _Combined:
    """What AND and OR share: children, their verdicts joined in words, their batch results reduced."""

    rules: tuple[Rule, ...]
    kind: ClassVar[str]
    joiner: ClassVar[str]
    combine: ClassVar[Callable[[Any], bool]]
    reduce: ClassVar[Callable[[list[np.ndarray]], np.ndarray]]

    @property
    def law(self) -> str:
        return ""

    @property
    def sources(self) -> tuple[str, ...]:
        return ()

    def describe(self) -> str:
        return self.joiner.join(f"({r.describe()})" for r in self.rules)

    def evaluate(self, data: ThresholdInput) -> dict[str, Verdict]:
        parts = [r.evaluate(data) for r in self.rules]
        combine = type(self).combine
        return {
            p: Verdict(combine(v[p].passed for v in parts), self.joiner.join(v[p].why for v in parts))
            for p in data.parties
        }

    def passes_batch(self, data: BatchInput) -> np.ndarray:
        return type(self).reduce([r.passes_batch(data) for r in self.rules])

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "rules": [r.to_dict() for r in self.rules], "text": self.describe()}

    def leaves(self) -> tuple[Rule, ...]:
        return tuple(leaf for r in self.rules for leaf in r.leaves())

    def needs_preliminary(self) -> bool:
        return any(r.needs_preliminary() for r in self.rules)


def _any_of(parts: list[np.ndarray]) -> np.ndarray:
    return np.logical_or.reduce(parts)


def _all_of(parts: list[np.ndarray]) -> np.ndarray:
    return np.logical_and.reduce(parts)


@dataclass(frozen=True)
class AnyOf(_Combined):
    """Passed when any of ``rules`` is."""

    rules: tuple[Rule, ...]
    id: str = "any-of"

    kind: ClassVar[str] = "any_of"
    joiner: ClassVar[str] = " OR "
    combine: ClassVar[Callable[[Any], bool]] = any
    reduce: ClassVar[Callable[[list[np.ndarray]], np.ndarray]] = _any_of


@dataclass(frozen=True)
class AllOf(_Combined):
    """Passed when every one of ``rules`` is."""

    rules: tuple[Rule, ...]
    id: str = "all-of"

    kind: ClassVar[str] = "all_of"
    joiner: ClassVar[str] = " AND "
    combine: ClassVar[Callable[[Any], bool]] = all
    reduce: ClassVar[Callable[[list[np.ndarray]], np.ndarray]] = _all_of
