"""Where imported roll calls are kept: a cache file per import, and a marker naming the last one; and
the summary an import gives.

The cache is a pickle of the normalised frames (load only caches you wrote yourself); the other
commands read it instead of parsing the CSV files again. A cache this version cannot read (another
format, or one naming a class that has moved since) asks for a new import, on one line.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curul._files import write_atomic
from curul.errors import ArgumentError, InputError
from curul.report import Presentable, Report, Table
from curul.rollcalls._rollcalls import Contradiction, RollCalls, import_rollcalls

if TYPE_CHECKING:
    import pandas as pd

FORMAT_VERSION = 1


def cache_dir() -> Path:
    """Where imports are cached: ``$CURUL_CACHE_DIR``, else ``$XDG_CACHE_HOME/curul``, else ~/.cache/curul."""
    if os.environ.get("CURUL_CACHE_DIR"):
        return Path(os.environ["CURUL_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "curul"


def save_rollcalls(rc: RollCalls, out: str | Path | None = None) -> Path:
    """Write the normalised roll calls (pickle) atomically and remember it as the last import."""
    path = Path(out) if out is not None else cache_dir() / "rollcalls.pkl"
    payload = {
        "format": FORMAT_VERSION,
        "votes": rc.votes,
        "ballots": rc.ballots,
        "groups": rc.groups,
        "contradictions": [c.as_dict() for c in rc.contradictions],
        "source": rc.source,
    }
    write_atomic(path, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL), parents=True)
    write_atomic(cache_dir() / "last-import", str(path.resolve()), parents=True)
    return path


def _read_cache(path: Path) -> RollCalls:
    try:
        payload = pickle.loads(path.read_bytes())
    except (ImportError, AttributeError):  # it names a class this version has moved or dropped
        raise InputError(path, "not a curul roll-call cache of this version: import again") from None
    except Exception as exc:  # a truncated or foreign file
        raise InputError(path, f"not a curul roll-call cache ({type(exc).__name__})") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_VERSION:
        raise InputError(path, "not a curul roll-call cache of this version: import again")
    return RollCalls(
        payload["votes"],
        payload["ballots"],
        payload["groups"],
        tuple(Contradiction(**c) for c in payload["contradictions"]),
        payload["source"],
    )


def default_data() -> Path | None:
    """The last import, else ``../shared/data/rollcalls`` seen from the working directory."""
    marker = cache_dir() / "last-import"
    if marker.is_file():
        last = Path(marker.read_text(encoding="utf-8").strip())
        if last.is_file():
            return last
    shared = Path("..") / "shared" / "data" / "rollcalls"
    return shared if shared.is_dir() else None


_LOADED: dict[tuple[str, float], RollCalls] = {}


def load_rollcalls(data: str | Path | None = None) -> RollCalls:
    """Roll calls from a cache file written by ``import``, or an openpolitica folder (imported now)."""
    path = Path(data) if data is not None else default_data()
    if path is None:
        raise ArgumentError(
            "data", "no roll-call data: run `curul rollcalls import PATH` or pass {name} PATH"
        )
    if not path.exists():
        raise ArgumentError("data", f"{path}: no such file or folder")
    key = (str(path.resolve()), path.stat().st_mtime)
    if key not in _LOADED:
        _LOADED[key] = import_rollcalls(path) if path.is_dir() else _read_cache(path)
    return _LOADED[key]


@dataclass(frozen=True)
class ImportSummary(Presentable):
    """What an import read and where it was cached: counts, dates, ballot categories, and every vote
    whose recorded totals contradict its ballots (listed, never corrected)."""

    source: str
    cache: Path
    votes: int
    ballots: int
    members: int
    groups: tuple[str, ...]
    first_date: dt.date
    last_date: dt.date
    ballot_categories: dict[str, int]
    contradictions: tuple[Contradiction, ...]

    @classmethod
    def of(cls, rc: RollCalls, cache: Path) -> ImportSummary:
        """The summary of ``rc``, cached at ``cache``."""
        categories = rc.ballots["category"].value_counts().to_dict()
        return cls(
            rc.source,
            cache,
            rc.n_votes,
            len(rc.ballots),
            int(rc.ballots["member"].nunique()),
            tuple(sorted(rc.ballots["group"].astype(str).unique())),
            rc.votes["date"].min().date(),
            rc.votes["date"].max().date(),
            {str(k): int(v) for k, v in categories.items()},
            rc.contradictions,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "cache": str(self.cache),
            "votes": self.votes,
            "ballots": self.ballots,
            "members": self.members,
            "groups": list(self.groups),
            "first_date": self.first_date,
            "last_date": self.last_date,
            "ballot_categories": self.ballot_categories,
            "contradictions": [c.as_dict() for c in self.contradictions],
        }

    def to_frame(self) -> pd.DataFrame:
        """The contradictions: vote, total, recorded figure and the count from the ballots."""
        import pandas as pd

        columns = ["vote_id", "field", "recorded", "from_ballots"]
        return pd.DataFrame([c.as_dict() for c in self.contradictions], columns=columns)

    def report(self) -> Report:
        head = (
            f"imported {self.votes} votes, {self.ballots} ballots, {self.members} members "
            f"({self.first_date} – {self.last_date}) → {self.cache}"
        )
        if not self.contradictions:
            return Report.of(head, "every recorded total equals the sum of its ballots")
        table = Table.build(
            ["vote", "total", "recorded", "from ballots"],
            [[c.vote_id, c.field, str(c.recorded), str(c.from_ballots)] for c in self.contradictions],
            title=f"{len(self.contradictions)} recorded totals that differ from the ballots",
        )
        return Report.of(head, table)
