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
from typing import Any, ClassVar

import numpy as np

from curul.elections._district_sums import district_totals, over_districts
from curul.elections._threshold_rule import BatchInput, Rule, ThresholdInput, Verdict, leaf_dict, pct


@dataclass(frozen=True)
class VoteShare:
    """At least ``share`` of the national valid votes; alliances need more (per extra member, or flat)."""

    share: Fraction
    alliance_extra_per_member: Fraction = Fraction(0)
    alliance_share: Fraction | None = None
    districts: tuple[str, ...] = ()  # count only these districts' votes (empty: every district)
    except_districts: tuple[str, ...] = ()  # or every district but these
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
        text = f"≥ {pct(self.share)} of national valid votes"
        if self.alliance_share is not None:
            text += f" ({pct(self.alliance_share)} for an alliance)"
        elif self.alliance_extra_per_member:
            text += f" (+{pct(self.alliance_extra_per_member)} per extra member party of an alliance)"
        where = self._where()
        return text + (f" ({where})" if where else "")

    def _where(self) -> str:
        if self.districts:
            return f"votes of {', '.join(self.districts)}"
        if self.except_districts:
            return f"votes of every district but {', '.join(self.except_districts)}"
        return ""

    def counts(self, district: str) -> bool:
        """Whether the votes of ``district`` count towards the share."""
        if self.districts:
            return district in self.districts
        return district not in self.except_districts

    def evaluate(self, data: ThresholdInput) -> dict[str, Verdict]:
        parties = data.parties
        totals = {p: 0 for p in parties}
        for district, row in data.votes.items():
            if not self.counts(district):
                continue
            for p, v in row.items():
                totals[p] += v
        valid = sum(totals.values())
        where = self._where()
        out = {}
        for p in parties:
            need = self.required(data.members.get(p, 1))
            ok = valid > 0 and Fraction(totals[p], valid) >= need
            share = f"{totals[p] / valid * 100:.3f}%" if valid else "no valid votes"
            sign = "≥" if ok else "<"
            why = f"{share} of valid votes {sign} {pct(need)}" + (f" ({where})" if where else "")
            figures = {
                "votes": totals[p],
                "valid": valid,
                "pct_valid": round(totals[p] / valid * 100, 3) if valid else 0.0,
                "required_pct": float(need * 100),
                "counted": where or "votes of every district",
            }
            out[p] = Verdict(ok, why, f"{share} {sign} {pct(need)}", figures)
        return out

    def passes_batch(self, data: BatchInput) -> np.ndarray:
        if self.districts or self.except_districts:
            idx = np.array([k for k, d in enumerate(data.districts) if self.counts(d)], dtype=np.int64)
            totals = district_totals(data.votes, idx)
        else:
            totals = district_totals(data.votes)
        valid = totals.sum(axis=1, keepdims=True)
        need = [self.required(int(k)) for k in data.members]
        num = np.array([f.numerator for f in need], dtype=np.int64)
        den = np.array([f.denominator for f in need], dtype=np.int64)
        return (valid > 0) & (totals * den >= num * valid)

    def to_dict(self) -> dict[str, object]:
        return (
            leaf_dict(self, self.kind)
            | {
                "share": str(self.share),
                "alliance_extra_per_member": str(self.alliance_extra_per_member),
                "alliance_share": None if self.alliance_share is None else str(self.alliance_share),
                "districts": list(self.districts),
            }
            | ({"except_districts": list(self.except_districts)} if self.except_districts else {})
        )

    def leaves(self) -> tuple[Rule, ...]:
        return (self,)

    def needs_preliminary(self) -> bool:
        return False


@dataclass(frozen=True)
class SeatsInDistricts:
    """At least ``min_seats`` seats won in ``min_districts`` or more districts (preliminary allocation).

    ``districts`` counts only the seats of those districts (empty: all); ``among`` is the rule whose
    lists alone take part in the preliminary allocation (None: every list), named in the file by its id
    (``among_id``).
    """

    min_seats: int
    min_districts: int = 2
    id: str = "seats-in-districts"
    law: str = ""
    sources: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    among_id: str = ""
    among: Rule | None = None

    kind: ClassVar[str] = "seats_in_districts"

    def _pool(self) -> str:
        return "all lists" if not self.among_id else f"the lists that pass {self.among_id}"

    def describe(self) -> str:
        if self.districts:
            where = f"in {', '.join(self.districts)}"
        elif self.min_districts == 2:
            where = "in more than one district"
        else:
            where = f"in at least {self.min_districts} districts" if self.min_districts > 1 else "in total"
        return f"≥ {self.min_seats} seats {where} (preliminary allocation over {self._pool()})"

    def _allocation(self, data: ThresholdInput) -> Mapping[str, Mapping[str, int]]:
        if self.among is None:
            return data.preliminary()
        if data.preliminary_among is None:
            raise ValueError(f"rule {self.id} needs the preliminary allocation among some lists")
        passing = frozenset(p for p, v in self.among.evaluate(data).items() if v.passed)
        return data.preliminary_among(passing)

    def evaluate(self, data: ThresholdInput) -> dict[str, Verdict]:
        prelim = self._allocation(data)
        counted = [d for d in prelim if not self.districts or d in self.districts]
        out = {}
        for p in data.parties:
            won = {d: prelim[d].get(p, 0) for d in counted}
            seats, districts = sum(won.values()), sum(1 for s in won.values() if s > 0)
            ok = seats >= self.min_seats and districts >= self.min_districts
            figures = {
                "seats": seats,
                "districts_won": districts,
                "required_seats": self.min_seats,
                "required_districts": self.min_districts,
                "among": self._pool(),
                "by_district": {d: n for d, n in won.items() if n},
            }
            if self.min_districts > 1:
                why = (
                    f"{seats} preliminary seats in {districts} district{'s' if districts != 1 else ''} "
                    f"{'meets' if ok else 'misses'} ≥ {self.min_seats} in ≥ {self.min_districts}"
                )
                short = (
                    f"{seats} in {districts} {'≥' if ok else '<'} {self.min_seats} in {self.min_districts}"
                )
            else:
                where = ", ".join(f"{d} {n}" for d, n in won.items() if n)
                why = (
                    f"{seats} preliminary seats{f' ({where})' if where else ''} {'≥' if ok else '<'} "
                    f"{self.min_seats} (allocation over {self._pool()})"
                )
                short = f"{seats} {'≥' if ok else '<'} {self.min_seats}"
            out[p] = Verdict(ok, why, short, figures)
        return out

    def passes_batch(self, data: BatchInput) -> np.ndarray:
        if self.among is None:
            won = data.preliminary()
        elif data.preliminary_among is None:
            raise ValueError(f"rule {self.id} needs the preliminary allocation among some lists")
        else:
            won = data.preliminary_among(self.among.passes_batch(data))
        index = None
        if self.districts:
            index = np.array([data.districts.index(d) for d in self.districts], dtype=np.int64)
        seats, districts = over_districts(won, index)
        return (seats >= self.min_seats) & (districts >= self.min_districts)

    def to_dict(self) -> dict[str, object]:
        out = leaf_dict(self, self.kind) | {
            "min_seats": self.min_seats,
            "min_districts": self.min_districts,
        }
        if self.districts:
            out["districts"] = list(self.districts)
        if self.among_id:
            out["among"] = self.among_id
        return out

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
        return leaf_dict(self, self.kind)

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
            p: Verdict(
                combine(v[p].passed for v in parts),
                self.joiner.join(v[p].why for v in parts),
                self.joiner.join(v[p].short for v in parts),
                parts=tuple((r.id, v[p]) for r, v in zip(self.rules, parts, strict=True)),
            )
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
