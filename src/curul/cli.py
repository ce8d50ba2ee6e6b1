"""The ``curul`` command: one Typer app; each package adds its commands through ``register(app)``.

Every command prints a Rich view for people and takes ``--json`` for scripts. A mistake in the
user's input (a :class:`curul.errors.CurulError`) is printed as one line on stderr with exit status 2.
"""

from __future__ import annotations

import importlib
import sys

import typer
from rich.markup import escape

from curul import __version__
from curul.errors import CurulError
from curul.output import err_console

app = typer.Typer(
    name="curul",
    help="Peru's political system as executable, checkable code.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Packages that contribute commands; each module defines ``register(app: typer.Typer) -> None``.
COMMAND_MODULES = (
    "curul.data._commands",
    "curul.elections._commands",
    "curul.constitution._commands",
    "curul.history._commands",
    "curul.congress._commands",
    "curul.forecast._commands",
)


def _version(value: bool) -> None:
    if value:
        print(f"curul {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Peru's political system as executable, checkable code."""


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):  # that package has no commands yet
                continue
            raise
        module.register(app)


_register_all()


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: user mistakes become one line and exit status 2."""
    try:
        app(args=argv, standalone_mode=False)
    except CurulError as exc:
        err_console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err_console.print("aborted")
        sys.exit(1)
    except Exception as exc:
        # Usage errors (missing argument, bad option value) come from click, which typer may vendor:
        # recognise them by their interface and print them on one line like every other user mistake.
        if hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int):
            err_console.print(
                f"[bold red]error:[/] {escape(exc.format_message())}", highlight=False, soft_wrap=True
            )
            sys.exit(exc.exit_code)
        raise
