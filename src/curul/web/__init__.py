"""The dashboard: curul in the browser (``curul serve``), a peer of ``curul.cli`` over the same library.

Server-rendered pages in Spanish and English, each with a JSON twin and CSV tables; saved scenarios in
SQLite or PostgreSQL behind short permalinks. ``create_app()`` builds the application; ``Page`` and
``PAGE_MODULES`` are the registry a new page joins (docs/web.md).
"""

from curul.web._app import create_app
from curul.web._database import database_url, upgrade
from curul.web._pages import PAGE_MODULES, Page

__all__ = ["PAGE_MODULES", "Page", "create_app", "database_url", "upgrade"]
