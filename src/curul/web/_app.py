"""The dashboard's application: ``create_app()`` builds the FastAPI app over the library, with the
pages of the registry, the permalinks, the static files, the error handlers and the security layers.

The database is migrated when the app is created (as ``curul db upgrade`` does), so a fresh SQLite
file or PostgreSQL database is ready at the first request.
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from curul import __version__
from curul.web import _errors
from curul.web._cache import LruStore, ResponseCache
from curul.web._database import database_url, engine_for, upgrade
from curul.web._pages import mount, registry
from curul.web._params import Lang
from curul.web._permalinks import router as permalinks
from curul.web._security import BodyLimit, SecurityHeaders
from curul.web._store import ScenarioStore
from curul.web._templates import render


def home(request: Request, lang: Lang = "es") -> Response:
    """The list of pages (until a page takes ``/`` for itself)."""
    return render(request, "index.html", {})


def create_app(database: str | None = None, *, migrate: bool = True) -> FastAPI:
    """The dashboard over the database at ``database`` (see ``_database.database_url``)."""
    app = FastAPI(
        title="curul",
        version=__version__,
        description="Peru's political system as executable, checkable code: the dashboard's JSON and CSV.",
        docs_url=None,
        redoc_url=None,
    )
    engine = engine_for(database_url(database))
    if migrate:
        upgrade(engine)
    app.state.store = ScenarioStore(engine)
    _errors.install(app)
    static = resources.files("curul.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    mount(app)
    if not any(page.path == "/" for page in registry().pages):
        app.add_api_route("/", home, methods=["GET"], include_in_schema=False)
    app.include_router(permalinks)
    app.state.response_cache = LruStore()
    # inside the security headers, so that a replayed answer gets them too
    app.add_middleware(ResponseCache, store=app.state.response_cache)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit)
    return app


def worker_app() -> FastAPI:
    """The app of one ``curul serve --workers N`` process: the database of ``$CURUL_DATABASE_URL``,
    already migrated by the parent process (N migrations at once could race on one SQLite file)."""
    return create_app(None, migrate=False)
