"""The README's Python example runs as written (from the repository root, as a reader would), and every
value its comments promise (``expr  # 'text'`` or ``expr  # 73 ...``) is what the expression gives; the
figures it quotes from commands (the backtest table and seat scores, the roll-call import, the 2016
seats) are what those commands compute. Timings are not tested (benchmarks/ measures them)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
ROLLCALLS = README.parent / ".." / "shared" / "data" / "rollcalls"
PROMISE = re.compile(r"^(?P<expr>[^#=\n][^#\n]*?)\s+#\s*(?P<value>'[^']*'|\d+)(?=\s|$)")


def test_the_python_api_example_runs_and_keeps_its_promises(monkeypatch):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    assert blocks, "the README has a Python example"
    monkeypatch.chdir(README.parent)
    namespace: dict[str, object] = {}
    promises = 0
    for block in blocks:
        exec(compile(block, str(README), "exec"), namespace)  # the README's own code
        for line in block.splitlines():
            match = PROMISE.match(line)
            if match and " = " not in match["expr"]:
                expected = ast.literal_eval(match["value"])
                assert eval(match["expr"], namespace) == expected, line
                promises += 1
    assert promises >= 3


@pytest.fixture(scope="module")
def rollcalls_readme(absent_shared):
    """What ``curul rollcalls import ../shared/data/rollcalls`` prints (its summary; nothing cached)."""
    if not (ROLLCALLS / "votes.csv").is_file():
        absent_shared(f"roll-call data not found at {ROLLCALLS}")
    from curul.rollcalls import ImportSummary, import_rollcalls

    return ImportSummary.of(import_rollcalls(ROLLCALLS), Path("not written"))


def _readme() -> str:
    return README.read_text(encoding="utf-8")


def test_the_backtest_table_is_what_curul_backtest_prints():
    """Each row of the README's backtest table (model, plain average, last polls, reference, coverage,
    winner inside) equals the scores ``curul backtest`` computes at its defaults (20,000 draws, seed 0;
    the first round's scores do not depend on the Congress simulation, which is left out here)."""
    from curul.forecast import run_backtest

    rows = re.findall(
        r"^\| (2016|2021) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| (\d+)/(\d+) \| (.+?) \|$",
        _readme(),
        flags=re.M,
    )
    assert [r[0] for r in rows] == ["2016", "2021"]
    for year, model, plain, last, reference, inside, scored, winner in rows:
        result = run_backtest(f"peru-{year}", congress=False)
        scores = {s.method: s for s in result.scores}
        printed = [f"{scores[m].mae:.2f}" for m in ("model", "plain_average", "last_polls")]
        assert printed == [model, plain, last], year
        assert f"{result.reference_mae:.1f}" == reference
        found = scores["model"]
        assert found.coverage90 is not None
        assert (round(found.coverage90 * len(found.detail)), len(found.detail)) == (int(inside), int(scored))
        assert winner.startswith("yes" if found.winner_in_90 else "**no**")
        if not found.winner_in_90:  # "Castillo 18.9 against a forecast of 7.6 (4.2–11.5)"
            claim = re.search(r"(\w+) ([\d.]+) against a forecast of ([\d.]+) \(([\d.]+)–([\d.]+)\)", winner)
            assert claim is not None
            name, actual, mean, low, high = claim.groups()
            c = next(c for c in result.forecast.candidates if name in c.name)
            official = next(a for n, _, a in found.detail if name in n)
            assert [f"{official:.1f}", f"{c.mean:.1f}", f"{c.p05:.1f}", f"{c.p95:.1f}"] == [
                actual,
                mean,
                low,
                high,
            ]


def test_the_congress_seat_scores_are_what_the_backtests_print():
    from curul.forecast import run_backtest

    claim = re.search(
        r"mean absolute error ([\d.]+) seats per list in 2016 \((\d+) of (\d+) lists.*?and ([\d.]+) in 2021 "
        r"\((\d+) of (\d+);",
        " ".join(_readme().split()),
    )
    assert claim is not None
    mae16, in16, n16, mae21, in21, n21 = claim.groups()
    for year, mae, inside, n in ((2016, mae16, in16, n16), (2021, mae21, in21, n21)):
        seats = run_backtest(f"peru-{year}").seats
        assert seats is not None
        parties = seats["parties"]
        assert f"{seats['mae']:.1f}" == mae and len(parties) == int(n)
        assert round(seats["coverage90"] * len(parties)) == int(inside)


def test_the_roll_call_claims_are_what_the_import_prints(rollcalls_readme):
    text = " ".join(_readme().split())
    counts = re.search(r"loads all ([\d,]+) votes and ([\d,]+) ballots of (\d+) members \(([^)]+?),", text)
    assert counts is not None
    votes, ballots, members, span = counts.groups()
    data = rollcalls_readme.as_dict()
    assert (f"{data['votes']:,}", f"{data['ballots']:,}", str(data["members"])) == (votes, ballots, members)
    first, last = data["first_date"], data["last_date"]
    assert span == f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"
    assert f"# plenary votes {first.day} {first:%b %Y} – {last.day} {last:%b %Y}" in text


def test_the_2016_seats_the_readme_lists_are_the_official_allocation():
    from curul.elections import allocate_official

    claim = re.search(r"\(2016: (Fuerza Popular \d+(?:, [^)]+)?)\)", _readme())
    assert claim is not None
    named = dict(re.findall(r"([A-Za-zÁÉÍÓÚáéíóúñ ]+?) (\d+)(?:,|$)", claim.group(1)))
    seats = allocate_official("peru-2016").seats
    aliases = {
        "Frente Amplio": "EL FRENTE AMPLIO POR JUSTICIA, VIDA Y LIBERTAD",
        "PPK": "PERUANOS POR EL KAMBIO",
    }
    aliases |= {"APP": "ALIANZA PARA EL PROGRESO DEL PERU", "Acción Popular": "ACCION POPULAR"}
    got = {name.strip(): seats[aliases.get(name.strip(), name.strip().upper())] for name in named}
    assert got == {name.strip(): int(n) for name, n in named.items()}
    assert sum(got.values()) == 130
