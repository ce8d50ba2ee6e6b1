"""A fitted motion model as plain arrays and back (strings as Unicode arrays, dates as datetime64):
what :mod:`curul.rollcalls._models` stores without pickle."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from curul.rollcalls._ideal import IdealPoints

if TYPE_CHECKING:
    from curul.rollcalls._outcomes import MotionModel

_IDEAL = ("members_", "votes_", "x_", "alpha_", "beta_")


def _plain(values: object) -> np.ndarray:
    """An array without Python objects (strings as Unicode), which np.load reads without pickle."""
    array = np.asarray(values)
    return array.astype(str) if array.dtype == object else array


def _column(values: pd.Series) -> np.ndarray:
    if values.dtype.kind in "fiub" or values.dtype.kind == "M":
        return values.to_numpy()
    return values.astype(str).to_numpy().astype(str)


def motion_arrays(model: MotionModel) -> dict[str, np.ndarray]:
    """The learned state of ``model`` as named arrays."""
    out = {
        "abstain_members": np.array(list(model.abstain_), dtype=str),
        "abstain_rates": np.array(list(model.abstain_.values()), dtype=float),
        "params_columns": np.array(list(model.params_.columns), dtype=str),
    }
    for i, column in enumerate(model.params_.columns):
        out[f"params_{i}"] = _column(model.params_[column])
    if model.basis == "ideal":
        ideal = model.ideal_
        for name in _IDEAL:
            out[f"ideal_{name}"] = _plain(getattr(ideal, name))
        out["ideal_meta"] = np.array([ideal.n_iter_, ideal.excluded_lopsided_], dtype=np.int64)
        out["ideal_pole"] = np.array(ideal.pole_, dtype=str)
        out["group_names"] = np.array(list(model.group_position_), dtype=str)
        out["group_positions"] = np.array(list(model.group_position_.values()), dtype=float)
    return out


def motion_from_arrays(model: MotionModel, arrays: dict[str, np.ndarray]) -> None:
    """Restore the learned state written by :func:`motion_arrays` into ``model``."""
    model.abstain_ = {
        str(m): float(r) for m, r in zip(arrays["abstain_members"], arrays["abstain_rates"], strict=True)
    }
    columns = [str(c) for c in arrays["params_columns"]]
    model.params_ = pd.DataFrame({c: arrays[f"params_{i}"] for i, c in enumerate(columns)})
    if model.basis != "ideal":
        return
    ideal = IdealPoints(dims=model.dims, anchor=model.anchor, method=model.method)
    for name in _IDEAL:
        setattr(ideal, name, arrays[f"ideal_{name}"])
    ideal.n_iter_, ideal.excluded_lopsided_ = (int(v) for v in arrays["ideal_meta"])
    ideal.pole_ = str(arrays["ideal_pole"])
    model.ideal_ = ideal
    model.position_ = {str(m): ideal.x_[i] for i, m in enumerate(ideal.members_)}
    model.group_position_ = {
        str(g): x for g, x in zip(arrays["group_names"], arrays["group_positions"], strict=True)
    }


def ideal_arrays(ideal: IdealPoints) -> dict[str, np.ndarray]:
    """A fitted :class:`IdealPoints` as named arrays."""
    out = {name: _plain(getattr(ideal, name)) for name in _IDEAL}
    out["meta"] = np.array([ideal.n_iter_, ideal.excluded_lopsided_], dtype=np.int64)
    out["pole"] = np.array(ideal.pole_, dtype=str)
    return out


def ideal_from_arrays(ideal: IdealPoints, arrays: dict[str, np.ndarray]) -> IdealPoints:
    """Restore what :func:`ideal_arrays` wrote into ``ideal``."""
    for name in _IDEAL:
        setattr(ideal, name, arrays[name])
    ideal.n_iter_, ideal.excluded_lopsided_ = (int(v) for v in arrays["meta"])
    ideal.pole_ = str(arrays["pole"])
    return ideal
