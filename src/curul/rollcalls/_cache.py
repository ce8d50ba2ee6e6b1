"""Where imported roll calls are kept: a cache file per import, and a marker naming the last one.

The cache is a pickle of the normalised frames (load only caches you wrote yourself); the other
commands read it instead of parsing the CSV files again.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from curul._files import write_atomic
from curul.errors import CurulError, InputError
from curul.rollcalls._rollcalls import Contradiction, RollCalls, import_rollcalls

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
    write_atomic(path, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
    write_atomic(cache_dir() / "last-import", str(path.resolve()))
    return path


def _read_cache(path: Path) -> RollCalls:
    try:
        payload = pickle.loads(path.read_bytes())
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
        raise CurulError("no roll-call data: run `curul rollcalls import PATH` or pass --data PATH")
    if not path.exists():
        raise CurulError(f"--data: {path}: no such file or folder")
    key = (str(path.resolve()), path.stat().st_mtime)
    if key not in _LOADED:
        _LOADED[key] = import_rollcalls(path) if path.is_dir() else _read_cache(path)
    return _LOADED[key]
