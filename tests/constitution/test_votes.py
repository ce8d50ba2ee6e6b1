"""votes_needed against the worked numbers the reference quotes from its sources."""

import datetime as dt

import pytest

from curul.constitution import ThresholdResult, votes_needed
from curul.errors import CurulError

UNICAMERAL = dt.date(2026, 2, 17)


@pytest.mark.parametrize(
    ("procedure", "kwargs", "votes"),
    [
        ("vacancy.filing", {}, 26),  # El Comercio 2019 "26 firmas"
        ("vacancy.admission", {}, 52),  # 40% of 130 hábiles (El Comercio 2019)
        ("vacancy.admission", {"habiles": 117}, 47),  # "47 de 117" (El Comercio live, May 2024)
        ("vacancy.admission", {"habiles": 120}, 48),  # 48 needed in April 2024
        ("vacancy.admission", {"habiles": 115}, 46),  # R2 worked example
        ("vacancy.fast_track", {}, 104),  # 4/5 of 130 (La República 2025-10-09)
        ("vacancy.approval", {}, 87),  # 2/3 of 130 (Andina, La República 2022)
        ("board.election", {"present": 117}, 59),  # La República 2026-02-18
        ("board.election", {"present": 130}, 66),  # Rovira 2022
        ("board.election", {"present": 124}, 63),  # 63 needed in Sep 2022 (Crónica Viva)
        ("board.election", {"present": 119}, 60),  # "necesitaba 60 votos" 15 Nov 2020 (elonce)
        ("cabinet.censure", {}, 66),  # more than half of 130 (Art. 132)
        ("extraordinary_session.request", {}, 78),  # Rospigliosi "78 firmas"
        ("constitutional_reform.single_legislature", {}, 66),
        ("constitutional_reform.two_legislatures", {}, 87),
        ("interpellation.filing", {}, 20),
        ("cabinet.censure.filing", {}, 33),
    ],
)
def test_unicameral_worked_numbers(procedure: str, kwargs: dict, votes: int) -> None:
    result = votes_needed(procedure, date=UNICAMERAL, **kwargs)
    assert isinstance(result, ThresholdResult)
    assert result.votes == votes
    assert result.regime == "peru-1993-unicameral"
    assert result.arithmetic.endswith(f"= {votes}")
    assert result.sources


def test_arithmetic_text() -> None:
    assert votes_needed("vacancy.approval", date=UNICAMERAL).arithmetic == "⌈2/3 · 130⌉ = 87"
    assert votes_needed("board.election", date=UNICAMERAL, present=117).arithmetic == "⌊117/2⌋ + 1 = 59"


@pytest.mark.parametrize(
    ("procedure", "chamber", "votes", "rule_id"),
    [
        ("vacancy.filing", "deputies", 39, "B1"),
        ("vacancy.admission", "deputies", 52, "B2"),
        ("vacancy.approval", "deputies", 87, "B4"),
        ("vacancy.approval", "senate", 40, "B5"),
    ],
)
def test_bicameral_vacancy(procedure: str, chamber: str, votes: int, rule_id: str) -> None:
    result = votes_needed(procedure, regime="peru-2026-bicameral", chamber=chamber)
    assert (result.votes, result.rule_id, result.chamber) == (votes, rule_id, chamber)


def test_regime_chosen_by_date() -> None:
    assert votes_needed("vacancy.approval", date=dt.date(2026, 7, 26)).regime == "peru-1993-unicameral"
    after = votes_needed("vacancy.approval", date=dt.date(2026, 7, 27))
    assert after.regime == "peru-2026-bicameral"
    assert after.chamber == "deputies"


def test_refusals() -> None:
    with pytest.raises(CurulError, match="not encoded"):
        votes_needed("constitutional_reform.two_legislatures", regime="peru-2026-bicameral")
    with pytest.raises(CurulError, match="not in force"):
        votes_needed("vacancy.approval", date=dt.date(2020, 1, 1), regime="peru-2026-bicameral")
    with pytest.raises(CurulError, match="between 0 and 130"):
        votes_needed("vacancy.admission", date=UNICAMERAL, habiles=131)
    with pytest.raises(CurulError, match="voted in"):
        votes_needed("cabinet.censure", regime="peru-2026-bicameral", chamber="senate")


def test_a_bicameral_threshold_without_a_chamber_says_which_chamber_and_why() -> None:
    """peru-2026-bicameral.toml names ``default_chamber = "deputies"``; vacancy.approval is voted in
    the Deputies (B4, 87 of 130) and then the Senate (B5, 40 of 60); cabinet.censure only in the
    Deputies (B6). Without a chamber the count is the default chamber's, and the result says so."""
    vacancy = votes_needed("vacancy.approval", regime="peru-2026-bicameral")
    assert (vacancy.chamber, vacancy.votes, vacancy.rule_id) == ("deputies", 87, "B4")
    assert vacancy.chamber_choice == (
        "not given: deputies, the default chamber of peru-2026-bicameral; also voted in the senate "
        "(name the chamber to count there)"
    )
    # board.election is listed Senate first in the regime file: the default chamber is used, not the first.
    assert votes_needed("board.election", regime="peru-2026-bicameral").chamber == "deputies"
    censure = votes_needed("cabinet.censure", regime="peru-2026-bicameral")
    assert censure.chamber_choice == "not given: deputies, the default chamber of peru-2026-bicameral"
    asked = votes_needed("vacancy.approval", regime="peru-2026-bicameral", chamber="senate")
    assert (asked.votes, asked.chamber_choice) == (40, "")
    # One chamber (the 1993 unicameral Congress): nothing to choose, nothing said.
    assert votes_needed("vacancy.approval", date=UNICAMERAL).chamber_choice == ""
    assert "chamber: not given: deputies" in vacancy.report().to_text()
