"""How close each district's last seat was, exactly: the quotient that won it, the best quotient of
another list, and the votes that list would have needed to take it.

For a divisor method (D'Hondt / cifra repartidora, Sainte-Laguë) the last seat of a district goes to the
smallest winning quotient ``votes / divisor``; the strongest challenger is the list, other than that
winner, whose next quotient is highest. With the other lists' votes unchanged, the challenger takes the
seat once its next quotient exceeds the winning one: it needs ``⌊v_w · d_c / d_w⌋ + 1 − v_c`` more votes.
Everything is integers and fractions; floats only appear in the JSON beside the exact fraction.

Where computed seats differ from the official ones, :func:`swaps` pairs each seat the computation gave
one list with the seat the official result gave another, with the same figures: the district, the two
lists, their quotients and the margin.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from curul.data import fold
from curul.elections._allocation import DIVISOR_METHODS, Allocation, divisor


def _exact(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def _number(value: Fraction) -> str:
    """``41,335`` or ``40,069.33`` (two decimals when not whole)."""
    return f"{value.numerator:,}" if value.denominator == 1 else f"{float(value):,.2f}"


@dataclass(frozen=True)
class Quotient:
    """A list's quotient for its ``seat``-th seat in a district: ``votes / divisor``."""

    party: str
    votes: int
    seat: int  # counts from 1
    divisor: Fraction

    @property
    def value(self) -> Fraction:
        return Fraction(self.votes) / self.divisor

    def as_dict(self) -> dict[str, Any]:
        return {
            "party": self.party,
            "votes": self.votes,
            "seat": self.seat,
            "divisor": int(self.divisor) if self.divisor.denominator == 1 else float(self.divisor),
            "quotient": round(float(self.value), 3),
            "quotient_exact": _exact(self.value),
        }

    def text(self) -> str:
        return f"{self.party} {_number(self.value)} ({self.votes:,} ÷ {_number(self.divisor)})"


def votes_to_pass(challenger: Quotient, holder: Quotient) -> int:
    """Votes ``challenger``'s list needs, the others unchanged, for its quotient to exceed ``holder``'s."""
    target = holder.value * challenger.divisor
    return max(0, target.numerator // target.denominator + 1 - challenger.votes)


@dataclass(frozen=True)
class Margin:
    """A seat held by ``holder`` against ``challenger``: how far apart, and the votes that would move it."""

    holder: Quotient
    challenger: Quotient

    @property
    def margin(self) -> Fraction:
        return self.holder.value - self.challenger.value

    @property
    def votes_needed(self) -> int:
        return votes_to_pass(self.challenger, self.holder)

    def figures(self) -> dict[str, Any]:
        return {
            "margin": round(float(self.margin), 3),
            "margin_exact": _exact(self.margin),
            "votes_needed": self.votes_needed,
        }


@dataclass(frozen=True)
class LastSeat(Margin):
    """A district's last seat: the winning quotient (the cifra repartidora) and the best other list's."""

    district: str = ""
    seats: int = 0
    tied: bool = False  # the two quotients are equal: the law settles the seat by lot

    def as_dict(self) -> dict[str, Any]:
        return {
            "district": self.district,
            "seats": self.seats,
            "winner": self.holder.as_dict(),
            "runner_up": self.challenger.as_dict(),
            "tied": self.tied,
        } | self.figures()

    def cells(self) -> list[str]:
        return [
            self.district,
            str(self.seats),
            self.holder.text(),
            self.challenger.text(),
            _number(self.margin),
            f"{self.votes_needed:,}",
        ]


def _next(allocation: Allocation, party: str, seats: int) -> Quotient:
    k = seats  # the next seat's divisor index (0-based)
    return Quotient(party, allocation.votes.get(party, 0), k + 1, divisor(allocation.method, k))


def last_seat(allocation: Allocation, district: str) -> LastSeat | None:
    """The last seat of ``allocation`` against the strongest other list (None without a contest: no
    divisor method, no seat decided, or no other list with votes)."""
    if allocation.method not in DIVISOR_METHODS or allocation.undecided or not allocation.magnitude:
        return None
    won = [(_next(allocation, p, s - 1), p) for p, s in allocation.seats.items() if s > 0]
    if not won:
        return None
    holder, winner = min(won, key=lambda item: (item[0].value, fold(item[1])))
    others = [
        _next(allocation, p, allocation.seats.get(p, 0))
        for p, v in allocation.votes.items()
        if p != winner and v > 0
    ]
    if not others:
        return None
    challenger = max(others, key=lambda q: (q.value, fold(q.party)))
    return LastSeat(holder, challenger, district, allocation.magnitude, challenger.value == holder.value)


@dataclass(frozen=True)
class SeatSwap(Margin):
    """A seat the computation gives ``holder``'s list and the official result ``challenger``'s."""

    district: str = ""
    eligible: bool = True  # whether the official list passed the computed threshold

    def as_dict(self) -> dict[str, Any]:
        return {
            "district": self.district,
            "computed": self.holder.as_dict(),
            "official": self.challenger.as_dict(),
            "official_list_passed_threshold": self.eligible,
        } | self.figures()

    def text(self) -> str:
        if not self.eligible:
            return (
                f"{self.district}: the official seat of {self.challenger.party} goes to "
                f"{self.holder.text()} because {self.challenger.party} does not pass the computed threshold"
            )
        return (
            f"{self.district}: the votes give the seat to {self.holder.text()} over "
            f"{self.challenger.text()}, margin {_number(self.margin)}; officially "
            f"{self.challenger.party} won it (it needed {self.votes_needed:,} more votes at this count)"
        )


def swaps(
    district: str,
    allocation: Allocation,
    official: Mapping[str, int],
    votes: Mapping[str, int],
    passed: Mapping[str, bool],
) -> list[SeatSwap]:
    """Each seat where ``allocation`` and the ``official`` seats of ``district`` part, paired: the weakest
    seats the computation gave beyond the official ones against the strongest the official result has
    beyond the computation. Party names are compared folded."""
    if allocation.method not in DIVISOR_METHODS:
        return []
    computed = {fold(p): (p, n) for p, n in allocation.seats.items()}
    theirs = {fold(p): n for p, n in official.items() if n}
    names = {fold(p): p for p in votes}
    gained, lost = [], []
    for key in sorted(set(computed) | set(theirs)):
        party, ours = computed.get(key, (names.get(key, key), 0))
        extra = ours - theirs.get(key, 0)
        for i in range(extra):  # the list's last won quotients, weakest first
            seat = ours - 1 - i
            gained.append(Quotient(party, votes.get(party, 0), seat + 1, divisor(allocation.method, seat)))
        for i in range(-extra):  # the quotients the official result gave it beyond ours
            seat = ours + i
            lost.append(Quotient(party, votes.get(party, 0), seat + 1, divisor(allocation.method, seat)))
    gained.sort(key=lambda q: q.value)
    lost.sort(key=lambda q: q.value, reverse=True)
    return [
        SeatSwap(holder, challenger, district, passed.get(challenger.party, False))
        for holder, challenger in zip(gained, lost, strict=False)
    ]
