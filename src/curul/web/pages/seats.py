"""Seats: a bundled electoral system (2001-2026, both 2026 chambers) applied to the official votes, the
2026 partial count, or an uploaded votes CSV (read by the library's own reader, so a bad cell is a 422
naming the line, column and field); the hemicycle, the national table beside it, each list's
threshold verdict, each district's last-seat margin, and the methods side by side.

GET ``/escanos?sistema=&votos=oficial|parcial&metodo=`` rebuilds the page; POST ``/escanos`` takes the
file (``archivo``), and a saved scenario keeps its text (``csv``) so ``/s/<hash>`` rebuilds that too.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response
from markupsafe import Markup

from curul.elections import (
    METHODS,
    ElectionResult,
    allocate_file,
    allocate_official,
    allocate_partial,
    systems,
)
from curul.errors import InputError
from curul.inputs import decode
from curul.web._cache import cacheable
from curul.web._field_errors import FieldError, form_fields
from curul.web._negotiation import View, respond
from curul.web._pages import Page, page_routes
from curul.web._params import Lang, Table
from curul.web._svg import inline, page_svg
from curul.web._templates import language_of
from curul.web.pages._seats_tables import SeatTables, tables

router = APIRouter()
DEFAULT_SYSTEM = "peru-2016"
SOURCES = ("oficial", "parcial", "archivo")
MAX_NAME = 80

System = Annotated[str, Query(max_length=64, description="Electoral system (see curul systems).")]
Source = Annotated[
    Literal["oficial", "parcial"] | None,
    Query(description="Bundled votes: official or the 2026 partial count."),
]
Method = Annotated[str | None, Query(max_length=32, description="Replace the system's method.")]


def _check(params: Mapping[str, str]) -> tuple[str, str, str | None]:
    system = params.get("sistema") or DEFAULT_SYSTEM
    if system not in systems():
        raise FieldError("sistema", f"unknown system {system!r} (known: {', '.join(systems())})")
    source = params.get("votos") or ""
    if source and source not in SOURCES:
        raise FieldError("votos", f"unknown votes {source!r} (known: {', '.join(SOURCES)})")
    if source == "archivo" and not params.get("csv"):
        raise FieldError("archivo", "votos=archivo needs a votes file: upload one with the form")
    method = params.get("metodo") or None
    if method is not None and method not in METHODS:
        raise FieldError("metodo", f"unknown method {method!r} (known: {', '.join(METHODS)})")
    return system, source, method


@lru_cache(maxsize=128)
def _bundled(system: str, source: str, method: str | None) -> ElectionResult:
    """A bundled allocation (bounded cache: 8 systems x 2 sources x 6 methods fit)."""
    with form_fields("votos", method="metodo"):
        if source == "parcial":
            return allocate_partial(system, method=method)
        return allocate_official(system, method=method, explain=True)


def _uploaded(system: str, text: str, name: str, method: str | None) -> ElectionResult:
    """The uploaded votes through ``allocate_file``, the library's reader; errors name the upload."""
    with tempfile.TemporaryDirectory(prefix="curul-upload-") as folder:
        path = Path(folder) / "votes.csv"
        path.write_text(text, encoding="utf-8")
        with form_fields("archivo", method="metodo"):
            try:
                return allocate_file(system, path, method=method, explain=True)
            except InputError as exc:  # the temporary path means nothing to the reader: their name
                raise InputError(
                    name, exc.problem, line=exc.line, column=exc.column, field=exc.field
                ) from None


def _result(
    system: str, source: str, method: str | None, params: Mapping[str, str]
) -> tuple[ElectionResult, str]:
    if params.get("csv"):
        name = Path(params.get("archivo") or "votos.csv").name[:MAX_NAME] or "votos.csv"
        return _uploaded(system, params["csv"], name, method), "archivo"
    if source:
        return _bundled(system, source, method), source
    try:
        return _bundled(system, "oficial", method), "oficial"
    except FieldError:
        try:
            return _bundled(system, "parcial", method), "parcial"
        except FieldError:
            raise FieldError(
                "votos", f"no bundled votes for {system}: upload a votes CSV (district,party,votes)"
            ) from None


def _by_method(
    result: ElectionResult, system: str, source: str, params: Mapping[str, str]
) -> dict[str, ElectionResult]:
    if source == "archivo":
        name = params.get("archivo") or "votos.csv"
        return {m: _uploaded(system, params["csv"], name, m) for m in METHODS}
    return {m: _bundled(system, source, m) for m in METHODS}


def build(request: Request, params: Mapping[str, str]) -> View:
    """The seats view for ``params`` (``sistema``, ``votos``, ``metodo``; ``csv`` and ``archivo`` for
    uploaded votes); a mistake shows beside the form with status 422."""
    lang = language_of(request)
    chosen = {k: params.get(k, "") for k in ("sistema", "votos", "metodo")}
    context: dict[str, object] = {"chosen": chosen, "systems": systems(), "methods": METHODS, "error": None}
    try:
        system, source, method = _check(params)
        result, source = _result(system, source, method, params)
        by_method = _by_method(result, system, source, params)
    except FieldError as exc:
        context["error"] = {"field": exc.field, "message": exc.message}
        data = {"error": {"status": exc.status, "field": exc.field, "message": exc.message}}
        return View("seats.html", "_seats_body.html", context, data, {}, "escanos", status=exc.status)
    if source == "archivo":
        found, data, hemicycle = _shown(result, by_method, lang.t("seats.hemicycle_title"))
    else:  # the same for every request of these parameters: built once
        found, data, hemicycle = _bundled_shown(system, source, method, lang.t("seats.hemicycle_title"))
    chosen |= {"sistema": system, "votos": source, "metodo": method or ""}
    saved = {k: v for k, v in chosen.items() if v}
    if source == "archivo":
        saved |= {"csv": params["csv"], "archivo": params.get("archivo") or "votos.csv"}
    context |= {
        "chosen": chosen,
        "result": result,
        "tables": found,
        "hemicycle": hemicycle,
        "saved_params": saved,
        "upload_name": saved.get("archivo", ""),
    }
    return View("seats.html", "_seats_body.html", context, data, found.as_mapping(), f"escanos-{system}")


def national_seats(result: ElectionResult) -> dict[str, int]:
    """``result.as_dict()["seats"]`` without the rest of ``as_dict()`` (its last-seat margins are most of
    its cost): lists with seats, most seats first, then by name."""
    return {p: n for p, n in sorted(result.seats.items(), key=lambda item: (-item[1], item[0])) if n}


def _shown(
    result: ElectionResult, by_method: Mapping[str, ElectionResult], title: str
) -> tuple[SeatTables, dict[str, Any], Markup]:
    """What the page shows of an allocation: its tables, its JSON twin and the hemicycle."""
    data = result.as_dict() | {"methods_side_by_side": {m: national_seats(r) for m, r in by_method.items()}}
    return tables(result, by_method), data, inline(_hemicycle(result, title), "hemiciclo")


@lru_cache(maxsize=64)
def _bundled_shown(
    system: str, source: str, method: str | None, title: str
) -> tuple[SeatTables, dict[str, Any], Markup]:
    """:func:`_shown` of a bundled allocation, kept (8 systems x 2 sources x 6 methods x 2 languages
    would be 192; the LRU keeps the 64 last)."""
    result = _bundled(system, source, method)
    return _shown(result, {m: _bundled(system, source, m) for m in METHODS}, title)


def _hemicycle(result: ElectionResult, title: str) -> str:
    from curul.viz import hemicycle_svg

    seats = sum(result.seats.values())
    return hemicycle_svg(result.seats, title=f"{title}: {result.system.name}, {seats} ({result.method})")


def seats_page(
    request: Request,
    sistema: System = DEFAULT_SYSTEM,
    votos: Source = None,
    metodo: Method = None,
    lang: Lang = "es",
    table: Table = None,
) -> Response:
    """Seats under a bundled system with the bundled votes: hemicycle, tables, margins, methods."""
    params = {"sistema": sistema, "votos": votos or "", "metodo": metodo or ""}
    return respond(request, build(request, params))


def seats_upload(
    request: Request,
    archivo: Annotated[UploadFile, File(description="Votes CSV: district,party,votes.")],
    sistema: Annotated[str, Form(max_length=64)] = DEFAULT_SYSTEM,
    metodo: Annotated[str, Form(max_length=32)] = "",
    lang: Lang = "es",
) -> Response:
    """Seats under a bundled system with the votes of an uploaded CSV."""
    name = Path(archivo.filename or "votos.csv").name[:MAX_NAME] or "votos.csv"
    try:
        text = decode(name, archivo.file.read())
    except InputError as exc:
        raise FieldError("archivo", str(exc)) from None
    params = {"sistema": sistema, "votos": "archivo", "metodo": metodo, "csv": text, "archivo": name}
    return respond(request, build(request, params))


def seats_svg(
    request: Request,
    sistema: System = DEFAULT_SYSTEM,
    votos: Source = None,
    metodo: Method = None,
    lang: Lang = "es",
) -> Response:
    """The hemicycle as an SVG file, ready for the press."""
    lang_ = language_of(request)
    params = {"sistema": sistema, "votos": votos or "", "metodo": metodo or ""}
    system, source, method = _check(params)
    result, source = _result(system, source, method, params)
    svg = page_svg(_hemicycle(result, lang_.t("seats.hemicycle_title")), "hemiciclo")
    filename = f"hemiciclo-{system}-{result.method}.svg"
    return Response(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n",
        media_type="image/svg+xml",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


page_routes(router, "/escanos", seats_page, "seats")
router.add_api_route("/escanos", seats_upload, methods=["POST"], include_in_schema=False)
router.add_api_route("/escanos.json", seats_upload, methods=["POST"], name="seats_upload_json")
router.add_api_route("/escanos.svg", seats_svg, methods=["GET"], name="seats_svg", response_class=Response)
cacheable("/escanos.svg")

PAGE = Page(
    key="seats",
    path="/escanos",
    aliases=("/seats",),
    title="nav.seats",
    router=router,
    params=("sistema", "votos", "metodo", "csv", "archivo"),
    build=build,
)
