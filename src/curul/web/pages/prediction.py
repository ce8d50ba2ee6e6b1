"""The motion model's prediction of a recorded vote: fitted on the days before it (out of sample), its
expected yes count with the 90% interval and P(pass), beside what was recorded and a baseline
(``curul.rollcalls.predict_vote``); the votes to choose from are found by subject and kind
(``vote_listing``, at most ``MAX_LISTED`` listed). Members' positions come from their groups' yes shares
(``base=grupos``, the default: a fraction of a second) or from ideal points (``base=ideal``: slower,
cached by vote). The threshold is yes > no, a number of votes, or a procedure counted on the vote's
hábiles.

GET ``/votaciones/prediccion?votacion=&umbral=&base=&buscar=&tipo=`` rebuilds the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from curul.rollcalls import MOTION_KINDS, vote_listing
from curul.web._field_errors import FieldError
from curul.web._negotiation import CsvTable, View, respond
from curul.web._pages import Page, page_routes
from curul.web._params import Lang, Table
from curul.web._templates import language_of
from curul.web._vega import prediction_spec
from curul.web.pages import _rollcalls_data as data
from curul.web.pages.rollcalls import not_imported

router = APIRouter()
MAX_LISTED = 50
BASES = {"grupos": "groups", "ideal": "ideal"}

VoteId = Annotated[str | None, Query(max_length=40, pattern=r"^[0-9T:-]+$", description="A vote id.")]
Threshold = Annotated[
    str | None,
    Query(max_length=48, pattern=r"^[a-z0-9._-]+$", description="Votes needed, or a procedure id."),
]
Basis = Annotated[
    Literal["grupos", "ideal"], Query(description="Members' positions: groups or ideal points.")
]
Search = Annotated[str | None, Query(max_length=80, description="Only votes whose subject contains this.")]
Kind = Annotated[
    str | None, Query(max_length=20, pattern=r"^[a-z]+$", description="Only votes of this kind.")
]


def build(request: Request, params: Mapping[str, str]) -> View:
    """The listing of votes and, with ``votacion``, that vote's prediction."""
    lang = language_of(request)
    chosen = {k: params.get(k, "") for k in ("votacion", "umbral", "base", "buscar", "tipo")}
    chosen["tipo"] = chosen["tipo"] if (chosen["buscar"] or chosen["tipo"]) else "vacancy"
    context: dict[str, Any] = {
        "chosen": chosen,
        "kinds": MOTION_KINDS,
        "error": None,
        "missing": "",
        "prediction": None,
        "spec": None,
    }
    rc, reason = data.loaded()
    if rc is None:
        return not_imported("prediction.html", "_prediction_body.html", "prediccion", reason, context)
    try:
        kind = chosen["tipo"] or None
        if kind is not None and kind not in MOTION_KINDS:
            raise FieldError("tipo", f"use one of {', '.join(MOTION_KINDS)}, not {kind!r}")
        basis = chosen["base"] or "grupos"
        if basis not in BASES:
            raise FieldError("base", f"use {' or '.join(BASES)}, not {basis!r}")
        listing = vote_listing(rc, search=chosen["buscar"] or None, kind=kind, limit=MAX_LISTED)
        prediction = None
        if chosen["votacion"]:
            prediction = data.predict(chosen["votacion"], chosen["umbral"] or None, BASES[basis])
    except FieldError as exc:
        context["error"] = {"field": exc.field, "message": exc.message}
        failed: dict[str, Any] = {"error": {"status": exc.status, "field": exc.field, "message": exc.message}}
        return View(
            "prediction.html", "_prediction_body.html", context, failed, {}, "prediccion", status=exc.status
        )
    chosen["base"] = basis
    tables = {
        "votes": CsvTable(
            ("vote_id", "date", "kind", "yes", "no", "abstain", "subject"),
            [
                tuple(r[k] for k in ("vote_id", "date", "kind", "yes", "no", "abstain", "subject"))
                for r in listing.rows
            ],
        ),
    }
    body: dict[str, Any] = {
        "imported": True,
        "source": rc.source,
        "votes": listing.as_dict(),
        "prediction": None,
    }
    if prediction is not None:
        p = prediction.as_dict()
        needed = p["threshold"] if p["threshold"] is not None else p["recorded_no"] + 1
        labels = {k: lang.t(f"prediction.{k}") for k in ("predicted", "recorded", "needed")}
        spec = prediction_spec(
            p,
            needed=needed,
            labels=labels,
            title=lang.t("prediction.chart_title", vote=p["vote_id"]),
            description=lang.t("prediction.chart_desc"),
            x_title=lang.t("prediction.x_title"),
        )
        tables = {"prediction": CsvTable(tuple(p), [tuple(p.values())])} | tables
        context |= {"prediction": p, "spec": spec, "needed": needed}
        body |= {"prediction": p, "basis": BASES[basis], "chart": spec}
    context |= {
        "chosen": chosen,
        "listing": listing,
        "saved_params": {k: v for k, v in chosen.items() if v},
        "query": {k: v for k, v in chosen.items() if v},
    }
    return View("prediction.html", "_prediction_body.html", context, body, tables, "prediccion")


def prediction_page(
    request: Request,
    votacion: VoteId = None,
    umbral: Threshold = None,
    base: Basis = "grupos",
    buscar: Search = None,
    tipo: Kind = None,
    lang: Lang = "es",
    table: Table = None,
) -> Response:
    """Find a recorded vote and see the motion model's out-of-sample prediction of it."""
    params = {
        "votacion": votacion or "",
        "umbral": umbral or "",
        "base": base,
        "buscar": buscar or "",
        "tipo": tipo or "",
    }
    return respond(request, build(request, params))


page_routes(router, "/votaciones/prediccion", prediction_page, "prediction", stamp=data.stamp)

PAGE = Page(
    key="prediction",
    path="/votaciones/prediccion",
    aliases=("/rollcalls/prediction",),
    title="nav.prediction",
    router=router,
    params=("votacion", "umbral", "base", "buscar", "tipo"),
    build=build,
    menu=False,
)
