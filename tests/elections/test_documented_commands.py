"""The ``curul apportion`` commands the README and docs/elections.md show run as shown.

A line ``$ curul ...`` in a code block is run; the lines after it, up to the next command, are its
documented output: an ``error: ...`` line must be the whole of stderr with exit status 2, any other
line (``...`` aside) must be in the output, with status 0. A README synopsis line with no placeholder
(``curul apportion --set TUMBES=181317 ...  # → "TEXT"``) must run with status 0 and print TEXT.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from curul.cli import main

ROOT = Path(__file__).resolve().parents[2]
BLOCK = re.compile(r"```\n(.*?)```", re.S)


def _documented(path: Path) -> list[tuple[str, list[str]]]:
    """(command, documented output lines) for every ``$ curul apportion`` in the file's code blocks."""
    found: list[tuple[str, list[str]]] = []
    for block in BLOCK.findall(path.read_text(encoding="utf-8")):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            elif found and found[-1][0] and not line.startswith("curul "):
                found[-1][1].append(line)
    return [(c, out) for c, out in found if c.startswith("curul apportion")]


def _synopsis(path: Path) -> list[tuple[str, str]]:
    """(command, promised text) for every runnable ``curul apportion`` line of the README's blocks."""
    out = []
    for block in BLOCK.findall(path.read_text(encoding="utf-8")):
        for line in block.splitlines():
            command, _, comment = line.partition("#")
            if command.startswith("curul apportion") and not re.search(r"[\[(]|ELECTORS|FILE", command):
                promised = re.search(r'→ "([^"]+)"', comment)
                out.append((command.strip(), promised.group(1) if promised else ""))
    return out


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


DOCS = _documented(ROOT / "docs" / "elections.md")
README = _synopsis(ROOT / "README.md")


def test_the_docs_show_apportion_commands():
    assert len(DOCS) >= 2 and README  # the working call and the refusal; the README's example


@pytest.mark.parametrize(("command", "documented"), DOCS, ids=[c for c, _ in DOCS])
def test_a_documented_apportion_command_prints_what_the_docs_show(capsys, command, documented):
    code, out, err = run(shlex.split(command)[1:], capsys)
    shown = [line for line in documented if line.strip() and line.strip() != "..."]
    if shown and shown[0].startswith("error: "):
        assert (code, err) == (2, shown[0] + "\n")
    else:
        assert code == 0, err
        for line in shown:
            assert line in out


@pytest.mark.parametrize(("command", "promised"), README, ids=[c for c, _ in README])
def test_the_readme_apportion_command_runs(capsys, command, promised):
    code, out, err = run(shlex.split(command)[1:], capsys)
    assert code == 0, err
    assert promised in out
