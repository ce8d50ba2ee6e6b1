"""TOML files a user gives, read through the same reader as every other file (regular files or ``-``,
bounded in size, UTF-8 with a bad byte located), with bounded nesting and the place of every key, so a
mistake is reported as ``file:line:column``.

``tomllib`` gives values but no positions; :class:`TomlLocator` scans the text once for table headers and
``key =`` lines (quoted keys and dotted headers included) and answers where a key of a table is. Event
files, scenarios, regime files, electoral systems and the contested readings all go through
:func:`read_toml` or :func:`parse_toml`, so every one of them reports its mistakes the same way.

Nesting is bounded before parsing: ``tomllib`` parses arrays and inline tables recursively, so a value
opened a few hundred times would otherwise end in a ``RecursionError`` instead of an error at its place.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

from curul.errors import InputError
from curul.inputs._cells import parse_date, parse_name, parse_text
from curul.inputs._limits import LIMITS, Limits
from curul.inputs._text import UserText, read_text

_BARE = re.compile(r"[A-Za-z0-9_\-]+")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'')
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MULTILINE = ('"""', "'''")

TablePath = tuple[str, ...]


def _key_parts(text: str) -> tuple[tuple[str, ...], int] | None:
    """Parse a dotted key at the start of ``text``: its parts and where it ends, or None."""
    parts: list[str] = []
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        bare = _BARE.match(text, pos)
        quoted = _QUOTED.match(text, pos)
        if quoted:
            parts.append(quoted.group(1) if quoted.group(1) is not None else quoted.group(2))
            pos = quoted.end()
        elif bare:
            parts.append(bare.group(0))
            pos = bare.end()
        else:
            return None
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos < len(text) and text[pos] == ".":
            pos += 1
            continue
        return tuple(parts), pos


def _nesting(text: str) -> int:
    """Brackets and braces opened minus closed in ``text``, outside strings and comments."""
    depth = 0
    quote: str | None = None
    escaped = False
    for char in text:
        if quote is not None:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#":
            break
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return depth


def _table(table: str | TablePath) -> TablePath:
    if isinstance(table, tuple):
        return table
    return tuple(table.split(".")) if table else ()


class TomlLocator:
    """Where each key of a TOML file is: ``key(table, index, name) -> (line, column)``.

    ``table`` is the header's path (``"events"``, or a tuple such as ``("procedures", "vacancy.approval",
    "congress")`` when a part is quoted); ``index`` counts the ``[[array]]`` tables of that path from 0.
    Keys inside inline tables are not located: their table's key is.
    """

    def __init__(self, text: str) -> None:
        self.keys: dict[tuple[TablePath, int, str], tuple[int, int]] = {}
        self.headers: dict[tuple[TablePath, int], int] = {}
        counts: dict[TablePath, int] = {}
        table: TablePath = ()
        index = 0
        closing: str | None = None  # inside a multi-line string that ends with this delimiter
        depth = 0  # inside a multi-line array or inline table value
        for number, line in enumerate(text.splitlines(), start=1):
            if closing is not None:
                if closing in line:
                    closing = None
                continue
            if depth > 0:
                depth += _nesting(line)
                continue
            stripped = line.lstrip()
            if stripped.startswith("["):
                array = stripped.startswith("[[")
                start = 2 if array else 1
                parsed = _key_parts(stripped[start:])
                if parsed is not None and stripped[start + parsed[1] :].startswith("]"):
                    table = parsed[0]
                    if array:
                        index = counts.get(table, -1) + 1
                        counts[table] = index
                    else:
                        index = 0
                    self.headers[(table, index)] = number
                continue
            parsed = _key_parts(line)
            if parsed is None or not line[parsed[1] :].startswith("="):
                continue
            parts, end = parsed
            column = len(line) - len(stripped) + 1
            self.keys.setdefault((table, index, ".".join(parts)), (number, column))
            rest = line[end + 1 :].lstrip()
            delimiter = rest[:3]
            if delimiter in _MULTILINE and rest.count(delimiter) == 1:
                closing = delimiter
            else:
                depth = max(0, _nesting(rest))

    def key(self, table: str | TablePath, index: int, name: str) -> tuple[int | None, int | None]:
        """The line and column of ``name`` in the table, else of the table's header, else nothing."""
        path = _table(table)
        if (path, index, name) in self.keys:
            return self.keys[(path, index, name)]
        return self.header(path, index)

    def header(self, table: str | TablePath, index: int = 0) -> tuple[int | None, int | None]:
        """The line (and column 1) of a table's header, or nothing for a table without one."""
        line = self.headers.get((_table(table), index))
        return (line, 1) if line is not None else (None, None)

    def error(
        self, path: str | Path, problem: str, table: str | TablePath, index: int, key: str | None, field: str
    ) -> InputError:
        """An :class:`InputError` at ``key`` of the table (at its header when ``key`` is None)."""
        line, column = self.key(table, index, key) if key else self.header(table, index)
        return InputError(path, problem, line=line, column=column, field=field)


def _too_deep(text: str, limits: Limits) -> tuple[int, int] | None:
    """The line and column of the first bracket or brace that opens more than ``limits.max_depth``
    levels (outside strings and comments), or None."""
    depth = 0
    line, column = 1, 0
    quote: str | None = None  # the delimiter of the string the scan is in
    comment = False
    pos, end = 0, len(text)
    while pos < end:
        char = text[pos]
        column += 1
        if char == "\n":
            line, column, comment = line + 1, 0, False
            if quote in ('"', "'"):  # a one-line string cannot span lines: tomllib will say so
                quote = None
            pos += 1
            continue
        if comment:
            pos += 1
            continue
        if quote is not None:
            if quote in ('"', '"""') and char == "\\":
                pos += 2
                column += 1
                continue
            if text.startswith(quote, pos):
                pos += len(quote)
                column += len(quote) - 1
                quote = None
                continue
            pos += 1
            continue
        if char in "\"'":
            quote = char * 3 if text.startswith(char * 3, pos) else char
            pos += len(quote)
            column += len(quote) - 1
            continue
        if char == "#":
            comment = True
        elif char in "[{":
            depth += 1
            if depth > limits.max_depth:
                return line, column
        elif char in "]}":
            depth = max(0, depth - 1)
        pos += 1
    return None


def _deep_keys(locator: TomlLocator, limits: Limits) -> tuple[int, int] | None:
    """Where a dotted key or table header goes deeper than ``limits.max_depth`` levels, if anywhere."""
    for (table, _, name), place in locator.keys.items():
        if len(table) + name.count(".") + 1 > limits.max_depth:
            return place
    for (table, _), line in locator.headers.items():
        if len(table) > limits.max_depth:
            return line, 1
    return None


def parse_toml(
    text: str | UserText, path: str | Path | None = None, *, limits: Limits = LIMITS
) -> tuple[dict[str, Any], TomlLocator]:
    """Parse TOML text read from ``path`` (or a :class:`UserText`, which names itself); a syntax error
    or nesting deeper than ``limits.max_depth`` becomes an ``InputError`` at its line and column."""
    if isinstance(text, UserText):
        path, text = path or text.name, text.text
    path = "<toml>" if path is None else path
    deep = _too_deep(text, limits)
    if deep is not None:
        raise InputError(
            path, f"nested more than {limits.max_depth} levels deep", line=deep[0], column=deep[1]
        )
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = re.search(r"\(at line (\d+), column (\d+)\)", message)
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        if where:
            line, column = int(where.group(1)), int(where.group(2))
        else:  # "(at end of document)": the place after the last character
            problem = problem.replace(" (at end of document)", " at the end of the file")
            line, column = text.count("\n") + 1, len(text) - text.rfind("\n")
        raise InputError(path, f"invalid TOML: {problem}", line=line, column=column) from exc
    locator = TomlLocator(text)
    deep = _deep_keys(locator, limits)
    if deep is not None:
        raise InputError(
            path, f"keys nested more than {limits.max_depth} levels deep", line=deep[0], column=deep[1]
        )
    return raw, locator


def read_toml(path: str | Path, *, limits: Limits = LIMITS) -> tuple[dict[str, Any], TomlLocator]:
    """Read and parse a user's TOML file (``-``: standard input): its data and where each key is."""
    return parse_toml(read_text(path, limits=limits), limits=limits)


def toml_date(value: Any, limits: Limits = LIMITS) -> dt.date:
    """A date where a TOML file must give one: a TOML local date (``2026-07-28``) or an ISO date string,
    in the documented range. A date and time, a time, or anything else raises ``ValueError`` with the
    reason (a time of day would be silently dropped otherwise)."""
    if isinstance(value, dt.datetime):
        raise ValueError(f"{value.isoformat()} is a date and time; give a date (YYYY-MM-DD)")
    if isinstance(value, dt.date):
        if not limits.first_date <= value <= limits.last_date:
            raise ValueError(f"{value.isoformat()} is outside {limits.first_date}..{limits.last_date}")
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        return parse_date(value, limits)
    raise ValueError(f"not a date (YYYY-MM-DD): {value!r}")


def toml_name(value: Any, limits: Limits = LIMITS) -> str:
    """A name where a TOML file must give one (a person, a regime's id, a system's title): a string read
    as a CSV name cell — non-empty, at most 300 characters, no control characters — or ``ValueError``."""
    if not isinstance(value, str):
        raise ValueError(f"must be a string, got {type(value).__name__}")
    return parse_name(value, limits)


def toml_text(value: Any, *, limit: int | None = None, limits: Limits = LIMITS) -> str:
    """Free text a TOML file may give (a note, a scenario's title): a string, possibly empty, of at most
    ``limit`` characters (a cell's limit by default), with no control characters besides line breaks
    and tabs; the text as given, or ``ValueError``."""
    if not isinstance(value, str):
        raise ValueError(f"must be a string, got {type(value).__name__}")
    limit = limits.max_field if limit is None else limit
    if len(value) > limit:
        raise ValueError(f"is longer than {limit:,} characters")
    parse_text(" ".join(value.split()), limits)
    return value
