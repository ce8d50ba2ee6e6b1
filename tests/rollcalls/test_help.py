"""The roll-call commands' help is written out (so `curul --help` loads no pandas); it must name what
the library accepts."""

from __future__ import annotations

import typer.main

from curul.cli.rollcalls import rollcalls_app
from curul.rollcalls import FREQUENCIES, MOTION_KINDS


def _help(command: str, option: str) -> str:
    group = typer.main.get_command(rollcalls_app)
    params = group.commands[command].params  # type: ignore[attr-defined]
    return next(p for p in params if p.name == option).help


def test_frequencies_in_the_help():
    for freq in FREQUENCIES:
        assert freq in _help("cohesion", "freq")


def test_kinds_in_the_help_are_kinds():
    for text in (_help("votes", "kind"), _help("predict", "kind")):
        named = text.split("(")[1].split(")")[0].replace("…", "").split(",")
        assert {k.strip() for k in named if k.strip()} <= set(MOTION_KINDS)
