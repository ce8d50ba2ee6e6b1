"""One page, three forms: HTML for a reader, its JSON twin for a program, CSV for each of its tables.

``/historia`` is the page, ``/historia.json`` (or ``Accept: application/json``) the result's
``as_dict()``, ``/historia.csv?table=NAME`` one of its tables (the first when no name is given). With the
``HX-Request`` header (htmx), only the page's swapped part is sent. A page handler builds one
:class:`View`; :func:`respond` picks the form.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from curul.report import Presentable, to_json
from curul.web._field_errors import FieldError
from curul.web._formats import Format, requested_format
from curul.web._templates import render


@dataclass(frozen=True)
class CsvTable:
    """A table as CSV: stable column keys (the JSON's names, in English) and rows of plain values."""

    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]

    def text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(["" if v is None else v for v in row] for row in self.rows)
        return out.getvalue()


@dataclass(frozen=True)
class View:
    """What a page shows: its template and the part htmx swaps, the template's context, the JSON twin
    (a result or its ``as_dict()``), and its tables by name for CSV; ``name`` names downloads; ``status``
    is 422 when the page shows a mistake in its form beside the form itself."""

    template: str
    partial: str
    context: Mapping[str, Any]
    data: Presentable | Mapping[str, Any]
    tables: Mapping[str, CsvTable] = field(default_factory=dict)
    name: str = "curul"
    status: int = 200


VARY = "Accept, HX-Request"


def respond(request: Request, view: View) -> Response:
    """The view in the form the request asked for."""
    wanted = requested_format(request)
    if wanted is Format.JSON:
        data = view.data.as_dict() if isinstance(view.data, Presentable) else view.data
        return Response(
            to_json(data) + "\n",
            status_code=view.status,
            media_type="application/json",
            headers={"Vary": VARY},
        )
    if wanted is Format.CSV:
        if not view.tables:
            raise FieldError(None, "this page has no table to give as CSV", status=404)
        name = request.query_params.get("table") or next(iter(view.tables))
        if name not in view.tables:
            raise FieldError("table", f"no table {name!r} (tables: {', '.join(view.tables)})")
        filename = f"{view.name}-{name}.csv"
        return Response(
            view.tables[name].text(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"', "Vary": VARY},
        )
    template = view.partial if request.headers.get("hx-request") else view.template
    response = render(request, template, dict(view.context), status=view.status)
    response.headers["Vary"] = VARY
    return response
