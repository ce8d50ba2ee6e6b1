"""Today, the home page: who holds each office on a date (default: today) with since when, how and the
sources; the chambers in force as hemicycles beside their tables; what a vacancy or a censure needs in
each chamber and which coalitions of parties reach it; the lines of succession, the people in two
offices, and the latest events of the record. ``?fecha=YYYY-MM-DD`` looks at another day.

The page lives at ``/`` (and ``/hoy``); its JSON twin and CSV tables at ``/hoy.json`` and ``/hoy.csv``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from curul.web._cache import cacheable
from curul.web._field_errors import FieldError, form_fields
from curul.web._i18n import Language
from curul.web._negotiation import View, respond
from curul.web._pages import Page, page_routes
from curul.web._params import Lang, Table
from curul.web._svg import inline
from curul.web._templates import language_of
from curul.web.pages._today_view import Today, today

router = APIRouter()
JSON_PATH = "/hoy"
#: The hemicycle's description as curul.viz writes it: "<total> seats: <group> <seats>, ...".
DESC = re.compile(r'(<desc id="hemicycle-desc">)([0-9]+) seats: ([^<]*)(</desc>)')

Fecha = Annotated[
    str | None,
    Query(
        max_length=10,
        pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        description="Date (YYYY-MM-DD); default today.",
    ),
]


def _day(raw: str | None) -> dt.date:
    if not raw:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise FieldError("fecha", f"not a date (YYYY-MM-DD): {raw!r}") from None


def _hemicycles(found: Today, lang: Language) -> dict[str, Any]:
    from curul.viz import hemicycle_svg

    colours = _colours(found)
    out = {}
    for chamber in found.power.chambers:
        if not chamber.seats:
            continue
        name = lang.t(f"today.chamber_{chamber.chamber}")
        ident = f"hemiciclo-{chamber.chamber}"
        svg = hemicycle_svg(
            {code: n for code, _, n in chamber.seats},
            title=lang.t(
                "today.hemicycle_title", chamber=name, seats=chamber.total, date=lang.date(found.power.date)
            ),
            colours=colours,
        )
        # the description ("60 seats: FP 22, ...") in the reader's language, the library's listing kept
        svg = DESC.sub(
            lambda m: m[1] + lang.t("today.hemicycle_desc", seats=lang.number(int(m[2])), groups=m[3]) + m[4],
            svg,
            count=1,
        )
        # two hemicycles on one page: their inner ids (legend, description) must not repeat
        svg = svg.replace('id="legend"', f'id="{ident}-legend"').replace(
            'id="hemicycle-desc"', f'id="{ident}-desc"'
        )
        out[chamber.chamber] = inline(svg, ident)
    return out


def _colours(found: Today) -> dict[str, str]:
    from curul.viz import party_colour

    # by the group's full name, which the curated colours know (Fuerza Popular's orange), not its code
    return {code: party_colour(name) for c in found.power.chambers for code, name, _ in c.seats}


def build(request: Request, params: Mapping[str, str]) -> View:
    """The Today view on ``params["fecha"]`` (default today)."""
    lang = language_of(request)
    try:
        day = _day(params.get("fecha"))
        with form_fields("fecha", on="fecha"):
            found = today(day)
    except FieldError as exc:
        error = {"status": exc.status, "field": exc.field, "message": exc.message}
        shown = {"error": error, "fecha": params.get("fecha") or ""}
        return View("today.html", "_today_body.html", shown, {"error": error}, {}, "hoy", status=exc.status)
    context: dict[str, Any] = {
        "error": None,
        "found": found,
        "power": found.power,
        "day": day,
        "fecha": params.get("fecha") or "",
        "hemicycles": _hemicycles(found, lang),
        "colours": _colours(found),
        "tables": tuple(found.tables()),
        "data_path": JSON_PATH,
    }
    return View("today.html", "_today_body.html", context, found.as_dict(), found.tables(), f"hoy-{day}")


def today_page(request: Request, fecha: Fecha = None, lang: Lang = "es", table: Table = None) -> Response:
    """Who holds power on a date, the chambers, thresholds, coalitions, succession and latest events."""
    return respond(request, build(request, {"fecha": fecha or ""}))


router.add_api_route("/", today_page, methods=["GET"], name="today_home", include_in_schema=False)
cacheable("/")  # keyed by today's date too (curul.web._cache), so the home page follows the calendar
page_routes(router, JSON_PATH, today_page, "today")

PAGE = Page(
    key="today",
    path="/",
    title="nav.today",
    router=router,
    params=("fecha",),
    build=build,
)
