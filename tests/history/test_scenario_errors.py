"""Bad scenario files: one line ``file:line:column: field: problem`` on stderr, exit 2, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

HEAD = 'base = "history"\nuntil = "2026-02-16"\n\n'
EVENT = '[[events]]\ndate = "2026-02-17"\ntype = "vacancy_vote"\ntarget = "president"\nyes = 90\n'

# (case id, file text, line, column, words the message must contain)
CASES = [
    (
        "unknown_event_type",
        HEAD + '[[events]]\ndate = "2026-02-17"\ntype = "impeachment"\nyes = 90\n',
        6,
        1,
        "events[0].type: unknown event type 'impeachment'",
    ),
    (
        "dates_out_of_order",
        HEAD + EVENT + '\n[[events]]\ndate = "2026-02-10"\ntype = "death"\ntarget = "president"\n',
        11,
        1,
        "events[1].date: dates out of order: 2026-02-10 comes before 2026-02-17",
    ),
    (
        "before_until",
        HEAD + '[[events]]\ndate = "2026-01-01"\ntype = "death"\ntarget = "president"\n',
        5,
        1,
        "events[0].date: dates out of order: 2026-01-01 comes before 2026-02-16",
    ),
    (
        "more_votes_than_members",
        HEAD
        + '[[events]]\ndate = "2026-02-17"\ntype = "vacancy_vote"\ntarget = "president"\n'
        + "yes = 100\nno = 40\n",
        8,
        1,
        "events[0].yes: more votes than members: 140 cast, 130 members",
    ),
    (
        "missing_field",
        HEAD + '[[events]]\ndate = "2026-02-17"\ntype = "board_election"\nyes = 70\n',
        4,
        1,
        "events[0]: board_election needs field 'winner'",
    ),
    (
        "missing_vote",
        HEAD + '[[events]]\ndate = "2026-02-17"\ntype = "vacancy_vote"\ntarget = "president"\n',
        4,
        1,
        "vacancy_vote needs a vote",
    ),
    (
        "unknown_option",
        HEAD + '[options]\nsuccessor_rule = "whatever"\n\n' + EVENT,
        5,
        1,
        "options.successor_rule: unknown option",
    ),
    (
        "unknown_option_value",
        HEAD + '[options]\ninterim_vacancy_successor = "the_army"\n\n' + EVENT,
        5,
        1,
        "options.interim_vacancy_successor: unknown value 'the_army'",
    ),
    (
        "unknown_field",
        HEAD + '[[events]]\ndate = "2026-02-17"\ntype = "vacancy_vote"\nvotes_for = 90\n',
        7,
        1,
        "events[0].votes_for: unknown field",
    ),
    (
        "bad_date",
        HEAD + '[[events]]\ndate = "17/02/2026"\ntype = "death"\ntarget = "president"\n',
        5,
        1,
        "events[0].date: not a date",
    ),
    (
        "negative_count",
        HEAD + '[[events]]\ndate = "2026-02-17"\ntype = "vacancy_vote"\ntarget = "president"\nyes = -3\n',
        8,
        1,
        "events[0].yes: must be a non-negative integer",
    ),
    (
        "unknown_chamber",
        HEAD + '[[events]]\ndate = "2026-02-17"\ntype = "vacancy_vote"\nchamber = "senate"\nyes = 90\n',
        7,
        1,
        "events[0].chamber: peru-1993-unicameral has no chamber 'senate'",
    ),
    ("invalid_toml", HEAD + "[[events]\n", 4, 9, "invalid TOML"),
    ("title_table", "title = {}\n" + HEAD + EVENT, 1, 1, "title: must be a string, got dict"),
    (
        "title_control",
        'title = "A\\u001b[2J"\n' + HEAD + EVENT,
        1,
        1,
        "title: has a control or formatting character (U+001B at position 2)",
    ),
    ("title_long", f'title = "{"x" * 301}"\n' + HEAD + EVENT, 1, 1, "title: is longer than 300 characters"),
    # A file with an until date and no events reports the state on that date; without either it is an error.
    ("no_events", 'base = "history"\n', 1, 1, "missing [[events]]"),
]


@pytest.mark.parametrize(("case", "text", "line", "column", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_scenario_file_one_line_exit_2(
    curul_cli, tmp_path: Path, case, text, line, column, words
) -> None:
    path = tmp_path / f"{case}.toml"
    path.write_text(text, encoding="utf-8")
    result = curul_cli("scenario", "run", str(path))
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(f"error: {path}:{line}:{column}"), message
    assert words in message


def test_missing_file_and_bad_options(curul_cli, tmp_path: Path) -> None:
    missing = curul_cli("scenario", "run", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    bad_date = curul_cli("threshold", "vacancy.approval", "--date", "yesterday")
    assert bad_date.returncode == 2 and "--date: not a date" in bad_date.stderr
    unknown = curul_cli("threshold", "vacancy.teleport")
    assert unknown.returncode == 2 and "not encoded" in unknown.stderr
    too_many = curul_cli("threshold", "vacancy.admission", "--habiles", "131")
    assert too_many.returncode == 2 and "--habiles must be between 0 and" in too_many.stderr


def test_options_command_lists_both_sides(curul_cli) -> None:
    import json

    result = curul_cli("scenario", "options", "--json")
    assert result.returncode == 0, result.stderr
    options = {o["name"]: o for o in json.loads(result.stdout)["options"]}
    interim = options["interim_vacancy_successor"]
    assert {c["value"] for c in interim["choices"]} == {
        "next_elected_board_president",
        "acting_head_of_congress",
    }
    assert all(c["sources"] for c in interim["choices"])


def test_scenario_run_human_and_json_output(curul_cli) -> None:
    import json
    from pathlib import Path as _Path

    example = (
        _Path(__file__).resolve().parents[2] / "examples" / "scenarios" / "feb2026-vacancy-acting-head.toml"
    )
    human = curul_cli("scenario", "run", str(example))
    assert human.returncode == 0, human.stderr
    assert "Fernando Rospigliosi" in human.stdout
    assert "[reading" in human.stdout  # reading tags are escaped, not eaten as markup
    data = json.loads(curul_cli("scenario", "run", str(example), "--json").stdout)
    assert {"date", "regime", "president", "president_of_congress", "options_used", "trace"} <= set(data)
    assert {"date", "event", "rule", "article", "text", "arithmetic", "sources"} <= set(data["trace"][0])
