"""The roll calls the Roll-calls pages read: the library's loader (``curul.rollcalls.load_rollcalls``:
``$CURUL_ROLLCALLS`` when set, else the last ``curul rollcalls import``, else ``../shared/data/rollcalls``
seen from the server's working directory), a window of dates, and the bounded, cached fits.

When no roll calls were imported the pages say so, with the command that imports them, instead of
failing: :func:`loaded` gives ``None`` and the reason. Fits are serialised by a lock and cached by
their inputs; an ideal-point fit takes at most :data:`MAX_IDEAL_VOTES` votes.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Hashable, Mapping
from functools import lru_cache

from curul.errors import CurulError
from curul.rollcalls import (
    IdealPointsFit,
    MotionModel,
    Prediction,
    RollCalls,
    ideal_points,
    load_rollcalls,
    predict_vote,
)
from curul.web._field_errors import FieldError, form_fields

MAX_IDEAL_VOTES = 1_200
ENV = "CURUL_ROLLCALLS"
_LOCK = threading.RLock()  # the fits call loaded() while holding it


def source() -> str | None:
    """The roll-call data the server is told to read (``$CURUL_ROLLCALLS``), else the library's default."""
    return os.environ.get(ENV) or None


def loaded() -> tuple[RollCalls | None, str]:
    """The roll calls, or ``None`` and why they are not there."""
    try:
        with _LOCK:
            return load_rollcalls(source()), ""
    except CurulError as exc:
        return None, str(exc)


def stamp() -> Hashable:
    """What a roll-call answer depends on outside the package, for the response cache: the loaded roll
    calls themselves (the library keeps one object per source path and modification time, so a new
    import is a new object), or why there are none."""
    rc, reason = loaded()
    return ("rollcalls", id(rc)) if rc is not None else ("none", reason)


def _date(params: Mapping[str, str], key: str) -> dt.date | None:
    raw = params.get(key) or ""
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise FieldError(key, f"{raw!r} is not a date (YYYY-MM-DD)") from None


def window(rc: RollCalls, params: Mapping[str, str]) -> tuple[RollCalls, dt.date | None, dt.date | None]:
    """The votes from ``desde`` to ``hasta`` (both included); an empty window names ``desde``."""
    start, end = _date(params, "desde"), _date(params, "hasta")
    if start and end and end < start:
        raise FieldError("hasta", f"{end} is before {start}")
    chosen = rc.between(start, end + dt.timedelta(days=1) if end else None)
    if chosen.n_votes == 0:
        raise FieldError("desde", "no votes in that date range")
    return chosen, start, end


@lru_cache(maxsize=8)
def _ideal(key: tuple[str | None, str | None, str | None]) -> IdealPointsFit:
    rc, _ = loaded()
    assert rc is not None
    start, end = (dt.date.fromisoformat(d) if d else None for d in key[1:])
    chosen = rc.between(start, end + dt.timedelta(days=1) if end else None)
    with form_fields("desde"):
        return ideal_points(chosen)


def fit_ideal(rc: RollCalls, start: dt.date | None, end: dt.date | None) -> IdealPointsFit:
    """One-dimensional ideal points of the window, at most :data:`MAX_IDEAL_VOTES` votes, cached."""
    chosen = rc.between(start, end + dt.timedelta(days=1) if end else None)
    if chosen.n_votes > MAX_IDEAL_VOTES:
        raise FieldError(
            "desde",
            f"{chosen.n_votes} votes in the window: an ideal-point fit takes at most {MAX_IDEAL_VOTES}",
        )
    with _LOCK:
        return _ideal((source(), start.isoformat() if start else None, end.isoformat() if end else None))


@lru_cache(maxsize=32)
def _predict(key: tuple[str | None, str, str | None, str]) -> Prediction:
    rc, _ = loaded()
    assert rc is not None
    _, vote, threshold, basis = key
    with form_fields("votacion", vote_id="votacion", threshold="umbral"):
        return predict_vote(rc, vote, threshold=threshold, model=MotionModel(basis=basis))


def predict(vote: str, threshold: str | None, basis: str) -> Prediction:
    """The motion model's prediction of a recorded vote, fitted on the days before it, cached."""
    with _LOCK:
        return _predict((source(), vote, threshold, basis))
