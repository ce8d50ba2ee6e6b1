"""The Typer app with every command group registered, and the console-script entry point."""

from __future__ import annotations

import sys
from typing import Any

import typer
import typer.main

from curul import __version__
from curul.cli import congress, constitution, data, elections, forecast, history, rollcalls, web
from curul.errors import ArgumentError, CurulError, InputError

app = typer.Typer(
    name="curul",
    help="Peru's political system as executable, checkable code.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: it pipes and wraps like any other text, and names no Python types.
    rich_markup_mode=None,
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


for _group in (data, elections, constitution, history, congress, rollcalls, forecast, web):
    _group.register(app)


def _error(message: str, as_json: bool, details: dict[str, object] | None = None) -> None:
    """One line on stderr: ``error: ...`` for people, ``{"error": {...}}`` with ``--json``."""
    if as_json:
        import json

        print(
            json.dumps({"error": {"message": message, **(details or {})}}, ensure_ascii=False),
            file=sys.stderr,
        )
        return
    from rich.markup import escape

    from curul.cli._output import err_console

    # No emoji codes either: a location such as "members.csv:100:1" would print as "members.csv💯1".
    err_console().print(
        f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True, emoji=False
    )


def _details(exc: CurulError) -> dict[str, object]:
    if isinstance(exc, InputError):
        return {
            "file": exc.path,
            "line": exc.line,
            "column": exc.column,
            "field": exc.field,
            "problem": exc.problem,
        }
    return {}


class _Flag:
    """A flag's value as given (True, False, or None when absent), in place of typer's coercion.

    typer builds a pydantic adapter to coerce a parameter's value the first time one is processed, and
    a group's ``--help`` (None unless given) is processed on every run of a subcommand: importing
    pydantic for it alone made ``curul threshold --help`` take twice as long as ``curul --help``.
    typer's own coercion returns a flag's True, False or None unchanged, as this does.
    """

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        return value


_FLAG = _Flag()


def _plain_flags(node: Any) -> None:
    """Give the flags of ``node`` (its ``--help`` included) :class:`_Flag` coercion, where typer allows."""
    helper = node.get_help_option(typer.Context(node)) if hasattr(node, "get_help_option") else None
    for param in [*node.params, *([helper] if helper is not None else [])]:
        descriptor = getattr(param, "type_descriptor", None)
        if getattr(descriptor, "annotation", None) is bool and hasattr(param, "_runtime_param"):
            param._runtime_param = _FLAG


def command() -> Any:
    """The click command tree of :data:`app`, with help that names no Python types: a flag shows no
    value, and an option or argument without an explicit ``metavar`` shows its own name
    (``--cutoff CUTOFF``, ``YEAR``)."""
    root = typer.main.get_command(app)
    stack = [root]
    while stack:
        node = stack.pop()
        _plain_flags(node)
        for param in node.params:
            kind = getattr(param, "param_type_name", "")
            if kind not in ("option", "argument") or param.metavar is not None:
                continue
            flag = getattr(param, "is_flag", False) or getattr(param, "count", False)
            name = (param.name or "value").rstrip("_").upper()
            param.metavar = (
                "" if flag else (f"{name}..." if kind == "argument" and param.nargs == -1 else name)
            )
        stack.extend(getattr(node, "commands", {}).values())
    return root


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point. Exit status: 0 success, 2 a user mistake (one line on stderr), 130
    interrupted (Ctrl-C: "aborted" on stderr), 1 only for a bug (with its traceback)."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args == ["--version"]:  # answered before typer builds the command tree (a third of a cold start)
        print(f"curul {__version__}")
        return
    as_json = "--json" in args
    try:
        # Outside standalone mode typer returns the exit status instead of raising it (130 after Ctrl-C).
        status = command().main(args=args, prog_name="curul", standalone_mode=False)
        if isinstance(status, int) and status != 0:
            if status == 130:
                print("aborted", file=sys.stderr)
            sys.exit(status)
    except ArgumentError as exc:
        from curul.cli._options import option_name

        option = option_name(exc.argument)
        _error(exc.naming(option), as_json, {"option": option})
        sys.exit(2)
    except CurulError as exc:
        _error(str(exc), as_json, _details(exc))
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        print("aborted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        # Usage errors (missing argument, bad option value) come from click, which typer may vendor:
        # recognise them by their interface and print them on one line like every other user mistake.
        code = getattr(exc, "exit_code", None)
        format_message = getattr(exc, "format_message", None)
        if callable(format_message) and isinstance(code, int):
            _error(format_message(), as_json)
            sys.exit(code)
        raise
