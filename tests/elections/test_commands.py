"""`curul seats` and `curul systems` through the real entry point, good input and bad."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from curul.cli import main

CURUL = Path(sys.executable).with_name("curul")


def run(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err


def ok(argv, capsys):
    try:
        main(argv)
    except SystemExit as exc:
        assert exc.code in (0, None)
    return capsys.readouterr().out


def test_official_2016_json_reproduces_every_district(capsys, tmp_path):
    svg = tmp_path / "out" / "2016.svg"
    (tmp_path / "out").mkdir()
    argv = ["seats", "--system", "peru-2016", "--official", "--json", "--svg", str(svg)]
    data = json.loads(ok(argv, capsys))
    assert data["system"] == "peru-2016" and data["method"] == "dhondt"
    assert data["seats"] == {
        "FUERZA POPULAR": 73,
        "EL FRENTE AMPLIO POR JUSTICIA, VIDA Y LIBERTAD": 20,
        "PERUANOS POR EL KAMBIO": 18,
        "ALIANZA PARA EL PROGRESO DEL PERU": 9,
        "ACCION POPULAR": 5,
        "ALIANZA POPULAR": 5,
    }
    assert data["official"]["matches"] and data["official"]["districts_matching"] == 26
    assert len(data["districts"]) == 26 and data["ties"] == [] and data["undecided"] == 0
    assert set(data["threshold"]) == {"rule", "passed", "failed", "why"}
    assert set(data["indices"]) == {"gallagher", "loosemore_hanby", "enp_votes", "enp_seats"}
    assert svg.read_text(encoding="utf-8").count("<circle") == 130


def test_human_output_and_subprocess_entry_point():
    assert CURUL.exists(), f"the console script should be installed beside the interpreter: {CURUL}"
    done = subprocess.run(
        [str(CURUL), "seats", "--system", "peru-2016", "--official"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "reproduced" in done.stdout and "26 of 26" in done.stdout


def _votes(tmp_path, text, name="votes.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_votes_file_with_methods_ties_and_aliases(capsys, tmp_path):
    path = _votes(
        tmp_path,
        "district,party,votes,note\nLima,A,600,x\nlima provincias,B,300,y\nLIMA PROVINCIAS,C,300,z\n",
    )
    data = json.loads(ok(["seats", "--system", "peru-2016", "--votes", path, "--json"], capsys))
    # Lima's 36 seats all go to A; Lima Provincias (4) splits 2-2 between B and C; other districts undecided
    assert data["districts"]["LIMA + RESIDENTES EN EL EXTRANJERO"] == {"A": 36}
    assert data["districts"]["LIMA PROVINCIAS"] == {"B": 2, "C": 2}
    assert data["undecided"] == 130 - 40
    tie_path = _votes(tmp_path, "district,party,votes\nMADRE DE DIOS,A,10\nMADRE DE DIOS,B,10\n", "tie.csv")
    tied = json.loads(ok(["seats", "--system", "peru-2016", "--votes", tie_path, "--json"], capsys))
    final = [t for t in tied["ties"] if t["stage"] == "final"]
    assert final[0]["lists"] == ["A", "B"] and final[0]["winners"] == [] and final[0]["resolved_by"] is None
    argv = ["seats", "--system", "peru-2016", "--votes", tie_path, "--json", "--tie-break", "3"]
    drawn = json.loads(ok(argv, capsys))
    assert next(t for t in drawn["ties"] if t["stage"] == "final")["resolved_by"] == "lot (seed 3)"
    hare = json.loads(
        ok(["seats", "--system", "peru-2016", "--votes", path, "--method", "hare", "--json"], capsys)
    )
    assert hare["method"] == "hare"


def test_systems_lists_every_system_with_sources(capsys):
    data = json.loads(ok(["systems", "--json"], capsys))
    names = [s["name"] for s in data["systems"]]
    assert "peru-2026-senate" in names and "peru-2001" in names
    for system in data["systems"]:
        assert system["sources"] and system["law"]
        assert sum(system["districts"].values()) == system["total_seats"]
    assert "peru-2021" in ok(["systems"], capsys)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("district,party,votes\nATLANTIDA,A,5\n", ":2:1: district: unknown district 'ATLANTIDA'"),
        ("district,party,votes\nLIMA,A,-5\n", ":2:3: votes: -5 is negative"),
        ("district,party,votes\nLIMA,A,5.5\n", ":2:3: votes: '5.5' is not a whole number (digits 0-9 only)"),
        (
            "district,party,votes\nLIMA,A,5\nlima,a,7\n",
            ":3:1: district: duplicate row (district=lima, party=a) already on line 2",
        ),
        (
            "district,votes\nLIMA,5\n",
            ":1:3: header lacks column 'party' (expected: district, party, votes; optional:",
        ),
        ("", ":1:1: empty file: expected a header line for a votes file"),
        ("district,party,votes\n", ":2:1: no vote rows after the header"),
    ],
)
def test_bad_votes_files_give_one_located_line_and_exit_2(capsys, tmp_path, text, message):
    path = _votes(tmp_path, text)
    svg = tmp_path / "never.svg"
    code, out, err = run(["seats", "--system", "peru-2016", "--votes", path, "--svg", str(svg)], capsys)
    assert code == 2 and out == ""
    line = err.strip()
    assert "\n" not in line and line.startswith(f"error: {path}") and message in line, line
    assert not svg.exists()  # no partial output


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["seats", "--system", "peru-1990", "--official"], "unknown system"),
        (["seats", "--system", "peru-2016"], "give --votes"),
        (["seats", "--system", "peru-2021", "--official"], "district of 2021 are needed and not bundled"),
        (["seats", "--system", "peru-2016", "--official", "--method", "coin"], "unknown method"),
        (["seats", "--system", "peru-2016", "--votes", "/nonexistent/v.csv"], "no such file"),
    ],
)
def test_bad_options_exit_2(capsys, argv, message):
    code, _, err = run(argv, capsys)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("system", "bundled"),
    [
        # 2020: the extraordinary election's figures are in neither the bundle nor ../shared/data/elections;
        # 2021: only the national figures of JNE Res. 0602-2021-JNE (the catalog's three 2021 datasets).
        ("peru-2020", "no 2020 Congress figures are bundled"),
        (
            "peru-2021",
            "bundled for 2021: congress-2021-national-votes, congress-2021-national-seats, "
            "congress-2021-national-totals (national figures, no district votes)",
        ),
    ],
)
def test_official_seats_of_a_year_without_district_votes_say_what_is_missing(capsys, system, bundled):
    code, out, err = run(["seats", "--system", system, "--official"], capsys)
    year = system[-4:]
    assert code == 2 and out == ""
    assert err == (
        f"error: --system: {system}: the official votes of every list in every district of {year} are "
        f"needed and not bundled; {bundled}; official results are reproduced district by district for "
        "2001, 2006, 2011, 2016\n"
    )


def test_senate_threshold_counts_the_national_vote(capsys, tmp_path):
    path = _votes(
        tmp_path,
        "district,party,votes\nNACIONAL,A,5000\nNACIONAL,B,3000\nNACIONAL,C,1500\n"
        "NACIONAL,D,400\nLima Metropolitana,A,900\nLima Metropolitana,B,800\n"
        "Lima Metropolitana,C,700\nLima Metropolitana,D,600\nCusco,C,300\nCusco,B,200\n",
    )
    data = json.loads(ok(["seats", "--system", "peru-2026-senate", "--votes", path, "--json"], capsys))
    # D has 1,000 of 13,400 votes in the file (7.5%) but 400 of 9,900 national votes (4.04%): it fails
    assert data["threshold"]["failed"] == ["D"]
    assert data["threshold"]["why"]["D"].startswith("4.040% of valid votes < 5%")
    # NACIONAL (30 seats) among A 5000, B 3000, C 1500: A takes 16 (5000/16 = 312.5 > 300), then
    # B/10 = C/5 = 300 tie for the last seat
    (tie,) = [t for t in data["ties"] if t["stage"] == "final"]
    assert tie["district"] == "NACIONAL" and tie["lists"] == ["B", "C"] and tie["value"] == 300
    assert data["districts"]["LIMA METROPOLITANA"] == {"A": 2, "B": 1, "C": 1}
    assert data["districts"]["CUSCO"] == {"C": 1}


def test_apportion_reproduces_2026_with_the_missing_figures_given(capsys, tmp_path):
    argv = ["apportion", "--set", "TUMBES=170000", "--set", "ucayali=420000", "--json"]
    data = json.loads(ok(argv, capsys))
    assert data["matches"] and data["seats"]["LIMA METROPOLITANA"] == 32
    assert data["proportional"]["LIMA METROPOLITANA"] == 31 and sum(data["proportional"].values()) == 102
    assert data["fixed"]["PERUANOS RESIDENTES EN EL EXTRANJERO"] == 2 and sum(data["seats"].values()) == 130
    low = json.loads(ok(["apportion", "--set", "TUMBES=170000", "--set", "UCAYALI=300000", "--json"], capsys))
    assert not low["matches"] and low["seats"]["UCAYALI"] == 2  # below 388,077 electors Ucayali loses a seat


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["apportion"], "no sourced electorate for TUMBES, UCAYALI"),
        (["apportion", "--set", "TUMBES=many"], "expected DISTRICT=ELECTORS"),
        (["apportion", "--set", "ATLANTIDA=5"], "unknown district"),
    ],
)
def test_apportion_bad_input(capsys, argv, message):
    code, _, err = run(argv, capsys)
    assert code == 2 and message in err


def test_apportion_electorate_file_errors(capsys, tmp_path):
    path = _votes(tmp_path, "district,electors\nTUMBES,-3\n", "electorate.csv")
    code, _, err = run(["apportion", "--electorate", path], capsys)
    assert code == 2 and f"{path}:2:2: electors: -3 is negative" in err


def test_method_help_names_every_method_of_the_library(capsys):
    import inspect

    from curul.cli import elections as commands
    from curul.elections import METHODS

    option = inspect.signature(commands.seats).parameters["method"].default
    assert option.help == f"Replace the system's method: {', '.join(METHODS)}."
    shown = " ".join(ok(["seats", "--help"], capsys).split())
    for method in METHODS:
        assert f" {method}," in shown or f" {method}." in shown, method


def test_the_command_module_starts_without_the_domain_packages():
    """Module-level imports of cli/elections.py: the standard library, typer and curul's neutral modules."""
    import ast

    from curul.cli import elections as commands

    tree = ast.parse(Path(commands.__file__).read_text(encoding="utf-8"))
    imported = [alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names]
    imported += [node.module or "" for node in tree.body if isinstance(node, ast.ImportFrom)]
    allowed = ("__future__", "pathlib", "typer", "curul.cli._", "curul.errors", "curul.report")
    assert imported and all(name.startswith(allowed) for name in imported), imported
