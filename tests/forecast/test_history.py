"""The older first rounds used for calibration: the bundled file and its parser."""

import pytest

from curul.errors import InputError
from curul.forecast._history import historical_errors, parse_history

HEADER = (
    "election,first_round,row,pollster,field_end,published,basis,non_choice,candidate,share,source,note\n"
)


def test_bundled_history_covers_2001_2006_2011_with_sources():
    errors = historical_errors()
    assert {e.election for e in errors} == {"peru-2001", "peru-2006", "peru-2011"}
    by = {(e.election, e.candidate): e for e in errors}
    # CPI 26-29 Mar 2001 (AFP): Toledo 30.7% of respondents, 21% undecided/blank -> 30.7 / 0.79.
    assert by[("peru-2001", "Alejandro Toledo")].predicted == pytest.approx(30.7 / 0.79 * 1.0)
    # Nohlen: 3,871,167 of 10,601,720 valid votes.
    assert by[("peru-2001", "Alejandro Toledo")].actual == pytest.approx(
        100 * 3_871_167 / 10_601_720, abs=1e-3
    )
    # 2011: mean of CPI (28.7) and Ipsos Apoyo (27.2), both valid votes, published 3 Apr 2011.
    assert by[("peru-2011", "Ollanta Humala")].predicted == pytest.approx((28.7 + 27.2) / 2)


def test_history_rows_need_a_source_and_a_known_basis():
    row = "peru-2001,2001-04-08,final_poll,CPI,,,{basis},{nc},A,30,{src},\n"
    with pytest.raises(InputError, match=r":2: source: every row needs a source"):
        parse_history(HEADER + row.format(basis="valid_votes", nc="", src=""))
    with pytest.raises(InputError, match=r":2: basis: unknown basis"):
        parse_history(HEADER + row.format(basis="votes", nc="", src="s"))
    with pytest.raises(InputError, match=r":2: non_choice"):
        parse_history(HEADER + row.format(basis="all_respondents", nc="", src="s"))


def test_a_candidate_without_a_result_is_not_an_error():
    text = HEADER + (
        "peru-2001,2001-04-08,final_poll,CPI,,,valid_votes,,A,30,s,\n"
        "peru-2001,2001-04-08,final_poll,CPI,,,valid_votes,,B,20,s,\n"
        "peru-2001,2001-04-08,result,,,,valid_votes,,A,33,s,\n"
    )
    (only,) = parse_history(text)
    assert (only.candidate, only.predicted, only.actual) == ("A", 30.0, 33.0)


def test_non_choice_shares_of_2001_2011_have_sources():
    from curul.forecast._history import historical_non_choice, parse_non_choice

    # AFP 30 Mar 2001 (21%), Apoyo 22-24 Mar 2006 (18%), Ipsos Apoyo 19-25 Mar 2011 (11%).
    assert historical_non_choice() == {"peru-2001": 21.0, "peru-2006": 18.0, "peru-2011": 11.0}
    head = "election,pollster,field,published,non_choice,source,note\n"
    with pytest.raises(InputError, match=r":2: source"):
        parse_non_choice(head + "peru-2001,CPI,,,21,,\n")
    with pytest.raises(InputError, match=r":2: non_choice"):
        parse_non_choice(head + "peru-2001,CPI,,,abc,s,\n")
    with pytest.raises(InputError, match=r":2: non_choice"):
        parse_non_choice(head + "peru-2001,CPI,,,120,s,\n")
