"""Errors that are the user's to fix: the CLI prints them on one line and exits with status 2."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ArgumentError", "CurulError", "InputError"]


class CurulError(Exception):
    """A problem with the user's input or request, reported without a traceback."""


class InputError(CurulError):
    """A problem at a place in an input file: ``file:line:column: field: problem``."""

    def __init__(
        self,
        path: str | Path,
        problem: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        self.column = column
        self.field = field
        where = self.path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        if field:
            where += f": {field}"
        super().__init__(f"{where}: {problem}")


class ArgumentError(CurulError):
    """A bad value for one argument of a library function.

    The library names the argument (``cutoff``); each interface names its own way of giving it (the
    command line's ``--cutoff``, a form field on the web). ``message`` may place the name with ``{name}``;
    without it the message reads ``name: message``.
    """

    def __init__(self, argument: str, message: str) -> None:
        self.argument = argument
        self.message = message if "{name}" in message else "{name}: " + message
        super().__init__(self.naming(argument))

    def naming(self, name: str) -> str:
        """The message with the argument called ``name``."""
        return self.message.replace("{name}", name)
