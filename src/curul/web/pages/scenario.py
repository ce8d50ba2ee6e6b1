"""What if: a scenario built in the page — a starting day, events (a vacancy vote with its counts, a
censure, a resignation, a death, a suspension, a board election, a dissolution…) and the contested
readings — run by ``curul.history.run_scenario``: the successor, who holds each office then, and the
full trace (rule, article, arithmetic, sources of every step).

Every control is a GET parameter (``_scenario_form``), so ``/que-pasaria?...`` rebuilds the scenario
and "Save" keeps it under ``/s/<hash>``; ``?ejemplo=NAME`` starts from an example of
``examples/scenarios/``. A mistake is a 422 naming the form field (``e2_si``), beside the form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, create_model

from curul.constitution import EVENT_TYPES, READINGS
from curul.errors import ArgumentError, CurulError
from curul.history import ScenarioResult, example_scenarios
from curul.web._negotiation import CsvTable, View, respond
from curul.web._pages import Page, page_routes
from curul.web._params import Lang, Table
from curul.web._templates import language_of
from curul.web.pages import _scenario_form as form

router = APIRouter()
PATH = "/que-pasaria"
MAX_VALUE = 120  # characters of any one field (names of people are the longest)


@lru_cache(maxsize=1)
def examples() -> dict[str, tuple[str, Any]]:
    """The example scenarios by name: their title and their fields (read once)."""
    from curul.history import load_scenario, scenario_fields

    out = {}
    for path in example_scenarios():
        scenario = load_scenario(path)
        out[path.stem] = (scenario.title or path.stem, scenario_fields(scenario))
    return out


def _expand(params: Mapping[str, str]) -> dict[str, str]:
    """The scenario's parameters: the form's, or an example's when ``ejemplo`` is given alone."""
    name = (params.get("ejemplo") or "").strip()
    if not name:
        return form.given(params)
    if name not in examples():
        raise form.FormError("ejemplo", f"unknown example {name!r} (examples: {', '.join(examples())})")
    if form.given(params):
        raise form.FormError("ejemplo", "give an example or the scenario's fields, not both")
    return form.example_params(examples()[name][1])


@lru_cache(maxsize=256)
def _run(key: tuple[tuple[str, str], ...]) -> ScenarioResult:
    """A scenario run, cached by its parameters (the bundled record never changes while serving)."""
    from curul.history import run_scenario, scenario_from_fields

    params = dict(key)
    try:
        scenario = scenario_from_fields(**form.library_arguments(params))
    except ArgumentError as exc:
        raise form.form_error(exc) from None
    try:
        return run_scenario(scenario)
    except CurulError as exc:  # a mistake the engine finds only when it replays
        raise form.FormError("fecha", str(exc)) from None


@lru_cache(maxsize=64)
def _president_on(day: dt.date) -> str | None:
    from curul.history import state

    return state(on=day).office("president").person


def _tables(result: ScenarioResult) -> dict[str, CsvTable]:
    data = result.as_dict()
    trace = CsvTable(
        ("date", "event", "outcome", "rule", "article", "text", "arithmetic", "reading", "sources"),
        [(s["date"], s["event"], s["outcome"], s["rule"], s["article"], s["text"], s["arithmetic"],
          s["reading"], " ".join(s["sources"])) for s in data["trace"]],
    )  # fmt: skip
    offices = CsvTable(
        ("office", "person", "since", "via", "sources"),
        [(o.office, o.person, o.since, o.via, " ".join(o.sources)) for o in result.power.offices]
        if result.power
        else [],
    )
    return {"trace": trace, "offices_after": offices}


def _form_context(params: Mapping[str, str], error_field: str = "") -> dict[str, Any]:
    rows = form.rows(params)
    if len(rows) < form.MAX_ROWS:
        rows.append(dict.fromkeys(form.FIELD_NAMES.values(), ""))
    opened = [  # "more fields" open where one has a value or the mistake
        any(row[f] for f in form.MORE_FIELDS)
        or error_field in {form.event_param(i, f) for f in form.MORE_FIELDS}
        for i, row in enumerate(rows, start=1)
    ]
    return {
        "rows": rows,
        "row_open": opened,
        "open_examples": not any(any(row.values()) for row in rows),
        "fecha": params.get("fecha", ""),
        "base": params.get("base") or "history",
        "readings": READINGS,
        "chosen_readings": {r.name: params.get(r.name, "") for r in READINGS},
        "event_types": tuple(EVENT_TYPES),
        "examples": {name: title for name, (title, _) in examples().items()},
        "main_fields": form.MAIN_FIELDS,
        "more_fields": form.MORE_FIELDS,
    }


def build(request: Request, params: Mapping[str, str]) -> View:
    """The What-if view for ``params`` (the form's fields, or ``ejemplo``)."""
    language_of(request)
    shown: Mapping[str, str] = params
    try:
        expanded = _expand(params)
        shown = expanded
        too_long = next((k for k, v in expanded.items() if len(v) > MAX_VALUE), None)
        if too_long:
            raise form.FormError(too_long, f"at most {MAX_VALUE} characters")
        if not expanded.get("fecha") and expanded.get("base", "history") == "history":
            expanded["fecha"] = dt.date.today().isoformat()
        if expanded.get("base") == "history":
            del expanded["base"]
        result = _run(tuple(sorted(expanded.items())))
    except form.FormError as exc:
        error = {"status": 422, "field": exc.field, "message": exc.message}
        context = _form_context(shown, exc.field) | {"error": error, "result": None}
        return View("scenario.html", "_scenario_body.html", context, {"error": error}, {}, "escenario", 422)
    data = result.as_dict()
    before = _president_on(result.scenario.until) if result.scenario.until else None
    context = _form_context(expanded) | {
        "error": None,
        "result": result,
        "data": data,
        "before": before,
        "saved_params": expanded,
        "query": expanded,
        "tables": ("trace", "offices_after"),
    }
    return View("scenario.html", "_scenario_body.html", context, result, _tables(result), "escenario")


def _query_model() -> type[BaseModel]:
    """Every parameter of the page, declared for the OpenAPI schema (and its fuzzing)."""
    text = (str | None, Field(default=None, max_length=MAX_VALUE))
    fields: dict[str, Any] = dict.fromkeys(form.PARAMS, text)
    fields["ejemplo"] = (str | None, Field(default=None, max_length=64, description="An example's name."))
    fields["fecha"] = (
        str | None,
        Field(default=None, max_length=10, description="The day the scenario starts from (default today)."),
    )
    model: type[BaseModel] = create_model("ScenarioQuery", __config__=ConfigDict(extra="ignore"), **fields)
    return model


ScenarioQuery = _query_model()


def scenario_page(
    request: Request,
    query: Annotated[ScenarioQuery, Query()],  # type: ignore[valid-type]
    lang: Lang = "es",
    table: Table = None,
) -> Response:
    """A scenario from its GET parameters: the successor, the offices and the full trace."""
    given: BaseModel = query
    params = {k: v for k, v in given.model_dump().items() if isinstance(v, str)}
    return respond(request, build(request, params))


page_routes(router, PATH, scenario_page, "scenario")

PAGE = Page(
    key="scenario",
    path=PATH,
    aliases=("/what-if",),
    title="nav.scenario",
    router=router,
    params=(*form.PARAMS, "ejemplo"),
    build=build,
)
