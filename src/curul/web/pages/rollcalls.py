"""Roll calls: group cohesion over time (Rice or agreement index per month, quarter or year) as lines,
the same figures as a table, and each group's cohesion over the window, from the imported plenary roll
calls (``curul.rollcalls.cohesion``). Members' ideal points and the motion model's predictions are
the two pages linked from here. Without imported roll calls the page says how to import them.

GET ``/votaciones?desde=&hasta=&frecuencia=&indice=`` rebuilds the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from curul.rollcalls import FREQUENCIES, cohesion
from curul.web._field_errors import FieldError, form_fields
from curul.web._negotiation import CsvTable, View, respond
from curul.web._pages import Page, page_routes
from curul.web._params import Lang, Table
from curul.web._templates import language_of
from curul.web._vega import cohesion_spec
from curul.web.pages import _rollcalls_data as data

router = APIRouter()
INDICES = ("rice", "agreement")

Day = Annotated[str | None, Query(max_length=10, pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD.")]
Frequency = Annotated[Literal["month", "quarter", "year"], Query(description="Period of the lines.")]
Index = Annotated[Literal["rice", "agreement"], Query(description="Cohesion index drawn.")]


def not_imported(template: str, partial: str, name: str, reason: str, context: dict[str, Any]) -> View:
    """The page's message when there are no roll calls: what is missing and the command that imports."""
    context |= {"missing": reason, "error": None}
    return View(template, partial, context, {"imported": False, "message": reason}, {}, name)


def build(request: Request, params: Mapping[str, str]) -> View:
    """The cohesion view for ``params``; a mistake shows beside the form with status 422."""
    lang = language_of(request)
    chosen = {k: params.get(k, "") for k in ("desde", "hasta", "frecuencia", "indice")}
    context: dict[str, Any] = {
        "chosen": chosen,
        "frequencies": tuple(FREQUENCIES),
        "indices": INDICES,
        "error": None,
        "missing": "",
    }
    rc, reason = data.loaded()
    if rc is None:
        return not_imported("rollcalls.html", "_rollcalls_body.html", "votaciones", reason, context)
    try:
        chosen_rc, start, end = data.window(rc, params)
        freq = params.get("frecuencia") or "quarter"
        index = params.get("indice") or "rice"
        if index not in INDICES:
            raise FieldError("indice", f"use {' or '.join(INDICES)}, not {index!r}")
        with form_fields("frecuencia", freq="frecuencia"):
            result = cohesion(chosen_rc, freq=freq)
    except FieldError as exc:
        context["error"] = {"field": exc.field, "message": exc.message}
        failed: dict[str, Any] = {"error": {"status": exc.status, "field": exc.field, "message": exc.message}}
        return View(
            "rollcalls.html", "_rollcalls_body.html", context, failed, {}, "votaciones", status=exc.status
        )
    over = result.over_time.to_dict("records")
    summary = result.summary.to_dict("records")
    tables = {
        "cohesion_over_time": CsvTable(
            ("period", "group", "rice", "agreement", "votes"),
            [(r["period"], r["group"], r["rice"], r["agreement"], r["votes"]) for r in over],
        ),
        "cohesion": CsvTable(
            ("group", "members", "votes", "rice", "agreement"),
            [(r["group"], r["members"], r["votes"], r["rice"], r["agreement"]) for r in summary],
        ),
    }
    spec = cohesion_spec(
        over,
        index=index,
        title=lang.t(f"rollcalls.chart_{index}"),
        description=lang.t("rollcalls.chart_desc"),
        x_title=lang.t(f"rollcalls.freq_{freq}"),
        y_title=lang.t(f"rollcalls.index_{index}"),
        group_title=lang.t("rollcalls.group"),
    )
    periods = sorted({str(r["period"]) for r in over})
    groups = [str(r["group"]) for r in summary]
    grid = {(str(r["period"]), str(r["group"])): r[index] for r in over}
    chosen |= {"frecuencia": freq, "indice": index}
    context |= {
        "chosen": chosen,
        "result": result,
        "summary": summary,
        "spec": spec,
        "periods": periods,
        "groups": groups,
        "grid": grid,
        "index": index,
        "votes": chosen_rc.n_votes,
        "first": chosen_rc.votes["date"].min().date(),
        "last": chosen_rc.votes["date"].max().date(),
        "source": rc.source,
        "saved_params": {k: v for k, v in chosen.items() if v},
        "query": {k: v for k, v in chosen.items() if v},
    }
    body = {
        "imported": True,
        "source": rc.source,
        "from": start,
        "to": end,
        "index": index,
    } | result.as_dict()
    return View(
        "rollcalls.html", "_rollcalls_body.html", context, body | {"chart": spec}, tables, "votaciones"
    )


def rollcalls_page(
    request: Request,
    desde: Day = None,
    hasta: Day = None,
    frecuencia: Frequency = "quarter",
    indice: Index = "rice",
    lang: Lang = "es",
    table: Table = None,
) -> Response:
    """Group cohesion over time from the imported roll calls."""
    params = {"desde": desde or "", "hasta": hasta or "", "frecuencia": frecuencia, "indice": indice}
    return respond(request, build(request, params))


page_routes(router, "/votaciones", rollcalls_page, "rollcalls", stamp=data.stamp)

PAGE = Page(
    key="rollcalls",
    path="/votaciones",
    aliases=("/rollcalls",),
    title="nav.rollcalls",
    router=router,
    params=("desde", "hasta", "frecuencia", "indice"),
    build=build,
)
