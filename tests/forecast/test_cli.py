from pathlib import Path

import pytest

JSON_KEYS = {
    "election",
    "cutoff",
    "sims",
    "seed",
    "candidates",
    "runoff_pairs",
    "parties",
    "blocs",
    "calibration",
    "congress_sims",
    "shift",
}
CANDIDATE_KEYS = {"name", "party", "mean", "p05", "p10", "p90", "p95", "p_runoff", "p_win"}


def test_forecast_json_keys_and_probabilities(cli_json):
    data = cli_json("forecast", "--election", "peru-2026", "--sims", "2000", "--seed", "1", "--no-congress")
    assert set(data) == JSON_KEYS
    assert data["cutoff"] == "2026-04-05" and data["sims"] == 2000 and data["seed"] == 1
    for c in data["candidates"]:
        assert set(c) == CANDIDATE_KEYS
        assert c["p05"] <= c["p10"] <= c["mean"] <= c["p90"] <= c["p95"] or c["mean"] < 1
    assert abs(sum(c["p_win"] for c in data["candidates"]) - 1.0) < 0.02  # "other candidates" may win rarely
    assert abs(sum(c["p_runoff"] for c in data["candidates"]) - 2.0) < 0.05
    assert all(set(p) == {"pair", "p"} and len(p["pair"]) == 2 for p in data["runoff_pairs"])


def test_same_seed_same_forecast_other_seed_differs(cli_json):
    args = ("forecast", "--election", "peru-2021", "--cutoff", "2021-03-20", "--sims", "300")
    first = cli_json(*args, "--seed", "11")
    assert cli_json(*args, "--seed", "11") == first
    assert cli_json(*args, "--seed", "12")["candidates"] != first["candidates"]


def test_chart_is_written(cli, tmp_path: Path):
    for suffix, magic in ((".png", b"\x89PNG"), (".svg", b"<?xml")):
        path = tmp_path / f"chart{suffix}"
        code, _, err = cli("forecast", "--sims", "500", "--chart", str(path), "--json", "--no-congress")
        assert code == 0, err
        assert path.read_bytes().startswith(magic)


def test_bad_options_exit_2_with_one_line(cli, tmp_path: Path):
    cases = [
        (
            ("forecast", "--cutoff", "yesterday"),
            "error: --cutoff: not a date (YYYY-MM-DD): 'yesterday'",
        ),
        (("forecast", "--election", "peru-1990"), "error: --election: unknown election 'peru-1990'"),
        (("forecast", "--sims", "5"), "error: --sims: 5 is too few (at least 100)"),
        (("forecast", "--cutoff", "2020-01-01"), "error: --cutoff: no first-round polls of peru-2026"),
        (("forecast", "--bloc", "nobody"), "error: --bloc: 'nobody' is not NAME=PARTY[,PARTY...]"),
        (("forecast", "--chart", str(tmp_path / "c.gif"), "--sims", "200"), "error: --chart:"),
    ]
    for args, start in cases:
        code, out, err = cli(*args)
        assert code == 2, args
        assert out == ""
        assert len(err.strip().splitlines()) == 1 and err.strip().startswith(start), err
    assert not (tmp_path / "c.gif").exists()


def test_forecast_with_congress_and_a_bloc(cli_json):
    data = cli_json(
        "forecast", "--sims", "400", "--seed", "2", "--bloc", "FP+RP=Fuerza Popular,Renovacion Popular"
    )
    assert data["congress_sims"] in (400, 200)  # 200: per-draw reference path without the batch engine
    by_chamber = {}
    for p in data["parties"]:
        by_chamber[p["chamber"]] = by_chamber.get(p["chamber"], 0) + p["mean_seats"]
    assert by_chamber == {"senate": pytest.approx(60), "deputies": pytest.approx(130)}
    (bloc,) = data["blocs"]
    seats = {p["name"]: p["mean_seats"] for p in data["parties"] if p["chamber"] == "deputies"}
    assert bloc["mean_seats"] == pytest.approx(seats["Fuerza Popular"] + seats["Renovacion Popular"])


def test_the_election_help_is_in_step_with_the_library():
    """The help strings are written out (``--help`` imports no domain module); they must name the
    elections the library knows, and the backtest those with an official result."""
    import inspect

    from curul.cli.forecast import ELECTION_OPT, backtest
    from curul.forecast._elections import elections

    def listed(names: list[str]) -> str:
        return ", ".join(names[:-1]) + " or " + names[-1] + "."

    known = list(elections())
    assert ELECTION_OPT.help == listed(known)
    scored = [n for n in known if elections()[n].official_year is not None]
    assert inspect.signature(backtest).parameters["election"].default.help == listed(scored)


def test_the_command_module_imports_the_domain_only_inside_its_commands():
    """``curul --version`` and ``--help`` must not load numpy or the forecast: at module level the
    command module imports only the standard library, typer and the command line's own helpers."""
    import ast
    import sys

    import curul.cli.forecast

    tree = ast.parse(Path(curul.cli.forecast.__file__).read_text(encoding="utf-8"))
    top = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    names = [a.name for n in top if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in top if isinstance(n, ast.ImportFrom)]
    allowed = ("typer", "curul.cli._", "curul.errors", "curul.report", "__future__")
    for name in names:
        assert name.split(".")[0] in sys.stdlib_module_names or name.startswith(allowed), name
