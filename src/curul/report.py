"""The result protocol: what a result shows a person, described once and rendered anywhere.

Every result a user receives (an allocation, a trace, power indices, a forecast...) is a frozen dataclass
that derives from :class:`Presentable` and gives

* ``as_dict()``: JSON-ready data with the keys the README documents (what ``--json`` prints);
* ``to_frame()``, where the result is tabular: a pandas DataFrame;
* ``report()``: a :class:`Report`, a small document of lines and tables with *semantic* styles
  (``ok``, ``warn``, ``bad``...), from which come ``__rich__()`` for the terminal and ``_repr_html_()``
  for notebooks, and which the web renders as HTML.

The library never imports the terminal: a :class:`Report` is plain data. The command line registers a
Rich renderer (:func:`set_terminal_renderer`) when it starts; without one (``rich.print(result)`` in a
script that never imported ``curul.cli``) a report renders as plain text, so it always prints.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar, Literal

__all__ = [
    "STYLES",
    "Column",
    "Line",
    "Presentable",
    "Report",
    "Row",
    "Span",
    "Table",
    "jsonable",
    "set_terminal_renderer",
    "spans",
    "to_json",
]

# Semantic styles; each renderer maps them to colours (the terminal) or CSS classes (HTML).
STYLES: tuple[str, ...] = ("", "bold", "dim", "italic", "ok", "warn", "bad", "info", "accent")

Overflow = Literal["wrap", "soft", "fold"]
Align = Literal["left", "right", "center"]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text in one style."""

    text: str
    style: str = ""

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"unknown style {self.style!r} (known: {', '.join(s for s in STYLES if s)})")


Inline = str | Span | Sequence["str | Span"]


def spans(value: Inline) -> tuple[Span, ...]:
    """Normalise text given as a string, a span or a sequence of both."""
    if isinstance(value, str):
        return (Span(value),)
    if isinstance(value, Span):
        return (value,)
    return tuple(Span(part) if isinstance(part, str) else part for part in value)


def _plain(parts: tuple[Span, ...]) -> str:
    return "".join(part.text for part in parts)


@dataclass(frozen=True, slots=True)
class Line:
    """A paragraph. ``overflow``: ``wrap`` at words (the default), ``soft`` keeps the line whole however
    long (URLs, so they can be copied), ``fold`` breaks it anywhere."""

    spans: tuple[Span, ...]
    overflow: Overflow = "wrap"

    @classmethod
    def of(cls, text: Inline = "", overflow: Overflow = "wrap") -> Line:
        return cls(spans(text), overflow)

    @property
    def text(self) -> str:
        return _plain(self.spans)


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its header, alignment, style, and whether its cells may wrap (``fold`` breaks long
    words; ``nowrap`` never wraps)."""

    header: str
    align: Align = "left"
    style: str = ""
    nowrap: bool = False
    fold: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    """One table row; ``end_section`` draws a rule under it (before a total, say)."""

    cells: tuple[tuple[Span, ...], ...]
    style: str = ""
    end_section: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a title above and a caption below."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    title: str = ""
    caption: str = ""
    show_lines: bool = False

    @classmethod
    def build(
        cls,
        columns: Iterable[str | Column],
        rows: Iterable[Row | Sequence[Inline]],
        *,
        title: str = "",
        caption: str = "",
        show_lines: bool = False,
    ) -> Table:
        """Columns given by header or :class:`Column`; rows as :class:`Row` or sequences of cells."""
        cols = tuple(Column(c) if isinstance(c, str) else c for c in columns)
        built = []
        for row in rows:
            if not isinstance(row, Row):
                row = Row(tuple(spans(cell) for cell in row))
            if len(row.cells) != len(cols):
                raise ValueError(f"a row has {len(row.cells)} cells for {len(cols)} columns")
            built.append(row)
        return cls(cols, tuple(built), title, caption, show_lines)


Block = Line | Table


@dataclass(frozen=True, slots=True)
class Report:
    """A result for people: lines and tables in order."""

    blocks: tuple[Block, ...] = ()

    @classmethod
    def of(cls, *blocks: Block | Inline | None) -> Report:
        """Blocks in order; text (a string, a span or a sequence of both) becomes a :class:`Line`, and
        ``None`` is skipped so optional parts can be written inline."""
        out: list[Block] = []
        for block in blocks:
            if block is None:
                continue
            out.append(block if isinstance(block, Line | Table) else Line.of(block))
        return cls(tuple(out))

    def __add__(self, other: Report) -> Report:
        return Report(self.blocks + other.blocks)

    # -- renderers ---------------------------------------------------------------------------------

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        """Rich's protocol: the registered terminal renderer, else the plain text."""
        if _terminal_renderer is not None:
            yield from _terminal_renderer(self)
        else:
            yield console.render_str(self.to_text(), markup=False, highlight=False, emoji=False)

    def to_text(self) -> str:
        """Plain text: lines as they are, tables as aligned columns."""
        return "\n".join(_text_block(block) for block in self.blocks)

    def to_html(self) -> str:
        """An HTML fragment (tables with captions, styles as ``curul-<style>`` classes)."""
        body = "\n".join(_html_block(block) for block in self.blocks)
        return f'<div class="curul-report">\n{_CSS}\n{body}\n</div>'


_terminal_renderer: Callable[[Report], Iterable[Any]] | None = None


def set_terminal_renderer(renderer: Callable[[Report], Iterable[Any]] | None) -> None:
    """Install the function that turns a report into terminal renderables (``curul.cli`` does, with Rich)."""
    global _terminal_renderer
    _terminal_renderer = renderer


class Presentable:
    """Base of every result type: ``__rich__`` and ``_repr_html_`` come from :meth:`report`."""

    __slots__ = ()
    json_keys: ClassVar[tuple[str, ...]] = ()

    def as_dict(self) -> dict[str, Any]:
        raise NotImplementedError

    def report(self) -> Report:
        raise NotImplementedError

    def __rich__(self) -> Report:
        return self.report()

    def _repr_html_(self) -> str:
        return self.report().to_html()


# -- JSON --------------------------------------------------------------------------------------------


def jsonable(value: Any) -> Any:
    """The JSON conventions every output shares: dates as ISO text, fractions as floats, sets sorted,
    arrays as lists; a result nested inside another gives its ``as_dict()``."""
    if isinstance(value, Presentable):
        return value.as_dict()
    if isinstance(value, Fraction):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def to_json(data: Any) -> str:
    """Serialise ``data`` (a result, or plain data) with :func:`jsonable`'s conventions, indented."""
    if isinstance(data, Presentable):
        data = data.as_dict()
    return json.dumps(data, ensure_ascii=False, indent=2, default=jsonable)


# -- plain text and HTML ---------------------------------------------------------------------------


def _text_block(block: Block) -> str:
    if isinstance(block, Line):
        return block.text
    headers = [c.header for c in block.columns]
    body = [[_plain(cell) for cell in row.cells] for row in block.rows]
    widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(headers)]

    def fmt(cells: list[str]) -> str:
        out = []
        for cell, width, col in zip(cells, widths, block.columns, strict=True):
            out.append(cell.rjust(width) if col.align == "right" else cell.ljust(width))
        return "  ".join(out).rstrip()

    lines = [block.title] if block.title else []
    lines += [fmt(headers), "  ".join("-" * w for w in widths)]
    for row, cells in zip(block.rows, body, strict=True):
        lines.append(fmt(cells))
        if row.end_section:
            lines.append("  ".join("-" * w for w in widths))
    if block.caption:
        lines.append(block.caption)
    return "\n".join(lines)


def _html_spans(parts: tuple[Span, ...]) -> str:
    return "".join(
        f'<span class="curul-{p.style}">{html.escape(p.text)}</span>' if p.style else html.escape(p.text)
        for p in parts
    )


def _html_block(block: Block) -> str:
    if isinstance(block, Line):
        return f"<p>{_html_spans(block.spans)}</p>"
    out = ['<table class="curul-table">']
    if block.title:
        out.append(f"<caption>{html.escape(block.title)}</caption>")
    head = "".join(
        f'<th style="text-align:{c.align}" scope="col">{html.escape(c.header)}</th>' for c in block.columns
    )
    out.append(f"<thead><tr>{head}</tr></thead><tbody>")
    for row in block.rows:
        cls = f' class="curul-{row.style}"' if row.style else ""
        cls = cls or (' class="curul-section-end"' if row.end_section else "")
        cells = "".join(
            f'<td style="text-align:{c.align}">{_html_spans(cell)}</td>'
            for cell, c in zip(row.cells, block.columns, strict=True)
        )
        out.append(f"<tr{cls}>{cells}</tr>")
    out.append("</tbody></table>")
    if block.caption:
        out.append(f'<p class="curul-caption">{html.escape(block.caption)}</p>')
    return "\n".join(out)


_CSS = (
    "<style>.curul-report .curul-ok{color:#1a7f37}.curul-report .curul-warn{color:#9a6700}"
    ".curul-report .curul-bad{color:#cf222e}.curul-report .curul-info{color:#0969da}"
    ".curul-report .curul-accent{color:#1a7f37;font-weight:bold}.curul-report .curul-bold{font-weight:bold}"
    ".curul-report .curul-dim{opacity:.7}.curul-report .curul-italic{font-style:italic}"
    ".curul-report caption{font-weight:bold;text-align:left}</style>"
)
