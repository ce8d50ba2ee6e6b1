"""Exact seat allocation in one district: integers and fractions only, ties reported, never hidden.

Peru's "cifra repartidora" (LOE art. 30) is D'Hondt computed with a common divisor: every list gets as
many seats as it has quotients ``votes / k`` strictly above the cifra, and a tie for the last seat(s) is
settled by lot (ONPE note on the cifra repartidora, EG 2016). The same interface offers the other usual
rules so a user can ask "what if Peru used X".
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from curul.errors import ArgumentError, CurulError
from curul.report import Column, Line, Presentable, Report, Span, Table

if TYPE_CHECKING:
    import pandas as pd

DIVISOR_METHODS = ("dhondt", "sainte-lague", "modified-sainte-lague")
REMAINDER_METHODS = ("hare", "droop")
METHODS = DIVISOR_METHODS + REMAINDER_METHODS

METHOD_TITLES = {
    "dhondt": "D'Hondt / cifra repartidora (divisors 1, 2, 3, …)",
    "sainte-lague": "Sainte-Laguë (divisors 1, 3, 5, …)",
    "modified-sainte-lague": "modified Sainte-Laguë (divisors 1.4, 3, 5, …)",
    "hare": "largest remainder with the Hare quota (valid votes / seats)",
    "droop": "largest remainder with the Droop quota (⌊valid votes / (seats + 1)⌋ + 1)",
}

# How an undecided tie is shown: the law settles it by lot, which curul never does unasked.
UNDECIDED = "undecided (the law settles it by lot; use --tie-break SEED)"

TieBreak = int | Sequence[str] | None
"""How a tie is settled: ``None`` leaves it undecided, an ``int`` seeds a reproducible draw by lot, a
sequence of list names is a priority order (first listed wins)."""


def check_method(method: str) -> str:
    """The canonical method name, or a one-line error naming the choices."""
    key = method.strip().lower().replace("_", "-").replace(" ", "-")
    key = {"d'hondt": "dhondt", "cifra-repartidora": "dhondt", "webster": "sainte-lague"}.get(key, key)
    if key not in METHODS:
        raise CurulError(f"unknown method {method!r}; choose one of: {', '.join(METHODS)}")
    return key


def divisor(method: str, k: int) -> Fraction:
    """The divisor for a list's ``k``-th seat (``k`` counts from 0)."""
    if method == "dhondt":
        return Fraction(k + 1)
    if method == "sainte-lague":
        return Fraction(2 * k + 1)
    if method == "modified-sainte-lague":
        return Fraction(7, 5) if k == 0 else Fraction(2 * k + 1)
    raise CurulError(f"{method} is not a divisor method")


@dataclass(frozen=True)
class Tie(Presentable):
    """Lists tied for the last ``seats`` seat(s) of a district, and who won the draw if one was made."""

    seats: int
    lists: tuple[str, ...]
    value: Fraction  # the tied quotient (divisor methods) or remainder (largest remainder)
    winners: tuple[str, ...] = ()
    resolved_by: str = ""  # "" when undecided, "lot (seed N)" or "priority order"
    district: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "district": self.district,
            "seats": self.seats,
            "lists": list(self.lists),
            "value": float(self.value),
            "winners": list(self.winners),
            "resolved_by": self.resolved_by or None,
        }

    def line(self, stage: str = "") -> Line:
        """The tie in words: where, for how many seats, among whom, and how (or whether) it was settled."""
        state: Span | str = (
            f"settled by {self.resolved_by}: {', '.join(self.winners)}"
            if self.resolved_by
            else Span(UNDECIDED, "warn")
        )
        where = f" in {self.district}" if self.district else ""
        staged = f" ({stage})" if stage else ""
        return Line.of(
            [f"tie{staged}{where} for {self.seats} seat(s) among {', '.join(self.lists)}: ", state]
        )

    def report(self) -> Report:
        return Report.of(self.line())


@dataclass(frozen=True)
class Allocation(Presentable):
    """Seats per list in one district; ``undecided`` seats are those a reported, unresolved tie holds.

    ``votes`` are the votes the seats were allocated from, so the result shows both (``to_frame()``).
    """

    seats: Mapping[str, int]
    method: str
    magnitude: int
    ties: tuple[Tie, ...] = ()
    undecided: int = 0
    cifra: Fraction | None = None  # the last quotient that won a seat (divisor methods)
    quota: Fraction | None = None  # the quota (largest remainder methods)
    extra: Mapping[str, object] = field(default_factory=dict)
    votes: Mapping[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "magnitude": self.magnitude,
            "seats": dict(self.seats),
            "votes": dict(self.votes),
            "cifra": None if self.cifra is None else float(self.cifra),
            "quota": None if self.quota is None else float(self.quota),
            "ties": [t.as_dict() for t in self.ties],
            "undecided": self.undecided,
        }

    def _ranked(self) -> list[str]:
        return sorted(self.seats, key=lambda p: (-self.seats[p], -self.votes.get(p, 0)))

    def to_frame(self) -> pd.DataFrame:
        """One row per list: its votes and seats, most seats first."""
        import pandas as pd

        rows = [(p, self.votes.get(p, 0), self.seats[p]) for p in self._ranked()]
        return pd.DataFrame(rows, columns=["list", "votes", "seats"]).set_index("list")

    def report(self) -> Report:
        rows = [[p, f"{self.votes.get(p, 0):,}", str(self.seats[p])] for p in self._ranked()]
        table = Table.build(
            ["list", Column("votes", align="right"), Column("seats", align="right")],
            rows,
            title=f"{self.magnitude} seat(s) by {METHOD_TITLES[self.method]}",
        )
        if self.cifra is not None:
            rule = f"cifra repartidora (last quotient that won a seat): {float(self.cifra):,.2f}"
        elif self.quota is not None:
            rule = f"quota: {float(self.quota):,.2f}"
        else:
            rule = None
        undecided = Span(f"{self.undecided} seat(s) undecided", "warn") if self.undecided else None
        return Report.of(table, rule, *(t.line() for t in self.ties), undecided)


def _settle(tied: list[str], seats: int, tie_break: TieBreak, district: str) -> tuple[tuple[str, ...], str]:
    """Pick ``seats`` winners among ``tied`` as the caller asked (by lot or by priority), or none."""
    if tie_break is None:
        return (), ""
    if isinstance(tie_break, bool):
        raise ArgumentError("tie_break", f"a seed (a whole number) or a priority order, not {tie_break}")
    if isinstance(tie_break, int):
        rng = random.Random(f"{tie_break}:{district}")
        return tuple(rng.sample(sorted(tied), seats)), f"lot (seed {tie_break})"
    order = {name: i for i, name in enumerate(tie_break)}
    ranked = sorted(tied, key=lambda name: (order.get(name, len(order)), name))
    return tuple(ranked[:seats]), "priority order"


def allocate(
    votes: Mapping[str, int],
    seats: int,
    method: str = "dhondt",
    *,
    tie_break: TieBreak = None,
    district: str = "",
) -> Allocation:
    """Allocate ``seats`` among lists with ``votes`` exactly; lists with no votes never win a seat."""
    method = check_method(method)
    if seats < 0:
        raise CurulError(f"a district cannot have {seats} seats")
    for name, v in votes.items():
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise CurulError(f"votes of {name!r} must be a non-negative integer, not {v!r}")
    if method in DIVISOR_METHODS:
        return _divisor(votes, seats, method, tie_break, district)
    return _largest_remainder(votes, seats, method, tie_break, district)


def _divisor(
    votes: Mapping[str, int], seats: int, method: str, tie_break: TieBreak, district: str
) -> Allocation:
    result = {name: 0 for name in votes}
    quotients = sorted(
        (
            (Fraction(v) / divisor(method, k), name)
            for name, v in votes.items()
            if v > 0
            for k in range(seats)
        ),
        key=lambda q: q[0],
        reverse=True,
    )
    if seats == 0 or not quotients:
        return Allocation(result, method, seats, undecided=seats, votes=dict(votes))
    cifra = quotients[seats - 1][0]
    above = [name for q, name in quotients if q > cifra]
    tied = sorted(name for q, name in quotients if q == cifra)  # at most one quotient per list equals it
    for name in above:
        result[name] += 1
    contested = seats - len(above)
    if len(tied) == contested:
        for name in tied:
            result[name] += 1
        return Allocation(result, method, seats, cifra=cifra, votes=dict(votes))
    winners, how = _settle(tied, contested, tie_break, district)
    for name in winners:
        result[name] += 1
    tie = Tie(contested, tuple(tied), cifra, winners, how, district)
    return Allocation(result, method, seats, (tie,), contested - len(winners), cifra=cifra, votes=dict(votes))


def quota(method: str, total: int, seats: int) -> Fraction:
    """Hare: ``total / seats``; Droop: ``⌊total / (seats + 1)⌋ + 1`` (the integer Droop quota)."""
    if method == "hare":
        return Fraction(total, seats)
    if method == "droop":
        return Fraction(total // (seats + 1) + 1)
    raise CurulError(f"{method} is not a largest-remainder method")


def _largest_remainder(
    votes: Mapping[str, int], seats: int, method: str, tie_break: TieBreak, district: str
) -> Allocation:
    result = {name: 0 for name in votes}
    total = sum(votes.values())
    if seats == 0 or total == 0:
        return Allocation(result, method, seats, undecided=seats, votes=dict(votes))
    q = quota(method, total, seats)
    remainders: dict[str, Fraction] = {}
    for name, v in votes.items():
        whole = int(Fraction(v) // q)
        result[name] = whole
        remainders[name] = Fraction(v) - whole * q
    left = seats - sum(result.values())
    ties: list[Tie] = []
    undecided = 0
    candidates = [name for name, v in votes.items() if v > 0]
    # One pass gives at most one seat per list; a further pass is only needed when fewer lists than
    # remaining seats have votes (possible with the Droop quota and tiny vote totals).
    while left > 0:
        ranked = sorted(candidates, key=lambda name: remainders[name], reverse=True)
        take = min(left, len(ranked))
        cut = remainders[ranked[take - 1]]
        above = [name for name in ranked if remainders[name] > cut]
        tied = sorted(name for name in ranked if remainders[name] == cut)
        for name in above:
            result[name] += 1
        contested = take - len(above)
        if len(tied) == contested:
            for name in tied:
                result[name] += 1
        else:
            winners, how = _settle(tied, contested, tie_break, district)
            for name in winners:
                result[name] += 1
            ties.append(Tie(contested, tuple(tied), cut, winners, how, district))
            undecided += contested - len(winners)
            if not winners:
                undecided += left - take
                break
        left -= take
    return Allocation(result, method, seats, tuple(ties), undecided, quota=q, votes=dict(votes))
