"""Atomic writes: the new content or the old, never a partial file, with ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

from curul._files import write_atomic
from curul.report import to_json


def test_write_atomic_replaces_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out" / "result.json"
    write_atomic(target, "first", parents=True)
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["result.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_write_atomic_keeps_old_content_when_writing_fails(tmp_path):
    target = tmp_path / "result.txt"
    write_atomic(target, "old")
    with pytest.raises(TypeError):
        write_atomic(target, 12345)  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["result.txt"]


def test_write_atomic_creates_no_folder_unless_asked(tmp_path):
    target = tmp_path / "mistyped" / "deeper" / "result.txt"
    with pytest.raises(FileNotFoundError):
        write_atomic(target, "text")
    assert list(tmp_path.iterdir()) == []


def test_to_json_handles_fractions_dates_and_sets():
    from datetime import date
    from fractions import Fraction

    assert to_json({"a": Fraction(1, 4), "d": date(2026, 2, 17), "s": {2, 1}}) == (
        '{\n  "a": 0.25,\n  "d": "2026-02-17",\n  "s": [\n    1,\n    2\n  ]\n}'
    )
