"""Ideal points: each member's position on the first dimension of a probit IRT fit of the window's
contested votes (``curul.rollcalls.ideal_points``; lopsided votes left out), drawn as ticks per group
ordered by the group's mean, with the group means and every member as tables. A fit takes at most
``MAX_IDEAL_VOTES`` votes (choose a window) and is cached by its window.

GET ``/votaciones/puntos-ideales?desde=&hasta=`` rebuilds the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from curul.web._field_errors import FieldError
from curul.web._negotiation import CsvTable, View, respond
from curul.web._pages import Page, page_routes
from curul.web._params import Lang, Table
from curul.web._templates import language_of
from curul.web._vega import ideal_points_spec
from curul.web.pages import _rollcalls_data as data
from curul.web.pages.rollcalls import Day, not_imported

router = APIRouter()
DEFAULT_WINDOW = ("2021-07-26", "2021-12-31")  # the first months of the 2021-2026 Congress


def build(request: Request, params: Mapping[str, str]) -> View:
    """The ideal points of the window ``desde``–``hasta`` (default :data:`DEFAULT_WINDOW`)."""
    lang = language_of(request)
    chosen = {
        "desde": params.get("desde") or DEFAULT_WINDOW[0],
        "hasta": params.get("hasta") or DEFAULT_WINDOW[1],
    }
    context: dict[str, Any] = {
        "chosen": chosen,
        "error": None,
        "missing": "",
        "max_votes": data.MAX_IDEAL_VOTES,
    }
    rc, reason = data.loaded()
    if rc is None:
        return not_imported("ideal.html", "_ideal_body.html", "puntos-ideales", reason, context)
    try:
        _, start, end = data.window(rc, chosen)
        fit = data.fit_ideal(rc, start, end)
    except FieldError as exc:
        context["error"] = {"field": exc.field, "message": exc.message}
        failed: dict[str, Any] = {"error": {"status": exc.status, "field": exc.field, "message": exc.message}}
        return View(
            "ideal.html", "_ideal_body.html", context, failed, {}, "puntos-ideales", status=exc.status
        )
    members = fit.members.to_dict("records")
    means = [(str(g), float(row.iloc[0])) for g, row in fit.group_means.iterrows()]
    spec = ideal_points_spec(
        members,
        group_order=[g for g, _ in means],
        title=lang.t("ideal.chart_title"),
        description=lang.t("ideal.chart_desc", anchor=fit.anchor),
        x_title=lang.t("ideal.x_title"),
    )
    tables = {
        "group_means": CsvTable(("group", "dim1"), means),
        "members": CsvTable(
            ("member", "group", "dim1"), [(m["member"], m["group"], m["dim1"]) for m in members]
        ),
    }
    context |= {
        "fit": fit,
        "members": members,
        "means": means,
        "spec": spec,
        "saved_params": chosen,
        "query": chosen,
    }
    body = {"imported": True, "source": rc.source, "from": start, "to": end} | fit.as_dict() | {"chart": spec}
    return View("ideal.html", "_ideal_body.html", context, body, tables, "puntos-ideales")


def ideal_page(
    request: Request, desde: Day = None, hasta: Day = None, lang: Lang = "es", table: Table = None
) -> Response:
    """Members' ideal points over a window of roll calls."""
    return respond(request, build(request, {"desde": desde or "", "hasta": hasta or ""}))


page_routes(router, "/votaciones/puntos-ideales", ideal_page, "ideal_points", stamp=data.stamp)

PAGE = Page(
    key="ideal_points",
    path="/votaciones/puntos-ideales",
    aliases=("/rollcalls/ideal-points",),
    title="nav.ideal",
    router=router,
    params=("desde", "hasta"),
    build=build,
    menu=False,
)
