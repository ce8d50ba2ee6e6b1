"""Every numeric and date option is bounded (one line naming the flag, exit 2, before any work), and
every tabular command writes its table with ``--csv FILE`` (checked before any work too)."""

from __future__ import annotations

import csv as csvlib

import pytest

from curul.cli import main
from curul.cli._options import MAX_SEED, MAX_SIMS


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = 0
    try:
        main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("forecast", "--sims", str(MAX_SIMS + 1)),
         f"error: Invalid value for '--sims': Input should be less than or equal to {MAX_SIMS}"),
        (("forecast", "--sims", "1" + "0" * 30),
         f"error: Invalid value for '--sims': Input should be less than or equal to {MAX_SIMS}"),
        (("forecast", "--sims", "1e30"),
         "error: Invalid value for '--sims': Input should be a valid integer, unable to parse string as an "
         "integer"),
        (("backtest", "--election", "peru-2021", "--seed", "-1"),
         "error: Invalid value for '--seed': Input should be greater than or equal to 0"),
        (("forecast", "--seed", str(MAX_SEED + 1)),
         f"error: Invalid value for '--seed': Input should be less than or equal to {MAX_SEED}"),
        (("forecast", "--cutoff", "0001-01-01"),
         "error: --cutoff: 0001-01-01 is outside 1900-01-01..2100-12-31"),
        (("forecast", "--cutoff", "2026-02-30"), "error: --cutoff: not a date (YYYY-MM-DD): '2026-02-30'"),
        (("threshold", "vacancy.approval", "--date", "9999-01-01"),
         "error: --date: 9999-01-01 is outside 1900-01-01..2100-12-31"),
        (("threshold", "vacancy.approval", "--habiles", "99999999999999999999"),
         "error: Invalid value for '--habiles': Input should be less than or equal to 1000"),
        (("threshold", "vacancy.approval", "--present", "-1"),
         "error: Invalid value for '--present': Input should be greater than or equal to 0"),
        (("seats", "--system", "peru-2016", "--official", "--tie-break", "-3"),
         "error: Invalid value for '--tie-break': Input should be greater than or equal to 0"),
        (("apportion", "--set", "TUMBES=" + "9" * 5000),
         "error: --set 'TUMBES=" + "9" * 53 + "…': expected DISTRICT=ELECTORS with a positive whole number "
         "(99999999999999999999… (5000 digits) is larger than 1,000,000,000,000)"),
    ],
)  # fmt: skip
def test_out_of_range_options_are_one_line_naming_the_flag(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert err.strip().splitlines() == [message]


TABLES = [
    (("results", "2016"), "party", "FUERZA POPULAR"),  # JNE: Fuerza Popular 73 seats in 2016
    (("seats", "--system", "peru-2016", "--official"), "list", "FUERZA POPULAR"),
    (("systems",), "system", "peru-2001"),
    (("apportion", "--set", "TUMBES=170000", "--set", "UCAYALI=420000"), "district", "LIMA METROPOLITANA"),
    (("threshold", "--list"), "procedure", None),
    (("articles", "113"), "article", "Const. Art. 113"),
    (("power", "-c", "2021-07", "-t", "87"), "group", None),
    (("coalitions", "-c", "2021-07", "-t", "87"), "groups", None),
    (("compositions",), "id", "2016"),
    (("history",), "number", "1"),
    (("backtest", "--election", "peru-2021", "--round", "2"), "method", None),
]


@pytest.mark.parametrize(("args", "first", "value"), TABLES, ids=[" ".join(t[0][:2]) for t in TABLES])
def test_every_tabular_command_writes_csv(capsys, tmp_path, args, first, value):
    target = tmp_path / "table.csv"
    code, _, err = run(capsys, *args, "--csv", str(target))
    assert code == 0, err
    rows = list(csvlib.reader(target.read_text(encoding="utf-8").splitlines()))
    assert rows[0][0] == first and len(rows) > 1
    if value is not None:
        assert rows[1][0] == value
    code, out, _ = run(capsys, *args, "--csv", "-")
    assert code == 0 and out == target.read_text(encoding="utf-8")


def test_a_bad_csv_path_is_refused_before_any_work(capsys, tmp_path):
    code, out, err = run(capsys, "forecast", "--sims", "200", "--csv", str(tmp_path / "no" / "f.csv"))
    assert (code, out) == (2, "")
    assert err.strip() == f"error: --csv: {tmp_path}/no/f.csv: the folder {tmp_path}/no does not exist"
    assert list(tmp_path.iterdir()) == []
