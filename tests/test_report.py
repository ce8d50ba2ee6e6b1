"""The result protocol's document: one description, rendered as Rich, HTML and plain text."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest

from curul.report import Column, Line, Presentable, Report, Row, Span, Table, to_json


def _sample() -> Report:
    table = Table.build(
        ["party", Column("seats", align="right")],
        [["Fuerza Popular", "73"], Row(((Span("total", "bold"),), (Span("130"),)), end_section=True)],
        title="Seats",
        caption="JNE",
    )
    return Report.of("Congress <2016>", table, None, Line.of("https://example.org/" + "x" * 120, "soft"))


@dataclass(frozen=True)
class _Result(Presentable):
    n: int

    def as_dict(self) -> dict[str, object]:
        return {"n": self.n}

    def report(self) -> Report:
        return _sample()


def test_text_rendering_aligns_columns():
    text = _sample().to_text()
    assert "Congress <2016>" in text
    assert "Fuerza Popular     73" in text
    assert text.splitlines()[-1].endswith("x" * 120)


def test_html_escapes_and_keeps_structure():
    out = _Result(1)._repr_html_()
    assert "Congress &lt;2016&gt;" in out
    assert "<caption>Seats</caption>" in out and '<th style="text-align:right" scope="col">seats</th>' in out
    assert '<span class="curul-bold">total</span>' in out


def test_rich_renderer_draws_tables_and_keeps_soft_lines_whole():
    from rich.console import Console

    from curul.cli import _rich

    _rich.install()
    out = io.StringIO()
    Console(file=out, width=60).print(_Result(1), crop=False)
    printed = out.getvalue()
    assert "Fuerza Popular" in printed and "┃" in printed  # a Rich table
    assert ("x" * 120) in printed  # not wrapped


def test_markup_in_names_is_shown_as_text():
    from rich.console import Console

    from curul.cli import _rich

    _rich.install()
    out = io.StringIO()
    Console(file=out, width=80).print(Report.of("[bold]FP[/bold] [link=http://x]y[/link]"), crop=False)
    assert "[bold]FP[/bold] [link=http://x]y[/link]" in out.getvalue()


def test_plain_text_without_a_terminal_renderer(monkeypatch):
    from rich.console import Console

    from curul import report

    monkeypatch.setattr(report, "_terminal_renderer", None)
    out = io.StringIO()
    Console(file=out, width=80).print(_sample(), crop=False)
    assert "Fuerza Popular     73" in out.getvalue()


def test_bad_styles_and_ragged_rows_are_refused():
    with pytest.raises(ValueError, match="unknown style"):
        Span("x", "purple")
    with pytest.raises(ValueError, match="2 cells for 1 columns"):
        Table.build(["a"], [["1", "2"]])


def test_json_of_a_result_is_its_as_dict():
    assert to_json(_Result(3)) == '{\n  "n": 3\n}'
    assert to_json({"inner": _Result(4)}) == '{\n  "inner": {\n    "n": 4\n  }\n}'


def test_titles_and_captions_are_not_markup():
    from rich.console import Console

    from curul.cli import _rich

    _rich.install()
    out = io.StringIO()
    table = Table.build(["a wide enough header"], [["1"]], title="[bold]T[/x]", caption="[i]c")
    Console(file=out, width=80).print(Report.of(table), crop=False)
    assert "[bold]T[/x]" in out.getvalue() and "[i]c" in out.getvalue()
