"""Help names what an option takes in words, never a Python type, and a flag shows no value.
(Arguments keep typer's own type note beside their name.)"""

from __future__ import annotations

import re

import pytest

from curul.cli import main
from curul.cli._app import command


def _paths(node, prefix=()):
    yield prefix
    for name, child in getattr(node, "commands", {}).items():
        yield from _paths(child, (*prefix, name))


PATHS = list(_paths(command()))


def test_every_command_is_reached():
    assert ("seats",) in PATHS and ("rollcalls", "predict") in PATHS and len(PATHS) > 20


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) or "curul" for p in PATHS])
def test_help_shows_no_python_types(path, capsys):
    try:
        main([*path, "--help"])
    except SystemExit as done:  # a status of 0 may also be raised
        assert done.code in (0, None)
    out = capsys.readouterr().out
    assert out.startswith("Usage: curul")
    options = out.split("Options:", 1)[1]
    assert not re.search(r"<[A-Za-z\[\]]+>", options), options
    # every command that prints a result offers --json; `curul serve` prints none (it serves until Ctrl-C)
    assert "--json  " in out or not path or "COMMAND" in out or path == ("serve",)
