"""A poll file checked: every wave it holds, and the conversion to valid votes each one gets.

What ``curul polls check`` shows; reading the file validates it (a problem is an :class:`InputError` at
its line and column), so a result means the whole file is usable.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curul.forecast._polls import group_polls, read_polls
from curul.forecast._valid import to_valid, typical_non_choice
from curul.report import Presentable, Report, Table

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class WaveCheck:
    """One wave of a checked file: who, when, on what basis, and how its shares become valid votes."""

    pollster: str
    election: str
    round: int
    poll_type: str
    basis: str
    field_date: date
    published: date
    sample_n: int | None
    candidates: int
    conversion: str


@dataclass(frozen=True)
class PollCheck(Presentable):
    """A valid poll file and its waves, in order of field date."""

    file: str
    waves: tuple[WaveCheck, ...]

    def as_dict(self) -> dict[str, Any]:
        waves = [
            asdict(w) | {"field_date": w.field_date.isoformat(), "published": w.published.isoformat()}
            for w in self.waves
        ]
        return {"file": self.file, "waves": waves}

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([asdict(w) for w in self.waves], columns=list(WaveCheck.__dataclass_fields__))

    def report(self) -> Report:
        headers = ("pollster", "field date", "published", "type", "basis", "n", "candidates", "conversion")
        rows = [
            [
                w.pollster,
                str(w.field_date),
                str(w.published),
                w.poll_type,
                w.basis,
                str(w.sample_n or "-"),
                str(w.candidates),
                w.conversion,
            ]
            for w in self.waves
        ]
        return Report.of(Table.build(headers, rows, title=f"{self.file}: {len(self.waves)} waves"))


def check_polls(path: str | Path) -> PollCheck:
    """Read and validate a poll file, and list its waves with their valid-vote conversion."""
    polls = group_polls(read_polls(path))
    typical = typical_non_choice(polls)
    waves = tuple(
        WaveCheck(
            pollster=p.pollster,
            election=p.election,
            round=p.round,
            poll_type=p.poll_type,
            basis=p.basis,
            field_date=p.field_date,
            published=p.publication_date,
            sample_n=p.sample_n,
            candidates=len(p.candidates()),
            conversion=to_valid(p, typical).method,
        )
        for p in polls
    )
    return PollCheck(str(path), waves)
