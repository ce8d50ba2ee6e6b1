"""The terminal renderer of :class:`curul.report.Report`: semantic styles to Rich styles, blocks to Rich
tables and texts. Installed when the command line creates its console."""

from __future__ import annotations

from collections.abc import Iterator

from rich.table import Table
from rich.text import Text

from curul import report as _report
from curul.report import Line, Report, Span

STYLES = {
    "": "",
    "bold": "bold",
    "dim": "dim",
    "italic": "italic",
    "ok": "green",
    "warn": "yellow",
    "bad": "red",
    "info": "cyan",
    "accent": "bold green",
}


def text(parts: tuple[Span, ...], **kwargs: object) -> Text:
    """Spans as one Rich text (no markup is interpreted: names are shown as they are)."""
    return Text.assemble(*((p.text, STYLES[p.style]) for p in parts), **kwargs)  # type: ignore[arg-type]


def _line(line: Line) -> Text:
    if line.overflow == "soft":
        return text(line.spans, no_wrap=True, overflow="ignore")
    if line.overflow == "fold":
        return text(line.spans, overflow="fold")
    return text(line.spans)


def _table(block: _report.Table) -> Table:
    # Titles are text, not markup: a name with brackets is shown as written.
    table = Table(
        title=Text(block.title, style="table.title") if block.title else None,
        caption=Text(block.caption, style="table.caption") if block.caption else None,
        show_lines=block.show_lines,
    )
    for col in block.columns:
        table.add_column(
            col.header,
            justify=col.align,
            style=STYLES[col.style] or None,
            no_wrap=col.nowrap,
            overflow="fold" if col.fold else "ellipsis",
        )
    for row in block.rows:
        table.add_row(*(text(cell) for cell in row.cells), style=STYLES[row.style] or None)
        if row.end_section:
            table.add_section()
    return table


def render(report: Report) -> Iterator[Text | Table]:
    for block in report.blocks:
        yield _line(block) if isinstance(block, Line) else _table(block)


def install() -> None:
    _report.set_terminal_renderer(render)
