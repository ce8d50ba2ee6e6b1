"""Backtests: the forecast as it would have run a week before each first round (2016, 2021, and the
published 2026 forecast) scored against the official result beside the plain poll average and the
last polls, and the runoff model on the 2016 and 2021 runoffs (``curul.forecast.run_backtest``,
``run_runoff_backtest``; the first-round runs use ``BACKTEST_SIMS`` draws, without Congress)."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import APIRouter, Request
from fastapi.responses import Response

from curul.web._negotiation import View, respond
from curul.web._pages import Page, page_routes
from curul.web._params import Lang, Table
from curul.web.pages import _forecast_runs as runs

router = APIRouter()


def build(request: Request, params: Mapping[str, str]) -> View:
    """Every backtest, first round and runoff, with its scores."""
    first, second = runs.backtests()
    data = {
        "first_round": [b.as_dict() for b in first],
        "runoff": [r.as_dict() for r in second],
        "sims": runs.BACKTEST_SIMS,
    }
    tables = runs.backtest_tables(first, second)
    context = {"first": first, "second": second, "sims": runs.BACKTEST_SIMS}
    return View("backtests.html", "_backtests_body.html", context, data, tables, "contraste")


def backtests_page(request: Request, lang: Lang = "es", table: Table = None) -> Response:
    """The forecast scored on past elections."""
    return respond(request, build(request, {}))


page_routes(router, "/pronostico/contraste", backtests_page, "backtests")

PAGE = Page(
    key="backtests",
    path="/pronostico/contraste",
    aliases=("/forecast/backtests",),
    title="nav.backtests",
    router=router,
    build=build,
    menu=False,
)
