"""A whole election under a system, exactly: the threshold (with its preliminary allocation), then seats.

The result is what ``curul seats`` shows: national seats, votes and shares, the seats of each district,
every list's threshold verdict with its arithmetic, the ties met, the indices, the laws cited, and — when
compared with the official results — the districts that match (``as_dict()``, ``report()``,
``to_frame()``, so a notebook or a web page shows the same as the command line).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from curul.elections._allocation import Allocation, Tie, TieBreak, allocate, check_method
from curul.elections._comparison import OfficialComparison
from curul.elections._explain import (
    component_seats,
    components_table,
    last_seats,
    last_seats_table,
    split_verdicts,
    tests_by_list,
    tests_table,
)
from curul.elections._indices import Indices, indices
from curul.elections._margins import LastSeat
from curul.elections._partial import CountStage
from curul.elections._systems import ElectoralSystem
from curul.elections._thresholds import ThresholdInput, Verdict
from curul.errors import CurulError
from curul.report import Column, Line, Presentable, Report, Span, Table

if TYPE_CHECKING:
    import pandas as pd

Votes = Mapping[str, Mapping[str, int]]  # district -> list -> valid votes


@dataclass(frozen=True)
class ElectionResult(Presentable):
    """Seats per district and list, the threshold verdict of every list, and every tie met on the way;
    ``official``, when given, compares the seats with the official ones; ``stage`` says how far the
    count the votes come from had got (a partial count is labelled so everywhere); ``explain`` adds
    each district's last-seat margin and each list's threshold tests to the views."""

    system: ElectoralSystem
    method: str
    votes: Votes
    districts: Mapping[str, Allocation]
    verdicts: Mapping[str, Verdict]
    preliminary: Mapping[str, Allocation] | None = None
    official: OfficialComparison | None = None
    stage: CountStage | None = None
    explain: bool = False

    @property
    def parties(self) -> list[str]:
        return list(dict.fromkeys(p for d in self.votes.values() for p in d))

    @property
    def seats(self) -> dict[str, int]:
        """National seats per list (every list, zeros included), in list order."""
        out = {p: 0 for p in self.parties}
        for alloc in self.districts.values():
            for p, s in alloc.seats.items():
                out[p] += s
        return out

    @property
    def national_votes(self) -> dict[str, int]:
        out = {p: 0 for p in self.parties}
        for row in self.votes.values():
            for p, v in row.items():
                out[p] += v
        return out

    @property
    def passed(self) -> list[str]:
        return [p for p in self.parties if self.verdicts[p].passed]

    @property
    def failed(self) -> list[str]:
        return [p for p in self.parties if not self.verdicts[p].passed]

    @property
    def ties(self) -> list[Tie]:
        """Ties of the final allocation (a tie there decides a seat)."""
        return [t for a in self.districts.values() for t in a.ties]

    @property
    def preliminary_ties(self) -> list[Tie]:
        """Ties of the preliminary allocation (they matter only if they change who passes the threshold)."""
        return [t for a in (self.preliminary or {}).values() for t in a.ties]

    @property
    def undecided(self) -> int:
        return sum(a.undecided for a in self.districts.values())

    def district_seats(self) -> dict[str, dict[str, int]]:
        return {d: {p: s for p, s in a.seats.items() if s} for d, a in self.districts.items()}

    @property
    def pct_valid(self) -> dict[str, float]:
        """Each list's share of the national valid votes, in percent to three decimals."""
        votes = self.national_votes
        valid = sum(votes.values())
        return {p: round(votes[p] / valid * 100, 3) if valid else 0.0 for p in self.parties}

    @property
    def indices(self) -> Indices | None:
        """Disproportionality and fragmentation, when there are votes and seats to compare."""
        votes, seats = self.national_votes, self.seats
        return indices(votes, seats) if sum(votes.values()) and sum(seats.values()) else None

    def last_seats(self) -> list[LastSeat]:
        """Each district's last seat: its winning quotient against the best other list's, exactly."""
        return last_seats(self.districts)

    def component_seats(self) -> dict[str, dict[str, int]]:
        """Seats per part of the chamber (the Senate's national list and districts), lists with seats."""
        return component_seats(self.system, self.district_seats())

    def staged_ties(self) -> list[tuple[str, Tie]]:
        """Every tie with its stage: ``final`` (it decides a seat), then ``preliminary``."""
        return [("final", t) for t in self.ties] + [("preliminary", t) for t in self.preliminary_ties]

    def as_dict(self) -> dict[str, Any]:
        seats, votes = self.seats, self.national_votes
        idx = self.indices
        out: dict[str, Any] = {
            "system": self.system.name,
            "method": self.method,
            "total_seats": self.system.total_seats,
            "seats": {p: n for p, n in sorted(seats.items(), key=lambda item: (-item[1], item[0])) if n},
            "votes": {p: votes[p] for p in self.parties},
            "pct_valid": self.pct_valid,
            "districts": self.district_seats(),
            "threshold": {
                "rule": self.system.threshold.describe(),
                "passed": self.passed,
                "failed": self.failed,
                "why": {p: v.why for p, v in self.verdicts.items()},
            },
            "ties": [{**t.as_dict(), "stage": stage} for stage, t in self.staged_ties()],
            "undecided": self.undecided,
            "indices": idx.as_dict() if idx else {},
            "laws": self.system.laws(),
        }
        if self.official is not None:
            out["official"] = self.official.as_dict()
        extra = self._extra_dict()
        if "tests" in extra:
            out["threshold"]["tests"] = extra.pop("tests")
        if "components_official" in extra:
            out["official"]["components"] = extra.pop("components_official")
        return out | extra

    def _extra_dict(self) -> dict[str, Any]:
        """The keys only some results have: the count's stage, the readings, the parts, the margins."""
        out: dict[str, Any] = {}
        if self.stage is not None:
            out["partial"] = self.stage.partial
            out["count"] = self.stage.as_dict()
        if self.system.readings:
            out["readings"] = [r.as_dict() for r in self.system.chosen_readings()]
        if self.system.components:
            out["components"] = self.component_seats()
            if self.official is not None:
                out["components_official"] = component_seats(self.system, self.official.official)
        if self.explain:
            out["tests"] = tests_by_list(self.verdicts)
            out["last_seats"] = [s.as_dict() for s in self.last_seats()]
        return out

    def _ranked(self) -> list[str]:
        seats, votes = self.seats, self.national_votes
        return sorted(self.parties, key=lambda p: (-seats[p], -votes[p]))

    def to_frame(self) -> pd.DataFrame:
        """One row per list, most seats first: national votes, % of valid votes, threshold, seats (and
        official seats when compared)."""
        import pandas as pd

        seats, votes, pct = self.seats, self.national_votes, self.pct_valid
        rows = []
        for p in self._ranked():
            row: dict[str, Any] = {
                "list": p,
                "votes": votes[p],
                "pct_valid": pct[p],
                "passed": self.verdicts[p].passed,
                "seats": seats[p],
            }
            if self.official is not None:
                row["official"] = self.official.official_seats(p)
            rows.append(row)
        return pd.DataFrame(rows).set_index("list")

    def report(self) -> Report:
        seats, votes, pct, official = self.seats, self.national_votes, self.pct_valid, self.official
        columns: list[str | Column] = [
            "list",
            Column("votes", align="right"),
            Column("% valid", align="right"),
            "threshold",
        ]
        columns += [Column("seats", align="right")] + (
            [Column("official", align="right")] if official else []
        )
        rows = []
        for party in self._ranked():
            theirs = official.official_seats(party) if official else 0
            if not seats[party] and pct[party] < 1 and not theirs:
                continue  # lists under 1% without seats stay in the JSON, not in the table
            row = [
                party,
                f"{votes[party]:,}",
                f"{pct[party]:.2f}",
                "pass" if self.verdicts[party].passed else Span("fail", "bad"),
                str(seats[party]),
            ]
            rows.append(row + ([str(theirs)] if official else []))
        title = f"{self.system.title} — {self.method}"
        if self.stage is not None:
            title += f" — votes: {self.stage.label}"
        blocks: list[Line | Table] = [
            Table.build(columns, rows, title=title, caption=self._votes_caption()),
            Line.of(f"threshold: {self.system.threshold.describe()}"),
        ]
        blocks += self._extra_blocks()
        blocks += [t.line(stage) for stage, t in self.staged_ties()]
        if self.undecided:
            note = " (unresolved ties, or districts without votes in the file)"
            blocks.append(Line.of([Span(f"{self.undecided} seat(s) undecided", "warn"), note]))
        idx = self.indices
        blocks += list(idx.report().blocks) if idx else []
        blocks += official.lines() if official else []
        if self.stage is not None:
            blocks.append(
                Line.of([Span(f"partial count: {self.stage.label}", "warn"), " — not the final count"])
            )
        return Report(tuple(blocks))

    def _votes_caption(self) -> str:
        """For a chamber of several parts: the votes shown add every part's, unlike the threshold's."""
        if not self.system.components:
            return ""
        parts = " and ".join(name for name, _ in self.system.components)
        return f"votes and % valid add the {parts} votes; the threshold tests below count their own"

    def _extra_blocks(self) -> list[Line | Table]:
        blocks: list[Line | Table] = [Line.of(r.text()) for r in self.system.chosen_readings()]
        if self.system.components:
            official = self.official.official if self.official is not None else None
            blocks.append(
                components_table(
                    self.component_seats(),
                    None if official is None else component_seats(self.system, official),
                )
            )
        if self.explain:
            order = self._ranked()
            votes = self.national_votes
            keep = {p for p in order if votes[p] * 100 >= sum(votes.values()) or self.seats[p]}
            blocks.append(tests_table(self.verdicts, order, keep))
            blocks += split_verdicts(self.verdicts, order)
            caption = f"votes: {self.stage.label}" if self.stage is not None else ""
            blocks.append(last_seats_table(self.last_seats(), caption))
        return blocks

    def hemicycle_svg(self) -> str:
        """The national seats as a hemicycle: an SVG document, for the caller to write."""
        from curul.viz import hemicycle_svg

        title = f"{self.system.title}: {sum(self.seats.values())} seats ({self.method})"
        return hemicycle_svg(self.seats, title=title)


def allocate_system(
    system: ElectoralSystem,
    votes: Votes,
    *,
    method: str | None = None,
    tie_break: TieBreak = None,
    members: Mapping[str, int] | None = None,
) -> ElectionResult:
    """Apply ``system`` to ``votes`` (any spelling of its district names): threshold, then cifra per district.

    ``method`` replaces the system's method (for "what if" questions); ``members`` gives the number of
    member parties of each alliance (parties default to 1). A district with no votes keeps its seats
    undecided rather than inventing a winner.
    """
    method = check_method(method or system.method)
    unknown = [d for d in votes if system.district(d) is None]
    if unknown:
        raise CurulError(f"{system.name}: unknown district(s) {', '.join(unknown)}")
    merged: dict[str, dict[str, int]] = {}
    for name, row in votes.items():  # any official spelling or alias of a district
        target = merged.setdefault(system.district(name) or name, {})
        for party, count in row.items():
            target[party] = target.get(party, 0) + count
    votes = merged
    parties = list(dict.fromkeys(p for d in votes.values() for p in d))
    full = {d: {p: votes.get(d, {}).get(p, 0) for p in parties} for d in system.districts}
    allocations: dict[frozenset[str] | None, dict[str, Allocation]] = {}

    def preliminary(lists: frozenset[str] | None = None) -> Mapping[str, Mapping[str, int]]:
        """The preliminary allocation over every list, or among ``lists`` only (a seat-test reading)."""
        if lists not in allocations:
            allocations[lists] = {
                d: allocate(
                    {p: v for p, v in full[d].items() if lists is None or p in lists},
                    system.magnitude(d),
                    method,
                    tie_break=tie_break,
                    district=d,
                )
                for d in system.districts
            }
        return {d: a.seats for d, a in allocations[lists].items()}

    if system.threshold.needs_preliminary():
        preliminary()
    verdicts = system.threshold.evaluate(ThresholdInput(full, dict(members or {}), preliminary, preliminary))
    if parties and not any(v.passed for v in verdicts.values()):
        raise CurulError(
            f"{system.name}: no list passes the threshold; the law does not say what happens then"
        )
    districts = {
        d: allocate(
            {p: v for p, v in full[d].items() if verdicts[p].passed},
            system.magnitude(d),
            method,
            tie_break=tie_break,
            district=d,
        )
        for d in system.districts
    }
    # the allocation the seat test looked at: among some lists when a reading says so, else all lists
    used = next((a for k, a in allocations.items() if k is not None), allocations.get(None))
    return ElectionResult(system, method, full, districts, verdicts, used)
