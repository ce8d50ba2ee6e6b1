"""Mutation fuzzing of the command line: mutate valid files byte-, line-, cell- and value-wise, run the
real entry point on them, and sort every outcome into a category.

A :class:`Mutation` turns a seed file's bytes into a mutated copy and says whether the documentation
makes it a must-reject (README "Input files" and issue 11: regular UTF-8 files, exact headers, rows as
wide as the header, typed cells — counts in ASCII digits within range, shares in [0, 100], real dates
from 1900 to 2100, non-empty names without control characters —, one row per key, bounded cells and
TOML nesting) or a may-pass (it may be valid; only a clean outcome is required), and where its error
must point: ``cell`` (``FILE:LINE:COLUMN:``), ``line`` (``FILE:LINE:``) or ``file`` (the path).

:func:`run` calls ``curul.cli._app.main`` in this process with stdout and stderr captured, a SIGALRM
timeout for hangs and an address-space limit for runaway allocations; :func:`classify` names the
outcome. The targets (commands and their seed files) are in ``fuzz_targets``.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import os
import random
import re
import resource
import signal
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MUST, MAY = "must-reject", "may-pass"
#: Outcome categories; every one but the two ``ok`` ones is a defect.
CRASH, HANG, PARTIAL, ACCEPTED, NO_LOCATION, UNESCAPED = (
    "crash", "hang", "partial output", "accepted invalid input", "error without location",
    "unescaped markup",
)  # fmt: skip
OK0, OK2 = "ok-0", "ok-2"
BAD = (CRASH, HANG, PARTIAL, ACCEPTED, NO_LOCATION, UNESCAPED)
CATEGORIES = (*BAD, OK0, OK2)

LONG = 128 * 1024 + 1  # a cell longer than 128 KiB (the readers' cell bound is 4,096 characters)
MARKUP = "[link=http://x]FPX9[/link]"  # Rich would show it as a link named FPX9


@dataclass(frozen=True)
class Mutated:
    data: bytes
    must_reject: bool
    where: str | None  # "cell", "line", "file" (or None: no file is named)


@dataclass(frozen=True)
class Mutation:
    name: str
    family: str  # byte, line, cell, value, toml
    apply: Callable[[bytes, random.Random, Shape], Mutated | None]  # None: does not apply to this seed


@dataclass(frozen=True)
class Shape:
    """What a seed file holds, for the mutations that need it: CSV columns and their kinds (the
    ``curul.inputs`` kinds: count, percent, date, name, ...; ``?`` allows empty; ``any`` an unchecked
    code), the required ones, whether rows have a key; TOML keys and their kinds."""

    format: str  # csv or toml
    kinds: dict[str, str] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    keyed: bool = True


# ---- values a cell or a TOML value is replaced with, and the kinds that must refuse each ----------
VALUES: dict[str, str] = {
    "empty": "",
    "negative": "-1",
    "fraction": "1.5",
    "underscore": "1_0",
    "arabic-indic": "\u0661\u0660",
    "fullwidth": "\uff11\uff10",
    "exponent": "1e30",
    "huge": "1" + "0" * 40,
    "inf": "inf",
    "nan": "nan",
    "long": "x" * LONG,
    "control": "FP\x07",
    "ansi": "\x1b[31mFP\x1b[0m",
    "markup": MARKUP,
    "date-zero": "0000-01-01",
    "date-feb30": "2026-02-30",
    "datetime": "2026-01-05T10:00:00",
}
_NUMERIC = ("count", "year", "date")
# Which kinds must refuse a value (a kind not listed accepts it, or its checks are not documented).
_REJECTS: dict[str, tuple[str, ...]] = {
    "empty": ("count", "year", "percent", "date", "name", "source"),
    "negative": (*_NUMERIC, "percent"),
    "fraction": _NUMERIC,
    "underscore": (*_NUMERIC, "percent"),
    "arabic-indic": (*_NUMERIC, "percent"),
    "fullwidth": (*_NUMERIC, "percent"),
    "exponent": (*_NUMERIC, "percent"),
    "huge": (*_NUMERIC, "percent"),
    "inf": (*_NUMERIC, "percent"),
    "nan": (*_NUMERIC, "percent"),
    "long": ("*",),
    "control": ("*",),
    "ansi": ("*",),
    "markup": (*_NUMERIC, "percent"),
    "date-zero": (*_NUMERIC, "percent"),
    "date-feb30": (*_NUMERIC, "percent"),
    "datetime": (*_NUMERIC, "percent"),
}


def rejects(value: str, kind: str) -> bool:
    optional = kind.endswith("?")
    base = kind.rstrip("?")
    if value == "empty" and optional:
        return False
    listed = _REJECTS[value]
    return "*" in listed or base in listed


# ---- CSV helpers -----------------------------------------------------------------------------------
def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def _data_row(rows: list[list[str]], rng: random.Random) -> int:
    return rng.randrange(1, len(rows))


def _csv_only(
    fn: Callable[[list[list[str]], random.Random, Shape], Mutated | None],
) -> Callable[[bytes, random.Random, Shape], Mutated | None]:
    def apply(data: bytes, rng: random.Random, shape: Shape) -> Mutated | None:
        if shape.format != "csv":
            return None
        rows = _rows(data)
        return fn(rows, rng, shape) if len(rows) >= 3 else None

    return apply


# ---- byte-wise ---------------------------------------------------------------------------------------
def _bad_utf8(data: bytes, rng: random.Random, shape: Shape) -> Mutated | None:
    if not data:
        return None
    i = rng.randrange(len(data))
    while i > 0 and (data[i] & 0xC0) == 0x80:  # not inside a multi-byte character
        i -= 1
    return Mutated(data[:i] + rng.choice([b"\xff", b"\xc3(", b"\xed\xa0\x80"]) + data[i:], True, "cell")


def _nul(data: bytes, rng: random.Random, shape: Shape) -> Mutated:
    """A NUL byte at the start of a line after the first (a CSV row's first cell, or a TOML line)."""
    starts = [i + 1 for i, b in enumerate(data[:-1]) if b == 0x0A]
    i = rng.choice(starts) if starts else 0
    return Mutated(data[:i] + b"\x00" + data[i:], True, "file")


def _latin1(data: bytes, rng: random.Random, shape: Shape) -> Mutated | None:
    text = data.decode("utf-8")
    encoded = text.encode("latin-1", errors="replace")
    if encoded.isascii():  # nothing Latin-1 can write ("—" becomes "?"): a valid file, not a bad byte
        return None
    return Mutated(encoded, True, "cell")


def _truncate(data: bytes, rng: random.Random, shape: Shape) -> Mutated | None:
    if not data:
        return None
    return Mutated(data[: rng.randrange(len(data))], False, None)


def _flip(data: bytes, rng: random.Random, shape: Shape) -> Mutated | None:
    if not data:
        return None
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        buf[rng.randrange(len(buf))] = rng.randrange(256)
    return Mutated(bytes(buf), False, None)


def _random_bytes(data: bytes, rng: random.Random, shape: Shape) -> Mutated:
    return Mutated(rng.randbytes(rng.randint(1, 2048)), False, None)


def _empty(data: bytes, rng: random.Random, shape: Shape) -> Mutated:
    return Mutated(b"", True, "file")


def _bom_crlf(data: bytes, rng: random.Random, shape: Shape) -> Mutated:
    return Mutated(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"), False, None)


# ---- line-wise (CSV) -----------------------------------------------------------------------------------
def _typed(shape: Shape) -> bool:
    return any(k.rstrip("?") in ("count", "year", "percent", "date") for k in shape.kinds.values())


@_csv_only
def _dup_row(rows: list[list[str]], rng: random.Random, shape: Shape) -> Mutated:
    i = _data_row(rows, rng)
    return Mutated(_csv([*rows[: i + 1], rows[i], *rows[i + 1 :]]), shape.keyed, "line")


@_csv_only
def _del_row(rows: list[list[str]], rng: random.Random, shape: Shape) -> Mutated:
    i = _data_row(rows, rng)
    return Mutated(_csv(rows[:i] + rows[i + 1 :]), False, None)


@_csv_only
def _swap_rows(rows: list[list[str]], rng: random.Random, shape: Shape) -> Mutated:
    i, j = _data_row(rows, rng), _data_row(rows, rng)
    rows[i], rows[j] = rows[j], rows[i]
    return Mutated(_csv(rows), False, None)


@_csv_only
def _header_again(rows: list[list[str]], rng: random.Random, shape: Shape) -> Mutated:
    i = _data_row(rows, rng)
    return Mutated(_csv([*rows[:i], rows[0], *rows[i:]]), _typed(shape), "line")


@_csv_only
def _blank_line(rows: list[list[str]], rng: random.Random, shape: Shape) -> Mutated:
    i = _data_row(rows, rng)
    return Mutated(_csv(rows[:i]) + b"\n" + _csv(rows[i:]), False, None)


@_csv_only
def _dup_column(rows: list[list[str]], rng: random.Random, shape: Shape) -> Mutated:
    j = rng.randrange(len(rows[0]))
    return Mutated(_csv([[*row, row[j]] for row in rows]), True, "line")


@_csv_only
def _drop_column(rows: list[list[str]], rng: random.Random, shape: Shape) -> Mutated | None:
    required = [j for j, h in enumerate(rows[0]) if h in shape.required]
    if not required:
        return None
    j = rng.choice(required)
    return Mutated(_csv([row[:j] + row[j + 1 :] for row in rows]), True, "line")


@_csv_only
def _rename_column(rows: list[list[str]], rng: random.Random, shape: Shape) -> Mutated | None:
    required = [j for j, h in enumerate(rows[0]) if h in shape.required]
    if not required:
        return None
    j = rng.choice(required)
    rows[0][j] = rows[0][j] + "_renamed"
    return Mutated(_csv(rows), True, "line")


@_csv_only
def _unknown_column(rows: list[list[str]], rng: random.Random, shape: Shape) -> Mutated:
    return Mutated(_csv([rows[0] + ["zzz_unknown"]] + [[*r, "1"] for r in rows[1:]]), True, "line")


@_csv_only
def _swap_columns(rows: list[list[str]], rng: random.Random, shape: Shape) -> Mutated:
    j, k = rng.randrange(len(rows[0])), rng.randrange(len(rows[0]))
    for row in rows:
        row[j], row[k] = row[k], row[j]
    return Mutated(_csv(rows), False, None)


@_csv_only
def _extra_cell(rows: list[list[str]], rng: random.Random, shape: Shape) -> Mutated:
    i = _data_row(rows, rng)
    rows[i] = [*rows[i], "1"]
    return Mutated(_csv(rows), True, "line")


@_csv_only
def _missing_cell(rows: list[list[str]], rng: random.Random, shape: Shape) -> Mutated:
    i = _data_row(rows, rng)
    rows[i] = rows[i][:-1]
    return Mutated(_csv(rows), True, "line")


@_csv_only
def _header_only(rows: list[list[str]], rng: random.Random, shape: Shape) -> Mutated:
    return Mutated(_csv(rows[:1]), False, None)


def _cell_value(value: str, column: str) -> Callable[[bytes, random.Random, Shape], Mutated | None]:
    """Replace one cell of ``column`` (a column whose kind is declared) by ``VALUES[value]``."""

    @_csv_only
    def apply(rows: list[list[str]], rng: random.Random, shape: Shape) -> Mutated | None:
        columns = [j for j, h in enumerate(rows[0]) if h == column and h in shape.kinds]
        if not columns:
            return None
        j = rng.choice(columns)
        i = _data_row(rows, rng)
        if j >= len(rows[i]):
            return None
        rows[i][j] = VALUES[value]
        return Mutated(_csv(rows), rejects(value, shape.kinds[rows[0][j]]), "cell")

    return apply


# ---- TOML ---------------------------------------------------------------------------------------------
_KEY_LINE = re.compile(
    r'^(?P<key>[A-Za-z0-9_"-]+) = (?P<value>"[^"\\]*"|-?[0-9][0-9_.:TZ+-]*|true|false)\s*$'
)
# TOML literals for VALUES where a TOML form differs from the CSV text (None: a string)
_TOML_LITERAL = {
    "negative": "-1", "fraction": "1.5", "exponent": "1e30", "huge": "1" + "0" * 40,
    "inf": "inf", "nan": "nan", "date-zero": '"0000-01-01"', "date-feb30": '"2026-02-30"',
}  # fmt: skip
_TOML_ONLY = {
    "type-table": ("{}", True),  # a table where a value is expected
    "deep-nesting": ("[" * 40 + "]" * 40, True),  # deeper than the readers' bound (16)
    "bare-date-zero": ("0000-01-01", True),  # not a date at all
    "bare-datetime": ("2026-01-05T10:00:00Z", True),  # a datetime, never a date
    "string-number": ('"10"', False),
}


def _toml_lines(data: bytes, shape: Shape) -> tuple[list[str], list[int]]:
    lines = data.decode("utf-8").split("\n")
    keyed = [i for i, line in enumerate(lines) if _KEY_LINE.match(line)]
    return lines, keyed


def _toml_value(value: str, name: str) -> Callable[[bytes, random.Random, Shape], Mutated | None]:
    """Replace the value of one ``name = ...`` line (a key whose kind is declared)."""

    def apply(data: bytes, rng: random.Random, shape: Shape) -> Mutated | None:
        if shape.format != "toml":
            return None
        lines, keyed = _toml_lines(data, shape)
        pool = [i for i in keyed if _KEY_LINE.match(lines[i])["key"] == name]  # type: ignore[index]
        if value in _TOML_ONLY:
            literal, must = _TOML_ONLY[value]
        else:
            literal = _TOML_LITERAL.get(value) or _toml_string(VALUES[value])
        if not pool:
            return None
        i = rng.choice(pool)
        key = _KEY_LINE.match(lines[i])["key"]  # type: ignore[index]
        if value not in _TOML_ONLY:
            must = rejects(value, shape.kinds[key])
        elif value == "string-number":
            must = shape.kinds.get(key, "").rstrip("?") in _NUMERIC
        lines[i] = f"{key} = {literal}"
        return Mutated("\n".join(lines).encode("utf-8"), must, "cell")

    return apply


def _toml_string(text: str) -> str:
    escaped = "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}" for c in text)
    return f'"{escaped}"'


def _toml_dup_key(data: bytes, rng: random.Random, shape: Shape) -> Mutated | None:
    if shape.format != "toml":
        return None
    lines, keyed = _toml_lines(data, shape)
    if not keyed:
        return None
    i = rng.choice(keyed)
    return Mutated("\n".join([*lines[: i + 1], lines[i], *lines[i + 1 :]]).encode(), True, "line")


def _toml_unknown_key(data: bytes, rng: random.Random, shape: Shape) -> Mutated | None:
    if shape.format != "toml":
        return None
    lines, keyed = _toml_lines(data, shape)
    if not keyed:
        return None
    i = rng.choice(keyed)
    return Mutated("\n".join([*lines[: i + 1], "zzz_unknown = 1", *lines[i + 1 :]]).encode(), True, "line")


def _lines(op: str) -> Callable[[bytes, random.Random, Shape], Mutated | None]:
    def apply(data: bytes, rng: random.Random, shape: Shape) -> Mutated | None:
        if shape.format != "toml":
            return None
        lines = data.decode("utf-8").split("\n")
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        if op == "delete":
            del lines[i]
        else:
            lines[i], lines[j] = lines[j], lines[i]
        return Mutated("\n".join(lines).encode(), False, None)

    return apply


MUTATIONS: tuple[Mutation, ...] = (
    Mutation("bad-utf8", "byte", _bad_utf8),
    Mutation("nul-byte", "byte", _nul),
    Mutation("latin-1", "byte", _latin1),
    Mutation("truncate", "byte", _truncate),
    Mutation("flip-bytes", "byte", _flip),
    Mutation("random-bytes", "byte", _random_bytes),
    Mutation("empty-file", "byte", _empty),
    Mutation("bom-crlf", "byte", _bom_crlf),
    Mutation("duplicate-row", "line", _dup_row),
    Mutation("delete-row", "line", _del_row),
    Mutation("swap-rows", "line", _swap_rows),
    Mutation("header-again", "line", _header_again),
    Mutation("blank-line", "line", _blank_line),
    Mutation("header-only", "line", _header_only),
    Mutation("duplicate-column", "line", _dup_column),
    Mutation("missing-column", "line", _drop_column),
    Mutation("renamed-column", "line", _rename_column),
    Mutation("unknown-column", "line", _unknown_column),
    Mutation("swap-columns", "line", _swap_columns),
    Mutation("extra-cell", "cell", _extra_cell),
    Mutation("missing-cell", "cell", _missing_cell),
    Mutation("toml:duplicate-key", "toml", _toml_dup_key),
    Mutation("toml:unknown-key", "toml", _toml_unknown_key),
    Mutation("toml:delete-line", "toml", _lines("delete")),
    Mutation("toml:swap-lines", "toml", _lines("swap")),
)
BY_NAME = {m.name: m for m in MUTATIONS}


TOML_VALUES: tuple[str, ...] = tuple(v for v in (*VALUES, *_TOML_ONLY) if v != "datetime")


def mutation(name: str) -> Mutation:
    """A mutation by name: ``cell:VALUE@COLUMN`` and ``toml:VALUE@KEY`` replace a value of that column
    or key; the others are in :data:`MUTATIONS`."""
    if "@" in name:
        value, _, at = name.partition("@")
        family, _, value = value.partition(":")
        if family == "cell":
            return Mutation(name, "value", _cell_value(value, at))
        return Mutation(name, "toml", _toml_value(value, at))
    return BY_NAME[name]


# What a text column is tried with (the numeric values tell a name nothing more than a text does).
_TEXT_VALUES = ("empty", "negative", "long", "control", "ansi", "markup", "type-table", "deep-nesting")


def _values_for(kind: str, values: tuple[str, ...]) -> tuple[str, ...]:
    if kind.rstrip("?") in ("name", "source", "text", "any"):
        return tuple(v for v in values if v in _TEXT_VALUES)
    return values


def for_shape(shape: Shape) -> tuple[str, ...]:
    """The names of every mutation that can apply to a file of this shape: the byte-wise ones, the
    line- and cell-wise ones (CSV) or the TOML ones, and each value in each declared column or key."""
    families = {"byte", "line", "cell"} if shape.format == "csv" else {"byte", "toml"}
    names = [m.name for m in MUTATIONS if m.family in families]
    if shape.format == "csv":
        names += [
            f"cell:{v}@{c}" for c, kind in shape.kinds.items() for v in _values_for(kind, tuple(VALUES))
        ]
    else:
        names += [f"toml:{v}@{k}" for k, kind in shape.kinds.items() for v in _values_for(kind, TOML_VALUES)]
    return tuple(names)


# ---- running one case ----------------------------------------------------------------------------------
class Hang(BaseException):
    """Raised by SIGALRM when a case runs past its time."""


@dataclass(frozen=True)
class Run:
    status: int | None  # None: hung
    stdout: str
    stderr: str
    traceback: str = ""


FRESH_FIELD_LIMIT = 131072  # the csv module's field limit in a new interpreter
MEMORY_BUDGET = 3 * 1024**3  # bytes of address space a case may add before it fails with MemoryError


def _address_space() -> int:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[0]) * resource.getpagesize()


@contextlib.contextmanager
def _memory_bound():
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = _address_space() + MEMORY_BUDGET
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard < 0 else min(limit, hard), hard))
    except (OSError, ValueError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


# The packages the commands import on first use: imported once before any timed run, so that an
# alarm never interrupts an import (a half-imported numpy would fail every later case).
WARM = ("curul.cli._app", "curul.cli._rich", "curul.data", "curul.elections", "curul.congress",
        "curul.constitution", "curul.history", "curul.forecast", "curul.rollcalls", "curul.viz",
        "rich.console", "rich.table", "rich.progress")  # fmt: skip


@functools.cache
def warm() -> None:
    import importlib

    for name in WARM:
        importlib.import_module(name)


def run(argv: list[str], cwd: Path, timeout: float = 20.0, env: dict[str, str] | None = None) -> Run:
    """``curul ARGV`` through ``curul.cli._app.main`` in this process, in ``cwd``."""
    warm()
    from curul.cli import _output
    from curul.cli._app import main

    def alarm(signum: int, frame: object) -> None:
        raise Hang

    out, err = io.StringIO(), io.StringIO()
    old_dir, old_env = os.getcwd(), dict(os.environ)
    # Each case starts as a fresh process would: a reader that raises the csv module's (process-wide)
    # field limit must not change what the next case sees.
    old_limit = csv.field_size_limit(FRESH_FIELD_LIMIT)
    _output.console.cache_clear()
    _output.err_console.cache_clear()
    previous = signal.signal(signal.SIGALRM, alarm)
    status: int | None = 0
    tb = ""
    try:
        os.chdir(cwd)
        os.environ.update(env or {})
        os.environ.pop("COLUMNS", None)  # stdout is not a terminal: output is never cut to a width
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _memory_bound():
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                main(argv)
            except SystemExit as exc:
                code = exc.code
                status = code if isinstance(code, int) else (0 if code is None else 1)
            except Hang:
                status = None
            except BaseException:
                status, tb = 1, traceback.format_exc()
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except Hang:  # the alarm went off just as the run ended, in one of the handlers above
        status = None
    finally:
        signal.signal(signal.SIGALRM, previous)
        os.chdir(old_dir)
        csv.field_size_limit(old_limit)
        os.environ.clear()
        os.environ.update(old_env)
    return Run(status, out.getvalue(), err.getvalue(), tb)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every path under ``folder`` with its size and modification time."""
    seen = {}
    for path in sorted(folder.rglob("*")):
        st = path.lstat()
        seen[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns if path.is_file() else 0)
    return seen


@dataclass(frozen=True)
class Outcome:
    category: str
    detail: str


def classify(
    done: Run,
    *,
    must_reject: bool,
    where: str | None,
    names: tuple[str, ...],
    before: dict[str, tuple[int, int]],
    after: dict[str, tuple[int, int]],
    human: bool = True,
) -> Outcome:
    """The category of one run. ``names``: what an error may name, one of which it must (the mutated
    file first, then the other files given; or the option given an odd value); ``where``: the location
    a must-reject error gives in ``names[0]`` (see :class:`Mutated`)."""
    if done.status is None:
        return Outcome(HANG, "no exit within the time limit")
    if done.status not in (0, 2) or "Traceback (most recent call last)" in done.stderr + done.traceback:
        last = (done.traceback or done.stderr).strip().splitlines()
        return Outcome(CRASH, f"exit {done.status}: {last[-1] if last else ''}")
    if done.status == 0:
        if must_reject:
            return Outcome(ACCEPTED, "exit 0 for a mutation the documentation rejects")
        if human and "FPX9" in done.stdout and MARKUP not in done.stdout:
            return Outcome(UNESCAPED, "a name's Rich markup was interpreted")
        return Outcome(OK0, "")
    if before != after:
        changed = sorted(set(after) ^ set(before) | {k for k in after if before.get(k) != after[k]})
        return Outcome(PARTIAL, f"left behind: {', '.join(changed[:3])}")
    lines = done.stderr.splitlines()
    if len(lines) != 1 or not lines[0].startswith("error: "):
        return Outcome(NO_LOCATION, f"stderr is not one 'error: ' line: {done.stderr[:200]!r}")
    line = lines[0]
    if names and not any(n in line for n in names):
        return Outcome(NO_LOCATION, f"the error names none of {names}: {line[:200]}")
    if must_reject and where is not None and names:
        # a rejected mutation is reported at the mutated file (names[0]), at its line (and column)
        tail = {"cell": r":\d+:\d+: ", "line": r":\d+[: ]", "file": ""}[where]
        if not re.search(re.escape(names[0]) + tail, line):
            what = {"cell": "line:column of", "line": "line of", "file": "the file"}[where]
            return Outcome(NO_LOCATION, f"no {what} {names[0]}: {line[:200]}")
    return Outcome(OK2, "")
