"""Regime files: every rule the engine cites lives in them, and a broken file is refused at its place."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pytest

from curul.constitution import Event, apply, initial_state, load_regime, load_regime_file, regimes
from curul.errors import CurulError, InputError
from curul.history import load_scenario, replay_history, run_scenario

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "scenarios"


def _bundled(name: str) -> str:
    return (resources.files("curul.constitution") / "regimes" / f"{name}.toml").read_text("utf-8")


def _write(tmp_path: Path, text: str, name: str = "regime.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if fragment in line)


def test_every_rule_a_trace_shows_has_a_home_in_its_regime() -> None:
    """Each step's rule id and article are those of a procedure or provision of the regime in force."""
    runs = [replay_history()] + [run_scenario(load_scenario(p)).run for p in sorted(EXAMPLES.glob("*.toml"))]
    cited = set()
    for run in runs:
        for event, trace, _ in run.steps:
            for step in trace:
                if step.rule:
                    cited.add((event.date, step.rule, step.article))
    assert {"R6", "R19", "R21", "B11"} <= {rule for _, rule, _ in cited}
    homes = {
        (regime.id, entry.rule_id, entry.article)
        for regime in regimes()
        for entry in (*regime.procedures, *regime.provisions)
    }
    homes |= {(r.id, r.provision("in_force").rule_id, r.title) for r in regimes()}
    for date, rule, article in cited:
        regime = next(r for r in regimes() if r.covers(date))
        assert (regime.id, rule, article) in homes, (date, rule, article)


def test_provisions_carry_article_sources_and_flag() -> None:
    for regime in regimes():
        names = {p.name for p in regime.provisions}
        assert {"succession_rule", "dissolution", "vacancy_effect", "inauguration", "in_force"} <= names
        for provision in regime.provisions:
            assert provision.article and provision.sources, (regime.id, provision.name)
            assert isinstance(provision.confirmed, bool)
    unicameral, bicameral = load_regime("peru-1993-unicameral"), load_regime("peru-2026-bicameral")
    assert unicameral.provision("vacancy_effect").rule_id == "R6"
    assert bicameral.provision("installation").rule_id == "B11"
    assert (unicameral.inauguration_day, unicameral.annual_period_start) == ((7, 28), (7, 27))
    assert (unicameral.default_chamber, bicameral.default_chamber) == ("congress", "deputies")


def test_an_unknown_rule_or_provision_is_an_error_not_another_articles_sources() -> None:
    regime = load_regime("peru-1993-unicameral")
    with pytest.raises(CurulError, match="rule 'R99' is not encoded in regime peru-1993-unicameral"):
        regime.sources_for("R99")
    assert regime.sources_for("R12") == regime.dissolution.sources
    with pytest.raises(CurulError, match="provision 'impeachment' is not encoded"):
        regime.provision("impeachment")


def test_unknown_keys_are_refused_at_their_line_and_column(tmp_path: Path) -> None:
    text = _bundled("peru-1993-unicameral")
    top = _write(tmp_path, text.replace("congress_term_years = 5", "congress_term_years = 5\nterm = 5"))
    with pytest.raises(InputError) as caught:
        load_regime_file(top)
    assert (caught.value.line, caught.value.column, caught.value.field) == (
        _line_of(text, "congress_term_years") + 1,
        1,
        "term",
    )
    assert str(caught.value).startswith(f"{top}:{caught.value.line}:1: term: unknown key (known: ")
    old = 'description = "Votes to declare the presidency vacant for permanent moral incapacity"'
    inner = _write(tmp_path, text.replace(old, old + "\n  quorum = 66"), "inner.toml")
    with pytest.raises(InputError, match=r"procedures\.vacancy\.approval\.congress\.quorum: unknown key"):
        load_regime_file(inner)
    with pytest.raises(InputError) as caught:
        load_regime_file(inner)
    assert (caught.value.line, caught.value.column) == (_line_of(text, old) + 1, 3)


def test_a_missing_field_is_refused_at_its_table(tmp_path: Path) -> None:
    text = _bundled("peru-1993-unicameral")
    header = "[provisions.vacancy_effect]"
    start = text.index(header)
    broken = text[:start] + text[start:].replace('rule = "R6"\n', "", 1)
    with pytest.raises(InputError) as caught:
        load_regime_file(_write(tmp_path, broken))
    assert caught.value.field == "provisions.vacancy_effect"
    assert caught.value.problem == "missing field 'rule'"
    assert caught.value.line == _line_of(broken, header)
    no_day = _write(tmp_path, text.replace('inauguration_day = "07-28"', ""), "no-day.toml")
    with pytest.raises(InputError, match="missing field 'inauguration_day'"):
        load_regime_file(no_day)
    bad = text.replace("councils_needed = 2\n", 'councils_needed = "two"\n')
    with pytest.raises(InputError, match=r"dissolution\.councils_needed: has the wrong type \(str\)"):
        load_regime_file(_write(tmp_path, bad, "bad.toml"))
    wrong = text.replace(
        'threshold = { share = "2/3", of = "legal_number", round = "up" }', "threshold = { share = 2 }", 1
    )
    with pytest.raises(InputError, match=r"vacancy\.approval\.congress\.threshold: expected"):
        load_regime_file(_write(tmp_path, wrong, "wrong.toml"))


def test_the_inauguration_day_and_the_annual_period_are_read_from_the_regime(tmp_path: Path) -> None:
    text = _bundled("peru-1993-unicameral").replace(
        'inauguration_day = "07-28"', 'inauguration_day = "07-29"'
    )
    reform = load_regime_file(_write(tmp_path, text))
    state = initial_state(dt.date(2021, 6, 6), [reform])
    state, _ = apply(
        state, Event(date=dt.date(2021, 6, 6), type="general_election", winner="A"), regimes=[reform]
    )
    _, trace = apply(state, Event(date=dt.date(2021, 7, 28), type="inauguration"), regimes=[reform])
    assert trace.outcome == "refused" and "takes office on 29 July" in trace[-1].text
    on_29, _ = apply(state, Event(date=dt.date(2021, 7, 29), type="inauguration"), regimes=[reform])
    assert on_29.president == "A"
    bicameral = _bundled("peru-2026-bicameral").replace(
        'annual_period_start = "07-27"', 'annual_period_start = "08-15"'
    )
    later = load_regime_file(_write(tmp_path, bicameral, "bicameral.toml"))
    day = dt.date(2027, 8, 1)  # still the 2026 annual period when it starts on 15 August
    assert later.presiding_chamber(day) == "senate"
    assert load_regime("peru-2026-bicameral").presiding_chamber(day) == "deputies"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("congress_term_years = 5", "congress_term_years = " + "1" * 40,
         "congress_term_years: must be at most 20, got 1.11e+39"),
        ("legal_number = 130", "legal_number = 130000",
         "chambers.congress.legal_number: must be at most 10,000, got 130,000"),
        ('id = "peru-1993-unicameral"', 'id = ""', "id: is empty"),
        ('id = "peru-1993-unicameral"', 'id = "peru\\u001b[2J"',
         "id: has a control or formatting character (U+001B at position 5)"),
    ],
)  # fmt: skip
def test_numbers_and_names_are_bounded_at_their_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    """A term of 10^40 years once overflowed the calendar (a traceback); an empty or escape-laden id was
    shown as given."""
    text = _bundled("peru-1993-unicameral")
    assert old in text
    path = _write(tmp_path, text.replace(old, new, 1))
    with pytest.raises(InputError) as caught:
        load_regime_file(path)
    assert str(caught.value) == f"{path}:{_line_of(text, old)}:1: {message}"
