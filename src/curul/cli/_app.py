"""The Typer app with every command group registered, and the console-script entry point."""

from __future__ import annotations

import sys

import typer

from curul import __version__
from curul.cli import congress, constitution, data, elections, forecast, history, rollcalls
from curul.errors import ArgumentError, CurulError

app = typer.Typer(
    name="curul",
    help="Peru's political system as executable, checkable code.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
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


for _group in (data, elections, constitution, history, congress, rollcalls, forecast):
    _group.register(app)


def _error(message: str) -> None:
    from rich.markup import escape

    from curul.cli._output import err_console

    err_console().print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: user mistakes become one line and exit status 2."""
    try:
        app(args=argv, standalone_mode=False)
    except ArgumentError as exc:
        from curul.cli._options import option_name

        _error(exc.naming(option_name(exc.argument)))
        sys.exit(2)
    except CurulError as exc:
        _error(str(exc))
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        from curul.cli._output import err_console

        err_console().print("aborted")
        sys.exit(1)
    except Exception as exc:
        # Usage errors (missing argument, bad option value) come from click, which typer may vendor:
        # recognise them by their interface and print them on one line like every other user mistake.
        code = getattr(exc, "exit_code", None)
        format_message = getattr(exc, "format_message", None)
        if callable(format_message) and isinstance(code, int):
            _error(format_message())
            sys.exit(code)
        raise
