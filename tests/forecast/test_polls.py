from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curul.errors import InputError
from curul.forecast import bundled_rows, format_polls, group_polls, parse_polls
from curul.forecast._polls import COLUMNS
from curul.inputs import fold

HEADER = ",".join(COLUMNS)
GOOD = (
    "peru-2021,1,IEP,intention,2021-04-01,2021-04-02,2021-04-04,1215,national,all_respondents,"
    "candidate,Pedro Castillo,Peru Libre,6.6,https://example.org/iep,\n"
    "peru-2021,1,IEP,intention,2021-04-01,2021-04-02,2021-04-04,1215,national,all_respondents,"
    "blank_null,Blank/null,,18.3,https://example.org/iep,\n"
)


def test_parses_a_valid_file():
    rows = parse_polls(HEADER + "\n" + GOOD)
    assert [r.candidate for r in rows] == ["Pedro Castillo", "Blank/null"]
    (poll,) = group_polls(rows)
    assert poll.candidates() == {"Pedro Castillo": 6.6}
    assert poll.option_total("blank_null") == 18.3


@pytest.mark.parametrize("election", ["peru-2016", "peru-2021", "peru-2026"])
def test_bundled_files_validate_and_carry_sources(election):
    rows = bundled_rows(election, 1)
    assert rows, election
    assert all(len(r.source) > 10 for r in rows)
    assert all(r.field_end or r.published for r in rows)


BAD = [
    ("published,2021-13-40", "published", 7, "'2021-13-40' is not a date (YYYY-MM-DD)"),
    ("share,140", "share", 14, "140.0 is not a percentage between 0 and 100"),
    ("share,inf", "share", 14, "'inf' is not a number between 0 and 100"),
    ("share,1e400", "share", 14, "'1e400' is not a number between 0 and 100"),
    ("share,nan", "share", 14, "'nan' is not a number between 0 and 100"),
    ("basis,respondents", "basis", 10, "'respondents' is not one of all_respondents, emitted_votes"),
    ("round,3", "round", 2, "3 is not 1 or 2"),
    ("sample_n,-5", "sample_n", 8, "-5 is negative"),
    ("sample_n,0", "sample_n", 8, "0 is not a positive whole number"),
    ("sample_n,1200.0", "sample_n", 8, "'1200.0' is not a whole number (digits 0-9 only)"),
    ("source,", "source", 15, "is empty"),
    ("pollster,I\x1b[2JEP", "pollster", 3, "has a control or formatting character (U+001B"),
    ("field_start,1850-01-01", "field_start", 5, "1850-01-01 is outside 1900-01-01..2100-12-31"),
]


def _with(field: str, value: str) -> str:
    cells = GOOD.splitlines()[0].split(",")
    cells[COLUMNS.index(field)] = value
    return HEADER + "\n" + ",".join(cells) + "\n"


@pytest.mark.parametrize(("change", "field", "column", "problem"), BAD)
def test_bad_rows_name_line_and_column(change, field, column, problem):
    name, value = change.split(",", 1)
    with pytest.raises(InputError) as info:
        parse_polls(_with(name, value), "polls.csv")
    assert str(info.value).startswith(f"polls.csv:2:{column}: {field}: ")
    assert problem in str(info.value)


def test_duplicate_candidate_and_overfull_poll():
    duplicate = HEADER + "\n" + GOOD + GOOD.splitlines()[0] + "\n"
    with pytest.raises(InputError, match=r"polls.csv:4:12: candidate: 'Pedro Castillo' appears twice"):
        parse_polls(duplicate, "polls.csv")
    over = HEADER + "\n" + _with("share", "90").split("\n", 1)[1] + GOOD.splitlines()[1].replace("18.3", "20")
    with pytest.raises(InputError, match=r"polls.csv:3:14: share: the shares of this poll add up to 110.0"):
        parse_polls(over, "polls.csv")


def test_missing_column_and_dates():
    with pytest.raises(InputError, match=r"p.csv:1:16: header lacks column 'share' \(expected: election,"):
        parse_polls(HEADER.replace(",share", "") + "\n", "p.csv")
    with pytest.raises(InputError, match=r"p.csv:1:14: unknown column 'pct' \(expected: election,"):
        parse_polls(HEADER.replace(",share", ",pct") + "\n", "p.csv")
    no_dates = _with("published", "")
    no_dates = no_dates.replace("2021-04-01,2021-04-02,", ",,")
    with pytest.raises(InputError, match="needs a publication date or an end of fieldwork"):
        parse_polls(no_dates, "p.csv")


names = st.text(alphabet="abcdefghij XYZ", min_size=1, max_size=12).map(str.strip).filter(bool)


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(names, st.integers(0, 160).map(lambda x: x / 10), min_size=1, max_size=6))
def test_format_and_parse_round_trip(shares):
    lines = [
        f"peru-2026,1,CPI,intention,,2026-03-01,,1200,,all_respondents,candidate,{name},,{value:g},https://x.org,"
        for name, value in shares.items()
    ]
    if len({fold(n) for n in shares}) < len(shares):
        return
    rows = parse_polls(HEADER + "\n" + "\n".join(lines) + "\n")
    assert parse_polls(format_polls(rows)) == rows


BAD_FILES = [
    ("share", "140", ":2:14: share: 140.0 is not a percentage between 0 and 100"),
    ("share", "inf", ":2:14: share: 'inf' is not a number between 0 and 100"),
    ("field_end", "2021-04-09", ":2:7: published: published before fieldwork ended"),
    ("poll_type", "survey", ":2:4: poll_type: 'survey' is not one of intention, simulated_ballot"),
]


@pytest.mark.parametrize(("field", "value", "expected"), BAD_FILES)
def test_cli_rejects_bad_poll_files_with_one_line(cli, tmp_path: Path, field, value, expected):
    path = tmp_path / "polls.csv"
    path.write_text(_with(field, value), encoding="utf-8")
    for command in (
        ["polls", "check", str(path)],
        ["forecast", "--polls", str(path), "--sims", "200", "--no-congress"],
    ):
        code, out, err = cli(*command)
        assert code == 2
        assert out == ""
        assert err.strip().splitlines() == [f"error: {path}{expected}"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HEADER.replace(",share", "").encode() + b"\n", ":1:16: header lacks column 'share' (expected: "),
        (HEADER.replace("share", "pct").encode() + b"\n", ":1:14: unknown column 'pct' (expected: "),
        ((HEADER + "\n" + GOOD).encode().replace(b"Peru Libre", b"Per\xfa Libre"),
         f":2:{GOOD.index('Peru Libre') + 4}: not UTF-8 text: byte 0xfa cannot be read"),
        (b"", ":1:1: empty file: expected a header line for a poll file"),
    ],
)  # fmt: skip
def test_cli_refuses_missing_renamed_columns_and_bad_bytes(cli, tmp_path: Path, text, expected):
    """Once a KeyError or a UnicodeDecodeError traceback; now one line with the place."""
    path = tmp_path / "polls.csv"
    path.write_bytes(text)
    for command in (["polls", "check", str(path)], ["forecast", "--polls", str(path), "--sims", "200"]):
        code, out, err = cli(*command)
        assert code == 2 and out == ""
        (line,) = err.strip().splitlines()
        assert line.startswith(f"error: {path}{expected}"), line


def test_cli_missing_poll_file(cli, tmp_path: Path):
    code, _, err = cli("forecast", "--polls", str(tmp_path / "nope.csv"))
    assert code == 2
    assert err.strip() == f"error: {tmp_path / 'nope.csv'}: no such file"


def test_cli_polls_check_lists_waves(cli_json):
    from importlib import resources

    path = resources.files("curul.forecast").joinpath("polls", "peru-2021-r1.csv")
    data = cli_json("polls", "check", str(path))
    assert len(data["waves"]) == len(group_polls(bundled_rows("peru-2021", 1)))
    assert {w["basis"] for w in data["waves"]} == {"all_respondents", "emitted_votes", "valid_votes"}
