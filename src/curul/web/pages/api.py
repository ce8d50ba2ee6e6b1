"""The JSON API under ``/api/``: the same data as the pages, with English parameter names, typed and
bounded in the OpenAPI schema (``/openapi.json``), which the test suite fuzzes.

Each endpoint builds the page it mirrors (the same ``build`` a page and a saved scenario use) and gives
its JSON twin; a mistake is a 422 ``{"error": {"status", "field", "message"}}`` whose ``field`` is the
API's parameter name. :data:`ENDPOINTS` lists them; ``benchmarks/bench_web.py`` picks from it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Coroutine, Mapping
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute

from curul.report import Presentable, to_json
from curul.web._cache import cacheable
from curul.web._field_errors import FieldError, validation_problem
from curul.web._negotiation import CsvTable, View, respond
from curul.web._pages import Page
from curul.web._params import Lang
from curul.web.pages import _forecast_runs as runs
from curul.web.pages import _rollcalls_data as rc_data
from curul.web.pages import _scenario_api as scenario_api
from curul.web.pages import forecast, power, prediction, rollcalls


class JsonErrors(APIRoute):
    """An API route answers a parameter FastAPI refuses (wrong type, out of bounds) in JSON too,
    ``{"error": {"status": 422, "field", "message"}}``, whatever the client's ``Accept`` says."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                field, message = validation_problem(exc.errors())
                body = {"error": {"status": 422, "field": field, "message": message}}
                return JSONResponse(body, status_code=422)

        return handle


router = APIRouter(prefix="/api", tags=["api"], route_class=JsonErrors)

#: (path, the page module it mirrors, what it gives): the API's index and the benchmark's menu.
ENDPOINTS: tuple[tuple[str, str, str], ...] = (
    ("/api/state", "today", "who holds power on a date, thresholds, coalitions (the Today page)"),
    ("/api/scenario", "scenario", "a what-if scenario: the successor and the full trace (the What-if page)"),
    ("/api/seats", "seats", "seat allocation under a bundled system (the Seats page)"),
    ("/api/history", "history", "presidents 2016-2026 and each transition's trace (the History page)"),
    ("/api/power", "power", "power indices, minimal winning coalitions, the bicameral game"),
    ("/api/forecast", "forecast", "first round or runoff forecast, optionally with a shifted candidate"),
    ("/api/forecast/backtests", "backtests", "the forecast scored on past elections"),
    ("/api/rollcalls/cohesion", "rollcalls", "group cohesion over time"),
    ("/api/rollcalls/ideal-points", "ideal", "members' ideal points over a window"),
    ("/api/rollcalls/prediction", "prediction", "the motion model's prediction of a recorded vote"),
)


def _json(view: View, names: Mapping[str, str]) -> Response:
    """The view's JSON; an error's field is renamed from the page's form field to the API's name."""
    data = view.data.as_dict() if isinstance(view.data, Presentable) else dict(view.data)
    error = data.get("error")
    if isinstance(error, dict) and error.get("field") in names:
        data = {"error": error | {"field": names[error["field"]]}}
    return Response(to_json(data) + "\n", status_code=view.status, media_type="application/json")


def _call(request: Request, page: str, params: dict[str, str], names: Mapping[str, str]) -> Response:
    module: Any = importlib.import_module(f"curul.web.pages.{page}")
    try:
        view = module.build(request, params)
    except FieldError as exc:
        field = names.get(exc.field or "", exc.field)
        body = {"error": {"status": exc.status, "field": field, "message": exc.message}}
        return JSONResponse(body, status_code=exc.status)
    return _json(view, names)


def _renamed(mapping: Mapping[str, str]) -> dict[str, str]:
    """API parameter -> page field, inverted for the error's field."""
    return {page: api for api, page in mapping.items()}


SEATS = {"system": "sistema", "votes": "votos", "method": "metodo"}


@router.get("/seats", summary="Seats under a bundled system")
def api_seats(
    request: Request,
    system: Annotated[
        str, Query(max_length=64, description="Electoral system (curul systems).")
    ] = "peru-2016",
    votes: Annotated[Literal["oficial", "parcial"] | None, Query(description="Bundled votes.")] = None,
    method: Annotated[str | None, Query(max_length=32, description="Replace the system's method.")] = None,
    lang: Lang = "es",
) -> Response:
    params = {"sistema": system, "votos": votes or "", "metodo": method or ""}
    return _call(request, "seats", params, _renamed(SEATS))


@router.get("/history", summary="Presidents 2016-2026 and their transitions")
def api_history(
    request: Request,
    t: Annotated[int | None, Query(ge=1, le=99, description="Transition to open.")] = None,
    lang: Lang = "es",
) -> Response:
    return _call(request, "history", {"t": str(t)} if t else {}, {})


POWER = {
    "composition": "composicion",
    "threshold": "umbral",
    "game": "juego",
    "limit": "limite",
    "groups": "grupos",
    "chamber": "camara",
}


@router.get("/power", summary="Power indices and coalitions of a composition")
def api_power(
    request: Request,
    composition: power.CompositionId = power.DEFAULT_COMPOSITION,
    threshold: power.Threshold = power.DEFAULT_THRESHOLD,
    game: power.Game = "camara",
    limit: power.Limit = power.DEFAULT_LISTED,
    groups: power.Groups = None,
    chamber: power.Chamber = "congress",
    lang: Lang = "es",
) -> Response:
    params = {
        "composicion": composition,
        "umbral": threshold,
        "juego": game,
        "limite": str(limit),
        "grupos": groups or "",
        "camara": chamber,
    }
    return _call(request, "power", params, _renamed(POWER))


FORECAST = {
    "election": "eleccion",
    "round": "vuelta",
    "candidate": "candidato",
    "points": "puntos",
    "sims": "simulaciones",
    "seed": "semilla",
}


@router.get("/forecast", summary="Election forecast (bounded simulations, cached by input)")
def api_forecast(
    request: Request,
    election: forecast.Election = forecast.DEFAULT_ELECTION,
    round: forecast.Round = 1,
    candidate: forecast.Candidate = None,
    points: forecast.Points = 0.0,
    sims: forecast.Sims = runs.DEFAULT_SIMS,
    seed: forecast.Seed = 0,
    lang: Lang = "es",
) -> Response:
    params = {
        "eleccion": election,
        "vuelta": str(round),
        "candidato": candidate or "",
        "puntos": f"{points:g}" if points else "",
        "simulaciones": str(sims),
        "semilla": str(seed),
    }
    return _call(request, "forecast", params, _renamed(FORECAST))


@router.get("/forecast/backtests", summary="The forecast scored on past elections")
def api_backtests(request: Request, lang: Lang = "es") -> Response:
    return _call(request, "backtests", {}, {})


WINDOW = {"from": "desde", "to": "hasta"}
COHESION = WINDOW | {"freq": "frecuencia", "index": "indice"}


@router.get("/rollcalls/cohesion", summary="Group cohesion over time")
def api_cohesion(
    request: Request,
    from_: Annotated[rollcalls.Day, Query(alias="from")] = None,
    to: rollcalls.Day = None,
    freq: rollcalls.Frequency = "quarter",
    index: rollcalls.Index = "rice",
    lang: Lang = "es",
) -> Response:
    params = {"desde": from_ or "", "hasta": to or "", "frecuencia": freq, "indice": index}
    return _call(request, "rollcalls", params, _renamed(COHESION))


@router.get("/rollcalls/ideal-points", summary="Members' ideal points over a window")
def api_ideal(
    request: Request,
    from_: Annotated[rollcalls.Day, Query(alias="from")] = None,
    to: rollcalls.Day = None,
    lang: Lang = "es",
) -> Response:
    return _call(request, "ideal", {"desde": from_ or "", "hasta": to or ""}, _renamed(WINDOW))


PREDICTION = {"vote": "votacion", "threshold": "umbral", "basis": "base", "search": "buscar", "kind": "tipo"}


@router.get("/rollcalls/prediction", summary="The motion model's prediction of a recorded vote")
def api_prediction(
    request: Request,
    vote: prediction.VoteId = None,
    threshold: prediction.Threshold = None,
    basis: prediction.Basis = "grupos",
    search: prediction.Search = None,
    kind: prediction.Kind = None,
    lang: Lang = "es",
) -> Response:
    params = {
        "votacion": vote or "",
        "umbral": threshold or "",
        "base": basis,
        "buscar": search or "",
        "tipo": kind or "",
    }
    return _call(request, "prediction", params, _renamed(PREDICTION))


@router.get("/state", summary="Who holds power on a date")
def api_state(
    request: Request,
    date: Annotated[
        str | None,
        Query(
            max_length=10, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="YYYY-MM-DD; default today."
        ),
    ] = None,
    lang: Lang = "es",
) -> Response:
    return _call(request, "today", {"fecha": date or ""}, {"fecha": "date"})


@router.get("/scenario", summary="A what-if scenario: the successor and the full trace")
def api_scenario(
    request: Request,
    query: Annotated[scenario_api.Query, Query()],  # type: ignore[valid-type]
    lang: Lang = "es",
) -> Response:
    given: Any = query
    params, names = scenario_api.page_params(given.model_dump())
    return _call(request, "scenario", params, names)


def build(request: Request, params: Mapping[str, str]) -> View:
    """The API's index: its endpoints and the schema."""
    rows = [(path, what) for path, _, what in ENDPOINTS]
    data = {"openapi": "/openapi.json", "endpoints": [{"path": p, "what": w} for p, w in rows]}
    table = CsvTable(("path", "what"), rows)
    return View("api.html", "api.html", {"endpoints": rows}, data, {"endpoints": table}, "api")


def api_index(request: Request, lang: Lang = "es") -> Response:
    """The API's endpoints (HTML, or JSON with ``Accept: application/json``)."""
    return respond(request, build(request, {}))


router.add_api_route("/", api_index, methods=["GET"], include_in_schema=False)
for _route in router.routes:  # every GET answer is cached; the roll-call ones with their data's stamp
    if isinstance(_route, APIRoute) and "GET" in (_route.methods or ()):
        cacheable(_route.path, rc_data.stamp if _route.path.startswith("/api/rollcalls/") else None)

PAGE = Page(key="api", path="/api/", title="api.title", router=router, build=build, menu=False)
