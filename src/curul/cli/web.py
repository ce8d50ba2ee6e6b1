"""``curul serve`` (the dashboard, on loopback by default) and ``curul db upgrade`` (the saved-scenario
database brought to the newest schema). The web stack is imported inside the commands only, so
``curul --help`` loads none of it."""

import typer

from curul.cli._options import JSON_OPTION, options

DB_HELP = (
    "Database URL for saved scenarios (default: $CURUL_DATABASE_URL, else a SQLite file in the user data "
    "folder), e.g. sqlite:///scenarios.sqlite3 or postgresql+psycopg://user@host/curul."
)


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(
        1,
        "--workers",
        min=1,
        max=64,
        help="Server processes (each with its own caches; 2 on a 2-core machine doubles the throughput "
        "of cached answers, and lets two forecasts run at once).",
    ),
) -> None:
    """Start the dashboard (migrating its database first) and serve it until Ctrl-C."""
    import os

    import uvicorn

    from curul.web import create_app, database_url, upgrade
    from curul.web._database import engine_for

    settings = {"host": host, "port": port, "log_level": "warning", "server_header": False}
    if workers == 1:
        with options(database="--db", database_url="--db"):
            app = create_app(db)
        print(f"curul dashboard on http://{host}:{port}/ (Ctrl-C stops it)", flush=True)
        uvicorn.run(app, **settings)  # type: ignore[arg-type]
        return
    with options(database="--db", database_url="--db"):
        url = database_url(db)
        upgrade(engine_for(url))  # once, here: the workers start on a migrated database
    os.environ["CURUL_DATABASE_URL"] = url  # what each worker's app reads
    print(f"curul dashboard on http://{host}:{port}/ with {workers} workers (Ctrl-C stops it)", flush=True)
    uvicorn.run("curul.web._app:worker_app", factory=True, workers=workers, **settings)  # type: ignore[arg-type]


def upgrade_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP), as_json: bool = JSON_OPTION
) -> None:
    """Create or migrate the saved-scenario database to the newest schema."""
    from sqlalchemy.engine import make_url

    from curul.report import to_json
    from curul.web import database_url, upgrade
    from curul.web._database import engine_for

    with options(database_url="--db"):
        url = database_url(db)
        revision = upgrade(engine_for(url))
    shown = make_url(url).render_as_string(hide_password=True)
    print(
        to_json({"database": shown, "revision": revision}) if as_json else f"database at revision {revision}"
    )


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    db = typer.Typer(help="The dashboard's saved-scenario database.", no_args_is_help=True)
    db.command("upgrade")(upgrade_command)
    app.add_typer(db, name="db")
