"""TOML files read with the place of every key, so a mistake is reported as ``file:line:column``.

``tomllib`` gives values but no positions; :class:`TomlLocator` scans the text once for table headers and
``key =`` lines (quoted keys and dotted headers included) and answers where a key of a table is. Event
files, scenarios, regime files and the contested readings all go through :func:`read_toml` or
:func:`parse_toml`, so every one of them reports its mistakes the same way.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from curul.errors import InputError

_BARE = re.compile(r"[A-Za-z0-9_\-]+")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'')
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


def parse_toml(text: str, path: str | Path) -> tuple[dict[str, Any], TomlLocator]:
    """Parse TOML text read from ``path``; a syntax error becomes an ``InputError`` at its line and column."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = re.search(r"\(at line (\d+), column (\d+)\)", message)
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        if where:
            raise InputError(
                path, f"invalid TOML: {problem}", line=int(where.group(1)), column=int(where.group(2))
            ) from exc
        raise InputError(path, f"invalid TOML: {problem}") from exc
    return raw, TomlLocator(text)


def read_toml(path: str | Path) -> tuple[dict[str, Any], TomlLocator]:
    """Read and parse a TOML file: its data and where each key is."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {exc}") from exc
    return parse_toml(text, path)
