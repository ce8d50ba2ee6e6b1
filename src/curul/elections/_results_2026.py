"""The 2026 general election as the bundle holds it: official seats, a partial count, a partial first round.

Three kinds of figure, each shown as what it is: the official seats of both chambers (member lists of
31 July 2026; the Senate per part), the congressional votes of ONPE's count at about 86% of tallies
(11 May 2026; labelled partial wherever they appear, the final count was not found) and the presidential
first round's nine tickets with at least 3% (the other tickets' votes were not found).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from curul.data import fold, load, members
from curul.elections._partial import CountStage
from curul.elections._results import CongressResults, congress_results, congress_years
from curul.errors import ArgumentError, CurulError
from curul.report import Column, Line, Presentable, Report, Row, Span, Table

if TYPE_CHECKING:
    import pandas as pd

YEAR = 2026
CHAMBERS = ("senate", "deputies")
CONTESTS = {
    "senate_national": ("senate", "Senate, national list (30 seats)"),
    "senate_district": ("senate", "Senate, 27 districts summed (30 seats)"),
    "deputies": ("deputies", "Chamber of Deputies, 27 districts summed (130 seats)"),
}
SEAT_COLUMNS = {"senate_national": "Senate national", "senate_district": "Senate districts"}
SEAT_COLUMNS |= {"senate": "Senate", "deputies": "Deputies"}


@dataclass(frozen=True)
class PartialContest:
    """One contest's votes at a counting stage: lists, blank, null."""

    contest: str
    title: str
    stage: CountStage
    lists: tuple[tuple[str, int], ...]  # most votes first
    blank: int
    null: int

    @property
    def valid(self) -> int:
        return sum(v for _, v in self.lists)

    def share(self, votes: int) -> Fraction:
        return Fraction(votes, self.valid) if self.valid else Fraction(0)

    def as_dict(self) -> dict[str, Any]:
        return (
            {"contest": self.contest, "title": self.title}
            | self.stage.as_dict()
            | {
                "valid": self.valid,
                "blank": self.blank,
                "null": self.null,
                "lists": [
                    {"party": p, "votes": v, "pct_valid": round(float(self.share(v)) * 100, 3)}
                    for p, v in self.lists
                ],
            }
        )

    def table(self) -> Table:
        shown = [(p, v) for p, v in self.lists if self.share(v) >= Fraction(1, 100)]
        hidden = [(p, v) for p, v in self.lists if self.share(v) < Fraction(1, 100)]
        rows: list[Row | list[str]] = [[p, f"{v:,}", f"{float(self.share(v)) * 100:.2f}"] for p, v in shown]
        if hidden:
            votes = sum(v for _, v in hidden)
            rows.append(
                [
                    f"{len(hidden)} other lists (< 1% each)",
                    f"{votes:,}",
                    f"{float(self.share(votes)) * 100:.2f}",
                ]
            )
        rows.append(Row(tuple((Span(c),) for c in ("valid", f"{self.valid:,}", "100.00")), "bold", False))
        rows += [["blank", f"{self.blank:,}", ""], ["null", f"{self.null:,}", ""]]
        right = [Column("votes", align="right"), Column("% valid", align="right")]
        return Table.build(
            ["list", *right],
            rows,
            title=f"{self.title}: votes at {self.stage.label}",
            caption="partial count, not the final one (the final count was not found)",
        )


def _exact(number: float) -> Fraction:
    return Fraction(Decimal(repr(number)))


@dataclass(frozen=True)
class FirstRound2026:
    """The nine tickets with at least 3% of valid votes (ONPE at 100%), and the valid total their
    shares imply: each share is rounded to 3 decimals, so the total lies in the intersection of the
    nine intervals ``votes · 100 / (share ± 0.0005)``."""

    tickets: tuple[Any, ...]
    note: str
    sources: tuple[str, ...]

    def implied_valid(self) -> tuple[int, int]:
        half = Fraction(5, 10000)
        low = max(Fraction(t.votes * 100) / (_exact(t.pct_valid) + half) for t in self.tickets)
        high = min(Fraction(t.votes * 100) / (_exact(t.pct_valid) - half) for t in self.tickets)
        return math.ceil(low), math.floor(high)

    def as_dict(self) -> dict[str, Any]:
        low, high = self.implied_valid()
        shown = sum(t.votes for t in self.tickets)
        return {
            "round": 1,
            "date": "2026-04-12",
            "tickets": [
                {
                    "rank": t.rank,
                    "party": t.party,
                    "candidate": t.candidate,
                    "votes": t.votes,
                    "pct_valid": t.pct_valid,
                }
                for t in self.tickets
            ],
            "complete": False,
            "note": self.note,
            "implied_valid": {"min": low, "max": high},
            "other_tickets_votes": {"min": low - shown, "max": high - shown},
            "sources": list(self.sources),
        }

    def blocks(self) -> list[Line | Table]:
        rows = [
            [str(t.rank), t.candidate, t.party, f"{t.votes:,}", f"{t.pct_valid:.3f}"] for t in self.tickets
        ]
        right = [Column("votes", align="right"), Column("% valid", align="right")]
        table = Table.build(
            [Column("#", align="right"), "candidate", "party", *right],
            rows,
            title="Presidential first round, 12 April 2026 (ONPE at 100%): the nine tickets with ≥ 3%",
        )
        low, high = self.implied_valid()
        shown = sum(t.votes for t in self.tickets)
        return [
            table,
            Line.of([Span("not complete: ", "warn"), self.note]),
            Line.of(
                f"their shares imply {low:,} to {high:,} valid votes, so the other tickets had "
                f"{low - shown:,} to {high - shown:,} votes between them"
            ),
        ]


@dataclass(frozen=True)
class Results2026(Presentable):
    """Official seats of Congress 2026-2031, the partial count of 11 May 2026 and the presidential first
    round, for both chambers or one (``chamber``)."""

    chamber: str | None
    seats: tuple[
        tuple[str, dict[str, int]], ...
    ]  # party -> {senate_national, senate_district, senate, deputies}
    second_source: tuple[tuple[str, str, int, int], ...]  # (contest, party, official, second source)
    disputed: tuple[Any, ...]  # members a second source gives to someone else
    partial: tuple[PartialContest, ...]
    presidential: FirstRound2026
    sources: tuple[str, ...]

    def _columns(self) -> list[str]:
        if self.chamber == "senate":
            return ["senate_national", "senate_district", "senate"]
        if self.chamber == "deputies":
            return ["deputies"]
        return ["senate_national", "senate_district", "senate", "deputies"]

    def as_dict(self) -> dict[str, Any]:
        columns = self._columns()
        seats: dict[str, Any] = {}
        if "senate" in columns:
            seats["senate"] = {
                part: {p: s[key] for p, s in self.seats if s[key]}
                for part, key in (
                    ("national", "senate_national"),
                    ("districts", "senate_district"),
                    ("total", "senate"),
                )
            }
        if "deputies" in columns:
            seats["deputies"] = {p: s["deputies"] for p, s in self.seats if s["deputies"]}
        return {
            "year": YEAR,
            "chamber": self.chamber,
            "seats": seats,
            "seats_source": "official member lists of 31 July 2026",
            "second_source": [
                {"chamber": c, "party": p, "seats": n, "second_source_seats": m}
                for c, p, n, m in self.second_source
                if c in columns
            ],
            "disputed_seats": [m.as_dict() for m in self.disputed],
            "partial_votes": [c.as_dict() for c in self.partial],
            "presidential": self.presidential.as_dict(),
            "sources": list(self.sources),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per party: the official seats of each chamber (and Senate part) shown."""
        import pandas as pd

        columns = self._columns()
        frame = pd.DataFrame([{"party": p} | {c: s[c] for c in columns} for p, s in self.seats])
        return frame.set_index("party")

    def report(self) -> Report:
        columns = self._columns()
        rows: list[Row | list[str]] = [[p, *(str(s[c]) for c in columns)] for p, s in self.seats]
        totals = [str(sum(s[c] for _, s in self.seats)) for c in columns]
        rows.append(Row(tuple((Span(c),) for c in ("total", *totals)), "bold", False))
        seats = Table.build(
            ["party", *(Column(SEAT_COLUMNS[c], align="right") for c in columns)],
            rows,
            title="Congress 2026-2031: official seats (member lists of 31 July 2026)",
        )
        blocks: list[Line | Table] = [seats]
        for m in self.disputed:
            if self.chamber in (None, m.chamber):
                second = m.second_source
                blocks.append(
                    Line.of(
                        f"{m.district}: a second source ({second.source}) has {second.name} ({second.party}) "
                        f"for the seat of {m.name} ({m.party}); the official list is kept"
                    )
                )
        for contest in self.partial:
            blocks.append(contest.table())
        blocks += self.presidential.blocks()
        blocks.append(Line.of("Sources: " + "; ".join(self.sources), "fold"))
        return Report(tuple(blocks))


def _partial(contests: list[str]) -> tuple[PartialContest, ...]:
    dataset = load("congress-2026-partial-national-votes")
    out = []
    for contest in contests:
        rows = [r for r in dataset.rows if r.chamber == contest]
        lists = tuple(
            sorted(((r.party, r.votes) for r in rows if r.kind == "list"), key=lambda x: (-x[1], x[0]))
        )
        ((stage, counted, date),) = {(r.stage, r.tallies_counted_pct, r.date) for r in rows}
        sources = tuple(dict.fromkeys(r.source for r in rows))
        blank = sum(r.votes for r in rows if r.kind == "blank")
        null = sum(r.votes for r in rows if r.kind == "null")
        title = CONTESTS[contest][1]
        out.append(
            PartialContest(
                contest, title, CountStage(stage, counted, date, dataset.name, sources), lists, blank, null
            )
        )
    return tuple(out)


def results_2026(chamber: str | None = None) -> Results2026:
    """The 2026 results the bundle holds, for both chambers or ``chamber`` (``senate`` / ``deputies``)."""
    if chamber is not None and chamber not in CHAMBERS:
        raise ArgumentError("chamber", f"must be senate or deputies, got {chamber!r}")
    seats_data = load("congress-2026-seats")
    by_party: dict[str, dict[str, int]] = {}
    for row in seats_data.rows:
        by_party.setdefault(row.party, dict.fromkeys(SEAT_COLUMNS, 0))[row.chamber] = row.seats
    key = "senate" if chamber == "senate" else "deputies"
    ranked = sorted(by_party.items(), key=lambda item: (-item[1][key], -item[1]["senate"], fold(item[0])))
    second = tuple(
        (r.chamber, r.party, r.seats, r.second_source_seats)
        for r in seats_data.rows
        if r.seats != r.second_source_seats
    )
    disputed = tuple(m for m in members().members if m.second_source is not None)
    contests = [c for c, (house, _) in CONTESTS.items() if chamber in (None, house)]
    first = load("presidential-2026-first-round")
    note = "only the nine tickets with at least 3% of valid votes are bundled; "
    note += "the other tickets' votes were not found"
    presidential = FirstRound2026(tuple(sorted(first.rows, key=lambda r: r.rank)), note, first.sources)
    partial = _partial(contests)
    sources = tuple(
        dict.fromkeys(seats_data.sources + tuple(s for c in partial for s in c.stage.sources) + first.sources)
    )
    return Results2026(chamber, tuple(ranked), second, disputed, partial, presidential, sources)


def election_results(year: int, *, chamber: str | None = None) -> CongressResults | Results2026:
    """The official results of ``year``: a Congress summary (2001-2021) or the 2026 results."""
    if year == YEAR:
        return results_2026(chamber)
    if chamber is not None:
        raise ArgumentError("chamber", f"only 2026 has two chambers; {{name}} does not apply to {year}")
    if year not in congress_years():
        known = ", ".join(str(y) for y in (*congress_years(), YEAR))
        raise CurulError(f"no bundled Congress results for {year}; bundled years: {known}")
    return congress_results(year)
