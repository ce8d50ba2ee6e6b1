"""Where saved scenarios live and how the schema gets there.

The database is named by a SQLAlchemy URL: ``--db URL`` first, then ``CURUL_DATABASE_URL``
(``postgresql+psycopg://user@host/db`` with the ``postgres`` extra), else a SQLite file in the user's
data folder (``scenarios.sqlite3`` under ``platformdirs.user_data_dir("curul")``, created for the
program's own use). The schema is Alembic's: the migrations ship inside the package
(``curul/web/migrations``), written with ``render_as_batch`` so they also alter SQLite tables, and
:func:`upgrade` brings a database to the newest one (``curul db upgrade``, and at every start).
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError as UrlError

from curul.errors import ArgumentError

ENV = "CURUL_DATABASE_URL"
SQLITE_NAME = "scenarios.sqlite3"


def default_sqlite() -> Path:
    """The default SQLite file: the user's data folder for curul (created when first needed)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("curul", appauthor=False)) / SQLITE_NAME


def database_url(explicit: str | None = None) -> str:
    """The URL to use: ``explicit``, then ``$CURUL_DATABASE_URL``, then the default SQLite file."""
    url = explicit or os.environ.get(ENV) or ""
    if not url:
        return f"sqlite:///{default_sqlite()}"
    try:
        parsed = make_url(url)
    except UrlError:
        raise ArgumentError("database_url", "{name}: not a database URL: " + repr(url)) from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ArgumentError("database_url", "{name}: only sqlite:/// and postgresql+psycopg:// are supported")
    return url


def engine_for(url: str) -> Engine:
    """An engine for ``url``; a SQLite file's folder must exist, except the default one, made here."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            path = Path(database)
            if path == default_sqlite():
                path.parent.mkdir(parents=True, exist_ok=True)
            elif not path.parent.is_dir():
                raise ArgumentError("database_url", f"{{name}}: the folder {path.parent} does not exist")
        engine = create_engine(url, connect_args={"check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _pragmas(connection, _record):
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Apply the shipped migrations up to ``revision``; returns the revision the database is now at."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext

    config = Config()
    config.set_main_option("script_location", "curul.web:migrations")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
