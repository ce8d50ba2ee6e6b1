"""Every chart of the dashboard beside its page: ``/embed/<page>`` (the chart alone, with its title, its
source line and a link back to the page, for an ``<iframe>`` on another site) and its files,
``<page>.svg`` and ``<page>.png``, drawn on the server.

A chart is read from the view its page builds (the same ``build`` the page, its JSON twin and a saved
scenario use) with the same GET parameters, so ``/embed/escanos?sistema=peru-2011&lang=en`` is the
hemicycle of ``/escanos?sistema=peru-2011&lang=en``; a mistake in them is the page's own 422. Embed
pages are the only ones another site may frame (``curul.web._security``). Server-side SVG charts
(hemicycle, power bars, presidents timeline) become PNG, and Vega-Lite charts (forecast, cohesion,
ideal points, a vote's prediction) SVG and PNG, through ``curul.web._export``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup

from curul import __version__
from curul.report import Presentable
from curul.web import _export
from curul.web._cache import cacheable
from curul.web._field_errors import FieldError
from curul.web._i18n import Language
from curul.web._negotiation import View, respond
from curul.web._pages import Page, registry
from curul.web._params import Lang
from curul.web._templates import language_of, render
from curul.web.pages import _rollcalls_data

router = APIRouter()
NOT_FROM_A_URL = ("csv", "archivo")  # an uploaded file's text is never taken from a query string


@dataclass(frozen=True)
class Chart:
    """One chart: the page it belongs to (``page`` key, ``path``), where its view keeps it
    (``key``: SVG markup, or a Vega-Lite spec when ``vega``), its files' name, whether the page module
    already serves its ``.svg``, and the words of its source line."""

    page: str
    path: str
    key: str
    vega: bool
    file: str
    source: Callable[[Mapping[str, Any], View, Language], str]
    has_svg: bool = False
    stamp: Callable[[], Hashable] | None = None

    @property
    def embed(self) -> str:
        return "/embed" + self.path


def _seats(data: Mapping[str, Any], view: View, lang: Language) -> str:
    votes = lang.t("seats.votes_" + (view.context["chosen"].get("votos") or "auto"))
    return lang.t("embed.source_seats", system=data["system"], votes=votes, laws="; ".join(data["laws"]))


def _power(data: Mapping[str, Any], view: View, lang: Language) -> str:
    return lang.t("embed.source_power", composition=data["power"]["composition"])


def _history(data: Mapping[str, Any], view: View, lang: Language) -> str:
    return lang.t("embed.source_history")


def _forecast(data: Mapping[str, Any], view: View, lang: Language) -> str:
    cutoff = lang.date(data["cutoff"]) if data.get("cutoff") else "—"
    sims = lang.number(data["sims"]) if data.get("sims") else "—"
    return lang.t("embed.source_forecast", election=data["election"], cutoff=cutoff, sims=sims)


def _rollcalls(data: Mapping[str, Any], view: View, lang: Language) -> str:
    return lang.t("embed.source_rollcalls", source=data.get("source", ""))


CHARTS: tuple[Chart, ...] = (
    Chart("seats", "/escanos", "hemicycle", False, "hemiciclo", _seats, has_svg=True),
    Chart("power", "/poder", "chart", False, "poder", _power, has_svg=True),
    Chart("history", "/historia", "timeline", False, "linea-tiempo", _history),
    Chart("forecast", "/pronostico", "spec", True, "pronostico", _forecast),
    Chart("rollcalls", "/votaciones", "spec", True, "cohesion", _rollcalls, stamp=_rollcalls_data.stamp),
    Chart("ideal_points", "/votaciones/puntos-ideales", "spec", True, "puntos-ideales", _rollcalls,
          stamp=_rollcalls_data.stamp),
    Chart("prediction", "/votaciones/prediccion", "spec", True, "prediccion", _rollcalls,
          stamp=_rollcalls_data.stamp),
)  # fmt: skip


def _view(request: Request, chart: Chart) -> tuple[Page, View, Any]:
    """The chart's page, the view its GET parameters build, and the chart in it (a 422 or 404 when the
    parameters are wrong or the page has no chart for them)."""
    page = registry().get(chart.page)
    if page is None:  # pragma: no cover - CHARTS names registered pages (a test checks)
        raise FieldError(None, f"no page {chart.page!r}", status=404)
    view = page.build(request, _query(request, page))
    error = view.context.get("error") if isinstance(view.context, Mapping) else None
    if view.status != 200 and error:
        raise FieldError(error["field"], error["message"], status=view.status)
    found = view.context.get(chart.key)
    if not found:
        lang = language_of(request)
        raise FieldError(None, lang.t("embed.no_chart"), status=404)
    return page, view, found


def _title(found: Any, vega: bool) -> str:
    if vega:
        title = found.get("title")
        return str(title.get("text") if isinstance(title, Mapping) else title or found.get("description", ""))
    node = ET.fromstring(str(found)).find("{*}title")
    return (node.text or "") if node is not None else ""


def _query(request: Request, page: Page) -> dict[str, str]:
    return {k: v for k, v in request.query_params.items() if k in page.params and k not in NOT_FROM_A_URL}


def _embed(chart: Chart) -> Callable[[Request], Response]:
    def embed(request: Request) -> Response:
        page, view, found = _view(request, chart)
        lang = language_of(request)
        data = view.data.as_dict() if isinstance(view.data, Presentable) else view.data
        query = _query(request, page)
        context = {
            "chart_title": _title(found, chart.vega),
            "page_title": lang.t(page.title),
            "svg": None if chart.vega else Markup(found),
            "spec": found if chart.vega else None,
            "chart_id": chart.file,
            "source": lang.t("embed.source", version=__version__) + " " + chart.source(data, view, lang),
            "back": lang.href(chart.path, **query),
            "svg_href": lang.href(chart.path + ".svg", **query),
            "png_href": lang.href(chart.path + ".png", **query),
        }
        return render(request, "embed.html", context)

    embed.__doc__ = f"The chart of {chart.path} alone, for an iframe."
    return embed


def _file_name(chart: Chart, view: View, suffix: str) -> str:
    return f"{chart.file}-{view.name}.{suffix}".replace("/", "-")


def _svg(chart: Chart) -> Callable[[Request], Response]:
    def svg(request: Request) -> Response:
        _, view, found = _view(request, chart)
        text = _export.vega_svg(found, language_of(request).code) if chart.vega else str(found)
        return Response(
            _export.XML_DECLARATION + text + "\n",
            media_type="image/svg+xml",
            headers={"Content-Disposition": f'attachment; filename="{_file_name(chart, view, "svg")}"'},
        )

    return svg


def _png(chart: Chart) -> Callable[[Request], Response]:
    def png(request: Request) -> Response:
        _, view, found = _view(request, chart)
        lang = language_of(request).code
        body = _export.vega_png(found, lang) if chart.vega else _export.svg_png(str(found))
        return Response(
            body,
            media_type="image/png",
            headers={"Content-Disposition": f'attachment; filename="{_file_name(chart, view, "png")}"'},
        )

    return png


for _chart in CHARTS:
    routes = [(_chart.embed, _embed(_chart)), (_chart.path + ".png", _png(_chart))]
    if not _chart.has_svg:
        routes.append((_chart.path + ".svg", _svg(_chart)))
    for _path, _endpoint in routes:
        router.add_api_route(_path, _endpoint, methods=["GET"], include_in_schema=False)
        cacheable(_path, _chart.stamp)


def build(request: Request, params: Mapping[str, str]) -> View:
    """The list of charts with their embed and file links (``/embed/``)."""
    lang = language_of(request)
    pages = {p.key: p for p in registry().pages}
    rows = [(lang.t(pages[c.page].title), c.path, c.embed) for c in CHARTS if c.page in pages]
    data = {
        "charts": [
            {"page": c.page, "path": c.path, "embed": c.embed, "svg": c.path + ".svg", "png": c.path + ".png"}
            for c in CHARTS
        ]
    }
    return View("embed_index.html", "embed_index.html", {"rows": rows}, data, {}, "graficos")


def charts_index(request: Request, lang: Lang = "es") -> Response:
    """The charts with their embed pages and files (HTML, or JSON with ``Accept: application/json``)."""
    return respond(request, build(request, {}))


router.add_api_route("/embed/", charts_index, methods=["GET"], include_in_schema=False)
cacheable("/embed/")

PAGE = Page(key="charts", path="/embed/", title="embed.title", router=router, build=build, menu=False)
