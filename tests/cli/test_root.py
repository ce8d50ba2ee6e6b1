"""The root command: help, version, JSON everywhere, and one-line errors for user mistakes."""

from __future__ import annotations

import json

import curul


def test_version(curul_cli):
    result = curul_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"curul {curul.__version__}"


def test_help_lists_commands(curul_cli):
    result = curul_cli("--help")
    assert result.returncode == 0
    for command in ("data", "results"):
        assert command in result.stdout


def test_unknown_dataset_is_one_line_exit_2(curul_cli):
    result = curul_cli("data", "show", "no-such-dataset")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "unknown dataset 'no-such-dataset'" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_usage_error_exit_2(curul_cli):
    result = curul_cli("results")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_results_unknown_year(curul_cli):
    result = curul_cli("results", "1995")
    assert result.returncode == 2
    assert "no bundled Congress results for 1995" in result.stderr


def test_data_list_json_is_stable(curul_cli):
    result = curul_cli("data", "list", "--json")
    assert result.returncode == 0
    payload = json.loads(result.stdout)
    assert set(payload) == {"datasets"}
    for item in payload["datasets"]:
        assert set(item) == {"name", "rows", "description", "file", "columns", "sources"}
        assert item["rows"] > 0 and item["sources"]


def test_starting_the_command_does_not_load_the_roll_call_stack():
    """pandas and scipy load only for the commands that use them (``curul --help`` stays quick)."""
    import subprocess
    import sys

    code = "import sys, curul.cli; print(sorted(m for m in ('pandas', 'scipy') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_starting_the_command_does_not_load_the_file_readers():
    """The input readers (CSV, TOML, cells: a fifth of ``curul --version``'s own import time) load with
    the first command that reads a file or checks a date, not at start-up."""
    import subprocess
    import sys

    code = "import sys, curul.cli; print(sorted(m for m in sys.modules if m.startswith('curul.inputs')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_no_help_loads_the_scientific_stack():
    """Every command's --help, run one after another in one interpreter, imports none of the heavy
    packages (typer's pydantic coercion included) nor ``importlib.metadata``."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from curul.cli import main\n"
        "from curul.cli._app import command\n"
        "def paths(node, prefix=()):\n"
        "    yield prefix\n"
        "    for name, child in getattr(node, 'commands', {}).items():\n"
        "        yield from paths(child, (*prefix, name))\n"
        "every = list(paths(command()))\n"
        "for path in every:\n"
        "    try:\n"
        "        main([*path, '--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('numpy', 'pandas', 'scipy', 'pydantic', 'matplotlib', 'numba', 'importlib.metadata')\n"
        "print('LOADED', len(every), sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    count, loaded = done.stdout.strip().splitlines()[-1].split(" ", 2)[1:]
    assert int(count) > 20 and loaded == "[]"


def test_command_modules_keep_annotations_cheap_for_typer():
    """typer evaluates string annotations on every start: the command modules keep real ones."""
    from pathlib import Path

    import curul.cli

    folder = Path(curul.cli.__file__).parent
    commands = [p for p in folder.glob("*.py") if not p.name.startswith("_")]
    assert len(commands) >= 7
    assert [p.name for p in commands if "from __future__ import annotations" in p.read_text("utf-8")] == []


def test_an_error_location_is_printed_as_written(curul_cli, tmp_path):
    # Line 100 of a file: Rich would turn ":100:" into an emoji if the message were not printed plainly.
    rows = [f"G{i},1" for i in range(1, 99)] + ["G1,1"]
    path = tmp_path / "groups.csv"
    path.write_text("group,seats\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = curul_cli("power", "-c", str(path), "-t", "50")
    assert result.returncode == 2
    assert f"{path}:100:" in result.stderr and "\U0001f4af" not in result.stderr
