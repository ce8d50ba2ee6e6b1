"""The ``curul`` command: one Typer app, one module per command group, registered statically.

This package is the only one that knows the terminal (typer, Rich). Each group module parses options,
calls the library and prints the result's ``as_dict()`` (``--json``) or its report; the domain packages
are imported inside the commands, so ``curul --version`` and ``curul --help`` start without numpy,
pandas, scipy or pydantic. A mistake in the user's input (a :class:`curul.errors.CurulError`) is printed
as one line on stderr with exit status 2.

The command modules do without ``from __future__ import annotations``: typer reads every command's
signature on each start, and string annotations cost it ``typing.get_type_hints`` evaluations (about
70 ms of every cold start here, three quarters of building the command tree); names imported only for
type checking are quoted instead.
"""

from curul.cli._app import app, main

__all__ = ["app", "main"]
