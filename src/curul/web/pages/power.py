"""Power: a composition (bundled, today's chambers, or edited in the page) and a threshold (a number of
votes or a procedure of the constitution engine) -> each group's Banzhaf and Shapley–Shubik power as
bars beside its seats, the minimal winning coalitions, the pivotal, veto and never-decisive groups, and
for the bicameral Congress of 2026 the game "pass both chambers" (parties voting as one bloc in each).

Everything is the library's (``curul.congress``); the page bounds the work: an edited composition has
at most :data:`MAX_GROUPS` groups, the enumeration stops at :data:`MAX_COALITIONS` minimal winning
coalitions (a 422 naming ``grupos`` beyond), at most :data:`MAX_LISTED` are listed.

GET ``/poder?composicion=&umbral=&juego=camara|bicameral&limite=&grupos=&camara=`` rebuilds the page.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from curul.congress import (
    BicameralCoalitions,
    ChamberCoalitions,
    ChamberPower,
    Composition,
    bicameral_coalitions,
    chamber_power,
    coalitions,
    composition,
    composition_quota,
    compositions,
    read_composition_csv,
)
from curul.errors import InputError
from curul.web._cache import cacheable
from curul.web._field_errors import FieldError, form_fields
from curul.web._i18n import Language
from curul.web._negotiation import CsvTable, View, respond
from curul.web._pages import Page, page_routes
from curul.web._params import Lang, Table
from curul.web._power_chart import PowerBar, power_bars_svg
from curul.web._svg import inline
from curul.web._templates import language_of

router = APIRouter()
DEFAULT_COMPOSITION = "2026-07-deputies"
DEFAULT_THRESHOLD = "vacancy.approval"
EDITED = "editada"
#: Bounds of the work one request may ask for.
MAX_GROUPS = 30
MAX_COALITIONS = 20_000
MAX_LISTED = 100
DEFAULT_LISTED = 20
CHAMBERS = ("congress", "deputies", "senate")
#: The two chambers of the bicameral game, by the first chamber's id.
SENATE_OF = {"2026-07-deputies": "2026-07-senate"}
#: Procedures offered in the threshold field (any procedure id of the engine, or a number, is taken).
PROCEDURES = (
    "vacancy.approval",
    "vacancy.admission",
    "vacancy.filing",
    "cabinet.censure",
    "confidence.vote",
    "board.censure",
    "suspension",
    "organic_law",
    "resignation.acceptance",
)

CompositionId = Annotated[
    str, Query(max_length=40, pattern=r"^[a-z0-9-]+$", description="Bundled composition id, or editada.")
]
Threshold = Annotated[
    str,
    Query(max_length=48, pattern=r"^[a-z0-9._-]+$", description="Votes needed, or a procedure id."),
]
Game = Annotated[Literal["camara", "bicameral"], Query(description="One chamber, or both (2026).")]
Limit = Annotated[int, Query(ge=1, le=MAX_LISTED, description="Minimal winning coalitions listed.")]
Groups = Annotated[
    str | None, Query(max_length=4000, description="Edited composition as CSV: group,seats lines.")
]
Chamber = Annotated[Literal["congress", "deputies", "senate"], Query(description="Chamber of an edited one.")]


def _edited(text: str, chamber: str) -> Composition:
    """An edited composition read by the library's reader (``group,seats``); errors name ``grupos``."""
    with tempfile.TemporaryDirectory(prefix="curul-power-") as folder:
        path = Path(folder) / "grupos.csv"
        path.write_text(
            text if text.lower().startswith("group") else "group,seats\n" + text, encoding="utf-8"
        )
        try:
            found = read_composition_csv(path)
        except InputError as exc:  # the temporary path means nothing to the reader: the field's name
            raise FieldError(
                "grupos", f"line {exc.line}: {exc.problem}" if exc.line else exc.problem
            ) from None
    if len(found.groups) > MAX_GROUPS:
        raise FieldError("grupos", f"{len(found.groups)} groups: at most {MAX_GROUPS}")
    return dataclasses.replace(found, id=EDITED, label=EDITED, chamber=chamber, source="edited in the page")


def _composition(params: Mapping[str, str]) -> Composition:
    name = params.get("composicion") or DEFAULT_COMPOSITION
    if name == EDITED:
        text = params.get("grupos") or ""
        if not text.strip():
            raise FieldError("grupos", "an edited composition needs its groups (group,seats lines)")
        chamber = params.get("camara") or "congress"
        if chamber not in CHAMBERS:
            raise FieldError("camara", f"unknown chamber {chamber!r} (known: {', '.join(CHAMBERS)})")
        return _edited(text, chamber)
    known = [c.id for c in compositions()]
    if name not in known:
        raise FieldError("composicion", f"unknown composition {name!r} (known: {', '.join(known)}, {EDITED})")
    return composition(name)


def _limit(params: Mapping[str, str]) -> int:
    raw = params.get("limite") or str(DEFAULT_LISTED)
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LISTED:
        raise FieldError("limite", f"{raw!r}: a whole number from 1 to {MAX_LISTED}")
    return int(raw)


@lru_cache(maxsize=64)
def _bundled(name: str, threshold: str, game: str, limit: int) -> tuple[Any, ...]:
    return _compute(composition(name), threshold, game, limit)


def _compute(
    comp: Composition, threshold: str, game: str, limit: int
) -> tuple[ChamberPower, ChamberCoalitions, BicameralCoalitions | None]:
    with form_fields("umbral", threshold="umbral", senate_threshold="umbral"):
        quota = composition_quota(threshold, comp)
    total = sum(g.seats for g in comp.groups)
    if not 1 <= quota.votes <= total:
        raise FieldError("umbral", f"{quota.votes} votes needed: {comp.label} has {total} seats")
    with form_fields("grupos"):  # too many minimal winning coalitions: fewer, larger groups
        found = coalitions(comp.game(quota.votes, split_unattached=True), limit=MAX_COALITIONS)
    with form_fields("umbral", threshold="umbral", senate_threshold="umbral", joint="juego"):
        power = chamber_power(comp, threshold)
        both = None
        if game == "bicameral":
            senate = SENATE_OF.get(comp.id)
            if senate is None:
                raise FieldError(
                    "juego",
                    f"the bicameral game needs {', '.join(SENATE_OF)} (and its Senate), not {comp.id}",
                )
            both = bicameral_coalitions(comp, threshold, senate, threshold, limit=limit)
    return power, ChamberCoalitions(comp, quota, found, limit), both


def _tables(
    power: ChamberPower, coal: ChamberCoalitions, both: BicameralCoalitions | None
) -> dict[str, CsvTable]:
    comp = power.composition
    names = {g.code: g.name for g in comp.groups}
    total = sum(r["seats"] for r in power.rows()) or 1
    found = coal.coalitions
    out = {
        "power": CsvTable(
            ("group", "name", "seats", "seat_share", "banzhaf", "banzhaf_absolute", "shapley_shubik"),
            [
                (
                    r["group"],
                    names.get(r["group"], r["group"]),
                    r["seats"],
                    r["seats"] / total,
                    r["banzhaf"],
                    r["banzhaf_absolute"],
                    r["shapley_shubik"],
                )
                for r in power.rows()
            ],
        ),
        "coalitions": CsvTable(
            ("groups", "seats", "surplus"), [(" + ".join(c.groups), c.seats, c.surplus) for c in coal.listed]
        ),
        "roles": CsvTable(
            ("group", "seats", "in_minimal_winning", "veto", "never_decisive"),
            [
                (g, w, found.membership[g], g in found.veto, g in found.dummies)
                for g, w in zip(found.game.labels, found.game.weights, strict=True)
            ],
        ),
    }
    if both is not None:
        frame = both.to_frame().reset_index()
        out["bicameral"] = CsvTable(tuple(frame.columns), [tuple(r) for r in frame.itertuples(index=False)])
        listed = both.coalitions_frame()
        out["bicameral_coalitions"] = CsvTable(
            tuple(listed.columns),
            [(" + ".join(r[0]), *r[1:]) for r in listed.itertuples(index=False)],
        )
    return out


def _chart(power: ChamberPower, lang: Language) -> Any:
    names = {g.code: g.name for g in power.composition.groups}
    rows = power.rows()
    total = sum(r["seats"] for r in rows) or 1
    bars = [
        PowerBar(
            r["group"],
            names.get(r["group"], r["group"]),
            r["seats"] / total,
            r["banzhaf"],
            r["shapley_shubik"],
        )
        for r in rows
    ]
    legend = {k: lang.t(f"power.{k}") for k in ("seats", "banzhaf", "shapley_shubik")}
    svg = power_bars_svg(
        bars,
        title=lang.t("power.chart_title", label=power.composition.label, votes=power.quota.votes),
        description=lang.t("power.chart_desc", count=len(bars)),
        legend=legend,
        percent=lambda v: lang.percent(v, 1),
    )
    return inline(svg, "barras-poder")


def chart_svg(request: Request, params: Mapping[str, str]) -> str:
    """The power bars of ``params`` as a standalone SVG (download and embed)."""
    from curul.web._svg import page_svg

    view = build(request, params)
    if view.status != 200:
        raise FieldError(view.context["error"]["field"], view.context["error"]["message"], status=view.status)
    return page_svg(str(view.context["chart"]), "barras-poder")


def build(request: Request, params: Mapping[str, str]) -> View:
    """The power view for ``params``; a mistake shows beside the form with status 422."""
    lang = language_of(request)
    keys = ("composicion", "umbral", "juego", "limite", "grupos", "camara")
    chosen = {k: params.get(k, "") for k in keys}
    context: dict[str, Any] = {
        "chosen": chosen,
        "compositions": compositions(),
        "edited": EDITED,
        "chambers": CHAMBERS,
        "max_listed": MAX_LISTED,
        "procedures": PROCEDURES,
        "error": None,
    }
    try:
        comp = _composition(params)
        threshold = (params.get("umbral") or DEFAULT_THRESHOLD).strip()
        game = params.get("juego") or "camara"
        if game not in ("camara", "bicameral"):
            raise FieldError("juego", f"unknown game {game!r} (known: camara, bicameral)")
        limit = _limit(params)
        if comp.id == EDITED:
            power, coal, both = _compute(comp, threshold, game, limit)
        else:
            power, coal, both = _bundled(comp.id, threshold, game, limit)
    except FieldError as exc:
        context["error"] = {"field": exc.field, "message": exc.message}
        data: dict[str, Any] = {"error": {"status": exc.status, "field": exc.field, "message": exc.message}}
        return View("power.html", "_power_body.html", context, data, {}, "poder", status=exc.status)
    chosen |= {"composicion": comp.id, "umbral": threshold, "juego": game, "limite": str(limit)}
    tables = _tables(power, coal, both)
    context |= {
        "chosen": chosen,
        "comp": comp,
        "power": power,
        "coal": coal,
        "both": both,
        "tables": tables,
        "chart": _chart(power, lang),
        "saved_params": {k: v for k, v in chosen.items() if v},
        "query": {k: v for k, v in chosen.items() if v},
    }
    data = {
        "power": power.as_dict(),
        "coalitions": coal.as_dict(),
        "bicameral": both.as_dict() if both is not None else None,
        "bounds": {"max_groups": MAX_GROUPS, "max_coalitions": MAX_COALITIONS, "max_listed": MAX_LISTED},
    }
    return View("power.html", "_power_body.html", context, data, tables, f"poder-{comp.id}")


def _params(
    composicion: str, umbral: str, juego: str, limite: int, grupos: str | None, camara: str
) -> dict[str, str]:
    return {
        "composicion": composicion,
        "umbral": umbral,
        "juego": juego,
        "limite": str(limite),
        "grupos": grupos or "",
        "camara": camara,
    }


def power_page(
    request: Request,
    composicion: CompositionId = DEFAULT_COMPOSITION,
    umbral: Threshold = DEFAULT_THRESHOLD,
    juego: Game = "camara",
    limite: Limit = DEFAULT_LISTED,
    grupos: Groups = None,
    camara: Chamber = "congress",
    lang: Lang = "es",
    table: Table = None,
) -> Response:
    """Power indices, minimal winning coalitions and roles of a composition at a threshold."""
    return respond(request, build(request, _params(composicion, umbral, juego, limite, grupos, camara)))


def power_svg(
    request: Request,
    composicion: CompositionId = DEFAULT_COMPOSITION,
    umbral: Threshold = DEFAULT_THRESHOLD,
    juego: Game = "camara",
    grupos: Groups = None,
    camara: Chamber = "congress",
    lang: Lang = "es",
) -> Response:
    """The power bars as an SVG file."""
    svg = chart_svg(request, _params(composicion, umbral, juego, DEFAULT_LISTED, grupos, camara))
    return Response(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n",
        media_type="image/svg+xml",
        headers={"Content-Disposition": f'attachment; filename="poder-{composicion}.svg"'},
    )


page_routes(router, "/poder", power_page, "power")
router.add_api_route("/poder.svg", power_svg, methods=["GET"], name="power_svg", response_class=Response)
cacheable("/poder.svg")

PAGE = Page(
    key="power",
    path="/poder",
    aliases=("/power",),
    title="nav.power",
    router=router,
    params=("composicion", "umbral", "juego", "limite", "grupos", "camara"),
    build=build,
)
