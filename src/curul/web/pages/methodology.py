"""The forecast's methodology: how the polls become probabilities (valid-vote shares, the poll average
with house effects and a damped trend, the fat-tailed correlated error calibrated on Peru's own past
misses, the runoff and Congress), in the reader's language, with the calibration the current forecast
uses read from the library (``curul.forecast.calibrate``), not typed in."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import APIRouter, Request
from fastapi.responses import Response

from curul.forecast import calibrate
from curul.web._negotiation import CsvTable, View, respond
from curul.web._pages import Page, page_routes
from curul.web._params import Lang, Table
from curul.web.pages._forecast_runs import ELECTIONS

router = APIRouter()
SECTIONS = ("polls", "average", "error", "calibration", "runoff", "congress", "shift", "limits")


def build(request: Request, params: Mapping[str, str]) -> View:
    """The methodology with each election's calibration (the error scale its forecast uses)."""
    calibrations = {e: calibrate(e) for e in ELECTIONS}
    table = CsvTable(
        ("election", "scale", "df", "exponent", "calibrated_on"),
        [(e, c.scale, c.df, c.exponent, " ".join(c.elections)) for e, c in calibrations.items()],
    )
    data = {"sections": list(SECTIONS), "calibration": {e: c.as_dict() for e, c in calibrations.items()}}
    context = {"sections": SECTIONS, "calibrations": calibrations}
    return View(
        "methodology.html", "_methodology_body.html", context, data, {"calibration": table}, "metodologia"
    )


def methodology_page(request: Request, lang: Lang = "es", table: Table = None) -> Response:
    """How the forecast is made, and the calibration it uses."""
    return respond(request, build(request, {}))


page_routes(router, "/pronostico/metodologia", methodology_page, "methodology")

PAGE = Page(
    key="methodology",
    path="/pronostico/metodologia",
    aliases=("/forecast/methodology",),
    title="nav.methodology",
    router=router,
    build=build,
    menu=False,
)
