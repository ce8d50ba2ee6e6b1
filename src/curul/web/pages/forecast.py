"""Forecast: the first round (each candidate's share as a distribution with its 80% and 90% intervals,
P(runoff), P(win), the likeliest runoffs, seats per party and each party's P(majority) in the Chamber)
or the runoff from its own head-to-head polls, for 2026, 2021 and 2016; a reader may shift one
candidate's poll average and see the forecast recomputed (the others absorb the shift in proportion,
:meth:`curul.forecast.PollAverage.shifted`).

The runs are bounded (at most ``MAX_SIMS`` simulations, shifts of at most ``MAX_SHIFT`` points) and
cached by their inputs (``_forecast_runs``). The method is explained on ``/pronostico/metodologia``;
the backtests are on ``/pronostico/contraste``.

GET ``/pronostico?eleccion=&vuelta=1|2&candidato=&puntos=&simulaciones=&semilla=`` rebuilds the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from curul.web._field_errors import FieldError
from curul.web._negotiation import View, respond
from curul.web._pages import Page, page_routes
from curul.web._params import Lang, Table
from curul.web._templates import language_of
from curul.web.pages import _forecast_runs as runs

router = APIRouter()
DEFAULT_ELECTION: Literal["peru-2026", "peru-2021", "peru-2016"] = "peru-2026"

Election = Annotated[Literal["peru-2026", "peru-2021", "peru-2016"], Query(description="Election.")]
Round = Annotated[int, Query(ge=1, le=2, description="1: first round, runoff and Congress; 2: the runoff.")]
Candidate = Annotated[
    str | None, Query(max_length=80, description="Candidate whose poll average is shifted (round 1).")
]
Points = Annotated[
    float,
    Query(ge=-runs.MAX_SHIFT, le=runs.MAX_SHIFT, description="Points of valid votes added to the average."),
]
Sims = Annotated[int, Query(ge=runs.MIN_SIMS, le=runs.MAX_SIMS, description="Simulations (bounded).")]
Seed = Annotated[int, Query(ge=0, le=runs.MAX_SEED, description="Seed of the simulations.")]


def _number(params: Mapping[str, str], key: str, default: float, low: float, high: float) -> float:
    raw = params.get(key) or ""
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise FieldError(key, f"{raw!r} is not a number") from None
    if not low <= value <= high:  # also refuses nan
        raise FieldError(key, f"{raw} is outside {low:g}–{high:g}")
    return value


def _checked(params: Mapping[str, str]) -> dict[str, Any]:
    election = params.get("eleccion") or DEFAULT_ELECTION
    if election not in runs.ELECTIONS:
        raise FieldError("eleccion", f"unknown election {election!r} (known: {', '.join(runs.ELECTIONS)})")
    round_ = params.get("vuelta") or "1"
    if round_ not in ("1", "2"):
        raise FieldError("vuelta", f"{round_!r}: 1 (first round) or 2 (runoff)")
    sims = _number(params, "simulaciones", runs.DEFAULT_SIMS, runs.MIN_SIMS, runs.MAX_SIMS)
    seed = _number(params, "semilla", 0, 0, runs.MAX_SEED)
    if sims != int(sims) or seed != int(seed):
        raise FieldError("simulaciones" if sims != int(sims) else "semilla", "a whole number")
    points = _number(params, "puntos", 0.0, -runs.MAX_SHIFT, runs.MAX_SHIFT)
    candidate = (params.get("candidato") or "").strip()
    if points and not candidate:
        raise FieldError("candidato", "a shift needs the candidate it moves")
    if candidate and round_ == "2":
        raise FieldError("candidato", "the shift applies to the first round's poll average (vuelta=1)")
    if candidate and candidate not in runs.candidates_of(election):
        known = ", ".join(runs.candidates_of(election))
        raise FieldError("candidato", f"{candidate!r} is not a candidate of {election} (known: {known})")
    return {
        "election": election,
        "round": int(round_),
        "sims": int(sims),
        "seed": int(seed),
        "candidate": candidate,
        "points": points,
    }


def build(request: Request, params: Mapping[str, str]) -> View:
    """The forecast view for ``params``; a mistake shows beside the form with status 422."""
    lang = language_of(request)
    keys = ("eleccion", "vuelta", "candidato", "puntos", "simulaciones", "semilla")
    chosen = {k: params.get(k, "") for k in keys}
    context: dict[str, Any] = {
        "chosen": chosen,
        "elections": runs.ELECTIONS,
        "bounds": {
            "min_sims": runs.MIN_SIMS,
            "max_sims": runs.MAX_SIMS,
            "max_shift": runs.MAX_SHIFT,
            "max_seed": runs.MAX_SEED,
        },
        "error": None,
        "names": (),
    }
    try:
        c = _checked(params)
        context["names"] = runs.candidates_of(c["election"])
        if c["round"] == 1:
            result: Any = runs.first_round(c["election"], c["sims"], c["seed"], c["candidate"], c["points"])
            tables = runs.first_round_tables(result)
            spec = runs.first_round_spec(
                result,
                title=lang.t("forecast.chart_title", election=c["election"], sims=lang.number(c["sims"])),
                description=lang.t("forecast.chart_desc"),
                x_title=lang.t("forecast.x_first"),
            )
        else:
            result = runs.runoff(c["election"], c["sims"], c["seed"])
            tables = runs.runoff_tables(result)
            spec = runs.runoff_spec(
                result,
                title=lang.t("forecast.runoff_title", election=c["election"], sims=lang.number(c["sims"])),
                description=lang.t("forecast.chart_desc"),
                x_title=lang.t("forecast.x_runoff"),
            )
    except FieldError as exc:
        context["error"] = {"field": exc.field, "message": exc.message}
        data: dict[str, Any] = {"error": {"status": exc.status, "field": exc.field, "message": exc.message}}
        return View(
            "forecast.html", "_forecast_body.html", context, data, {}, "pronostico", status=exc.status
        )
    chosen |= {
        "eleccion": c["election"],
        "vuelta": str(c["round"]),
        "candidato": c["candidate"],
        "puntos": f"{c['points']:g}" if c["points"] else "",
        "simulaciones": str(c["sims"]),
        "semilla": str(c["seed"]),
    }
    shifted = {c["candidate"]: c["points"]} if c["candidate"] and c["points"] else {}
    context |= {
        "chosen": chosen,
        "round": c["round"],
        "result": result,
        "shifted": shifted,
        "tables": tables,
        "spec": spec,
        "saved_params": {k: v for k, v in chosen.items() if v},
        "query": {k: v for k, v in chosen.items() if v},
    }
    data = result.as_dict() | {
        "bounds": context["bounds"],
        "chart": spec,
    }
    name = f"pronostico-{c['election']}-v{c['round']}"
    return View("forecast.html", "_forecast_body.html", context, data, tables, name)


def forecast_page(
    request: Request,
    eleccion: Election = DEFAULT_ELECTION,
    vuelta: Round = 1,
    candidato: Candidate = None,
    puntos: Points = 0.0,
    simulaciones: Sims = runs.DEFAULT_SIMS,
    semilla: Seed = 0,
    lang: Lang = "es",
    table: Table = None,
) -> Response:
    """The forecast of an election's first round (or runoff), optionally with a shifted candidate."""
    params = {
        "eleccion": eleccion,
        "vuelta": str(vuelta),
        "candidato": candidato or "",
        "puntos": f"{puntos:g}" if puntos else "",
        "simulaciones": str(simulaciones),
        "semilla": str(semilla),
    }
    return respond(request, build(request, params))


page_routes(router, "/pronostico", forecast_page, "forecast")

PAGE = Page(
    key="forecast",
    path="/pronostico",
    aliases=("/forecast",),
    title="nav.forecast",
    router=router,
    params=("eleccion", "vuelta", "candidato", "puntos", "simulaciones", "semilla"),
    build=build,
)
