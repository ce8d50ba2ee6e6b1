"""Fitted models kept between runs, by the checksum of the roll calls they were fitted on and their
settings, so a second prediction does not fit again.

A model is two files in ``<cache>/models/``: ``<key>.npz`` (plain arrays, read with
``allow_pickle=False``: nothing in it can run code) and ``<key>.json``, the manifest (format version,
what was fitted, the roll calls' checksum, the settings, the SHA-256 of the arrays). A manifest that
does not match, arrays whose hash differs, or a file that cannot be read is a miss: the model is fitted
again and the files rewritten.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import numpy as np

from curul._files import write_atomic

MODEL_FORMAT = 1


def model_key(what: str, checksum: str, settings: dict[str, Any]) -> str:
    """The file name of a model: a hash of what it is, the data and the settings."""
    text = json.dumps(
        {"format": MODEL_FORMAT, "what": what, "data": checksum, "settings": settings}, sort_keys=True
    )
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _folder() -> Path:
    from curul.rollcalls._cache import cache_dir

    return cache_dir() / "models"


def load_model(what: str, checksum: str, settings: dict[str, Any]) -> dict[str, np.ndarray] | None:
    """The arrays of a model fitted before with these inputs, or None."""
    key = model_key(what, checksum, settings)
    folder = _folder()
    try:
        manifest = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        blob = (folder / f"{key}.npz").read_bytes()
    except (OSError, ValueError):
        return None
    expected = {"format": MODEL_FORMAT, "what": what, "checksum": checksum, "settings": settings}
    if not isinstance(manifest, dict) or any(manifest.get(k) != v for k, v in expected.items()):
        return None
    if manifest.get("arrays_sha256") != hashlib.sha256(blob).hexdigest():
        return None
    try:
        with np.load(io.BytesIO(blob), allow_pickle=False) as npz:
            return {name: npz[name] for name in npz.files}
    except (OSError, ValueError, EOFError):
        return None


def save_model(what: str, checksum: str, settings: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    """Keep a fitted model's arrays (best effort: a cache that cannot be written is not an error)."""
    key = model_key(what, checksum, settings)
    buffer = io.BytesIO()
    np.savez(buffer, allow_pickle=False, **arrays)
    blob = buffer.getvalue()
    manifest = {
        "format": MODEL_FORMAT, "what": what, "checksum": checksum, "settings": settings,
        "arrays_sha256": hashlib.sha256(blob).hexdigest(),
    }  # fmt: skip
    try:
        folder = _folder()
        write_atomic(folder / f"{key}.npz", blob, parents=True)
        write_atomic(folder / f"{key}.json", json.dumps(manifest, indent=1), parents=True)
    except OSError:
        pass
