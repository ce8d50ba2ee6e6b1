"""The page registry: every page of the dashboard is one module under ``curul/web/pages/`` that
defines ``PAGE``, a :class:`Page`; :data:`PAGE_MODULES` lists them in menu order. Adding a page is
adding its module and one line here (docs/web.md walks through it).

A page has a Spanish path (``/historia``) and English aliases (``/history``) that redirect to it with
the query kept; its routes answer HTML, ``.json`` and ``.csv`` (see ``_negotiation``); ``params`` are
the GET parameters it reads, the only ones a saved scenario keeps.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from curul.web._cache import cacheable

if TYPE_CHECKING:
    from curul.web._negotiation import View

PAGE_MODULES: tuple[str, ...] = (
    "curul.web.pages.today",
    "curul.web.pages.history",
    "curul.web.pages.seats",
    "curul.web.pages.scenario",
    "curul.web.pages.power",
    "curul.web.pages.forecast",
    "curul.web.pages.methodology",
    "curul.web.pages.backtests",
    "curul.web.pages.rollcalls",
    "curul.web.pages.ideal",
    "curul.web.pages.prediction",
    "curul.web.pages.api",
    "curul.web.pages.charts",
)


@dataclass(frozen=True)
class Page:
    """One page: ``key`` (stable, stored in saved scenarios), its path and English aliases, the message
    key of its menu title, the router holding its routes, ``build`` (the page's view from its parameters:
    what ``/s/<hash>`` calls with a saved scenario's) and the parameters it reads."""

    key: str
    path: str
    title: str
    router: APIRouter
    build: Callable[[Request, Mapping[str, str]], View]
    aliases: tuple[str, ...] = ()
    params: tuple[str, ...] = ()
    menu: bool = True


@dataclass(frozen=True)
class Registry:
    pages: tuple[Page, ...]

    def get(self, key: str) -> Page | None:
        return next((p for p in self.pages if p.key == key), None)


@cache
def registry() -> Registry:
    """Every page of :data:`PAGE_MODULES`, in order (each module's ``PAGE``)."""
    pages = tuple(importlib.import_module(name).PAGE for name in PAGE_MODULES)
    keys = [p.key for p in pages]
    if len(set(keys)) != len(keys):
        raise RuntimeError(f"two pages share a key: {keys}")
    return Registry(pages)


def page_routes(
    router: APIRouter,
    path: str,
    endpoint: Callable[..., Response],
    name: str,
    stamp: Callable[[], Hashable] | None = None,
) -> None:
    """``endpoint`` at ``path`` (HTML, kept out of the OpenAPI schema), ``path.json`` and ``path.csv``,
    their GET answers cached (``curul.web._cache``; ``stamp`` as there)."""
    router.add_api_route(path, endpoint, methods=["GET"], name=name, include_in_schema=False)
    for route in (path, f"{path}.json", f"{path}.csv"):
        cacheable(route, stamp)
    for suffix in ("json", "csv"):
        router.add_api_route(
            f"{path}.{suffix}",
            endpoint,
            methods=["GET"],
            name=f"{name}_{suffix}",
            response_class=Response,
            summary=f"{name} as {suffix.upper()}",
        )


def _redirect(target: str) -> Callable[[Request], Response]:
    def redirect(request: Request) -> Response:
        query = request.url.query
        suffix = next((s for s in (".json", ".csv") if request.url.path.endswith(s)), "")
        return RedirectResponse(target + suffix + ("?" + query if query else ""), status_code=308)

    return redirect


def mount(app: FastAPI) -> None:
    """Include every page's router, and its aliases as redirects."""
    for page in registry().pages:
        app.include_router(page.router)
        for alias in page.aliases:
            for suffix in ("", ".json", ".csv"):
                app.add_api_route(
                    alias + suffix, _redirect(page.path), methods=["GET"], include_in_schema=False
                )
