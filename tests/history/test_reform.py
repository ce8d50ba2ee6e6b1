"""A reform is a copied, edited regime file that runs through the whole history (``regimes = [...]``)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from curul.constitution import load_regime_file
from curul.errors import InputError
from curul.history import load_scenario, replay_history, run_scenario

TWO_THIRDS = (
    'threshold = { share = "2/3", of = "legal_number", round = "up" }'  # vacancy.approval comes first
)
SCENARIO = """title = "Vacancy by four fifths"
regimes = ["{regime}"]
base = "history"
until = "2025-12-31"

[[events]]
date = "2026-01-05"
type = "death"
target = "president"
"""


def _regime_text() -> str:
    return (resources.files("curul.constitution") / "regimes" / "peru-1993-unicameral.toml").read_text(
        "utf-8"
    )


@pytest.fixture
def reform(tmp_path: Path) -> Path:
    """The 1993 regime with a vacancy needing 4/5 of Congress (104 votes) instead of 2/3 (87)."""
    path = tmp_path / "reforms" / "four-fifths.toml"
    path.parent.mkdir()
    path.write_text(_regime_text().replace(TWO_THIRDS, TWO_THIRDS.replace("2/3", "4/5"), 1), encoding="utf-8")
    return path


def _castillo_vacancy(run) -> str:
    return next(o for e, _, o in run.steps if e.date.isoformat() == "2022-12-07" and e.type == "vacancy_vote")


def test_a_reform_changes_who_governed(reform: Path) -> None:
    as_it_was = replay_history()
    reformed = replay_history([reform])
    assert _castillo_vacancy(as_it_was) == "passed"
    assert _castillo_vacancy(reformed) == "failed"  # 101 < ⌈4/5 · 130⌉ = 104
    assert any(s.arithmetic == "101 < 104 = ⌈4/5 · 130⌉" for s in reformed.trace)
    castillo = next(p for p in reformed.presidents if p.name == "Pedro Castillo")
    assert (castillo.since, castillo.until) == ("2021-07-28", "2025-10-10")  # vacated in 2025 instead
    boluarte = next(p for p in reformed.presidents if p.name == "Dina Boluarte")
    assert boluarte.since == "2025-10-10"
    assert "José Jerí" not in [p.name for p in reformed.presidents]
    assert replay_history() is as_it_was  # the bundled replay is untouched (and still cached)


def test_a_scenario_names_its_regimes_relative_to_itself(reform: Path, tmp_path: Path) -> None:
    path = tmp_path / "scenario.toml"
    path.write_text(SCENARIO.format(regime="reforms/four-fifths.toml"), encoding="utf-8")
    result = run_scenario(load_scenario(path))
    assert result.scenario.regimes[0].path == str(reform)
    assert result.base_replay is not None and _castillo_vacancy(result.base_replay) == "failed"
    data = result.as_dict()
    assert data["regimes"] == [str(reform)]
    # Boluarte, 1st VP and never vacated in 2022, holds the presidency in December 2025 and dies: nobody
    # is left in the line but the President of Congress.
    default = run_scenario(load_scenario(path, regimes=[]))
    assert data["president"] != default.as_dict()["president"]
    assert "regimes" not in default.as_dict()
    assert "  regimes: peru-1993-unicameral (" in result.report().to_text()
    same = run_scenario(load_scenario(path, regimes=[load_regime_file(reform)]))
    assert same.as_dict()["president"] == data["president"]


def test_scenario_run_with_a_reform_on_the_command_line(curul_cli, reform: Path, tmp_path: Path) -> None:
    path = tmp_path / "scenario.toml"
    path.write_text(SCENARIO.format(regime="reforms/four-fifths.toml"), encoding="utf-8")
    result = curul_cli("scenario", "run", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["regimes"] == [str(reform)]


@pytest.mark.parametrize(
    ("edit", "where", "words"),
    [
        (
            lambda t: t.replace(TWO_THIRDS, TWO_THIRDS + "\nquorum = 66", 1),
            lambda t: (t.splitlines().index("quorum = 66") + 1, 1),
            "procedures.vacancy.approval.congress.quorum: unknown key",
        ),
        (
            lambda t: t.replace('rule = "R5"\n', "", 1),
            lambda t: (t.splitlines().index('[procedures."vacancy.approval".congress]') + 1, 1),
            "procedures.vacancy.approval.congress: missing field 'rule'",
        ),
    ],
    ids=["unknown_key", "missing_field"],
)
def test_a_bad_regime_file_is_one_line_at_its_place(curul_cli, tmp_path: Path, edit, where, words) -> None:
    regime = tmp_path / "bad.toml"
    text = edit(_regime_text())
    regime.write_text(text, encoding="utf-8")
    path = tmp_path / "scenario.toml"
    path.write_text(SCENARIO.format(regime="bad.toml"), encoding="utf-8")
    result = curul_cli("scenario", "run", str(path))
    assert result.returncode == 2 and result.stdout == ""
    line, column = where(text)
    message = result.stderr.strip()
    assert "\n" not in message
    assert message.startswith(f"error: {regime}:{line}:{column}: {words}"), message


def test_a_missing_regime_file_is_reported_at_the_scenarios_key(tmp_path: Path) -> None:
    path = tmp_path / "scenario.toml"
    path.write_text(SCENARIO.format(regime="nope.toml"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_scenario(path)
    assert (caught.value.line, caught.value.column, caught.value.field) == (2, 1, "regimes")
    assert "no such regime file" in caught.value.problem
