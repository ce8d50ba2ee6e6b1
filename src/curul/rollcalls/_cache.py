"""Where imported roll calls are kept: a cache file per import, and a marker naming the last one; and
the summary an import gives.

The cache is a NumPy ``.npz`` archive of plain arrays (strings as Unicode, dates as datetime64), read
with ``allow_pickle=False``: nothing in it can run code. Its ``manifest`` entry is JSON: the format
version, the source folder, the roll calls' checksum (:meth:`RollCalls.checksum`), the group names and
the contradictions. A file that is not such an archive (a pickle written by an older curul, a truncated
or foreign file), or one of another format version, is refused on one line: import again.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curul._files import write_atomic
from curul.errors import ArgumentError, InputError
from curul.report import Presentable, Report, Table
from curul.rollcalls._rollcalls import Contradiction, RollCalls, import_rollcalls

if TYPE_CHECKING:
    import pandas as pd

FORMAT_VERSION = 2  # 1 was a pickle, no longer read
_VOTE_INTS = ("quorum", "legal_number", "yes", "no", "abstain", "no_answer", "absent", "on_leave")
_BALLOT_COLUMNS = ("vote_id", "group", "member", "ballot")


def cache_dir() -> Path:
    """Where imports are cached: ``$CURUL_CACHE_DIR``, else ``$XDG_CACHE_HOME/curul``, else ~/.cache/curul."""
    if os.environ.get("CURUL_CACHE_DIR"):
        return Path(os.environ["CURUL_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "curul"


def save_rollcalls(rc: RollCalls, out: str | Path | None = None) -> Path:
    """Write the normalised roll calls (``.npz`` of plain arrays) atomically, then — only once that
    succeeded — remember it as the last import."""
    import numpy as np

    path = Path(out) if out is not None else cache_dir() / "rollcalls.npz"
    arrays: dict[str, Any] = {}
    for column in rc.votes.columns:
        values = rc.votes[column]
        if column == "date":
            arrays[f"votes.{column}"] = values.to_numpy(dtype="datetime64[ns]")
        elif column in _VOTE_INTS:
            arrays[f"votes.{column}"] = values.to_numpy(dtype=np.int64)
        else:
            arrays[f"votes.{column}"] = values.astype(str).to_numpy().astype(str)
    for column in _BALLOT_COLUMNS:
        arrays[f"ballots.{column}"] = rc.ballots[column].astype(str).to_numpy().astype(str)
    manifest = {
        "format": FORMAT_VERSION, "what": "curul roll calls", "source": rc.source, "checksum": rc.checksum(),
        "vote_columns": list(rc.votes.columns), "groups": rc.groups,
        "contradictions": [c.as_dict() for c in rc.contradictions],
    }  # fmt: skip
    arrays["manifest"] = np.array(json.dumps(manifest))
    buffer = io.BytesIO()
    np.savez_compressed(buffer, allow_pickle=False, **arrays)
    write_atomic(path, buffer.getvalue(), parents=out is None)
    write_atomic(cache_dir() / "last-import", str(path.resolve()), parents=True)
    return path


def _refuse(path: Path, why: str) -> InputError:
    return InputError(path, f"not a curul roll-call cache{why}: import again")


def _read_cache(path: Path) -> RollCalls:
    import numpy as np
    import pandas as pd

    from curul.rollcalls._rollcalls import BALLOT_CODES, CATEGORIES

    blob = path.read_bytes()
    if not blob.startswith(b"PK"):
        pickled = blob[:1] in (b"\x80", b"c", b"(", b"}", b"]")
        raise _refuse(path, " of this version (an older pickle cache, never loaded)" if pickled else "")
    try:
        with np.load(io.BytesIO(blob), allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
        manifest = json.loads(str(arrays.pop("manifest")))
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        raise _refuse(path, " (unreadable archive)") from None
    if not isinstance(manifest, dict) or manifest.get("what") != "curul roll calls":
        raise _refuse(path, "")
    if manifest.get("format") != FORMAT_VERSION:
        raise _refuse(path, " of this version")
    try:
        votes = pd.DataFrame({c: arrays[f"votes.{c}"] for c in manifest["vote_columns"]})
        ballots = pd.DataFrame({c: arrays[f"ballots.{c}"] for c in _BALLOT_COLUMNS})
        for column in ("vote_id", "member", "ballot"):
            ballots[column] = ballots[column].astype(object)
        ballots["category"] = pd.Categorical(ballots["ballot"].map(BALLOT_CODES), categories=list(CATEGORIES))
        ballots["group"] = ballots["group"].astype("category")
        contradictions = tuple(Contradiction(**c) for c in manifest["contradictions"])
        rc = RollCalls(votes, ballots, dict(manifest["groups"]), contradictions, str(manifest["source"]))
    except (KeyError, TypeError, ValueError):
        raise _refuse(path, " (incomplete)") from None
    if rc.checksum() != manifest.get("checksum"):
        raise _refuse(path, " (its content does not match its checksum)")
    return rc


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
