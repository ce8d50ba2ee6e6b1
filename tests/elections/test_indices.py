import math

from curul.elections import (
    allocate_system,
    effective_number,
    gallagher,
    indices,
    load_system,
    loosemore_hanby,
    official_votes,
)


def test_hand_computed_indices():
    votes, seats = {"A": 60, "B": 30, "C": 10}, {"A": 7, "B": 3, "C": 0}
    # shares: votes 60/30/10, seats 70/30/0 -> differences 10, 0, 10
    assert math.isclose(gallagher(votes, seats), math.sqrt((100 + 0 + 100) / 2))
    assert math.isclose(loosemore_hanby(votes, seats), 10.0)
    assert math.isclose(effective_number(votes), 1 / (0.36 + 0.09 + 0.01))
    assert math.isclose(effective_number(seats), 1 / (0.49 + 0.09))


def test_2016_disproportionality_is_computed_from_all_lists():
    system = load_system("peru-2016")
    votes, _ = official_votes(system)
    result = allocate_system(system, votes)
    idx = indices(result.national_votes, result.seats)
    # FP 36.34% of votes for 56.2% of seats: the index must exceed that one gap's share of it
    fp_gap = 100 * (73 / 130 - result.national_votes["FUERZA POPULAR"] / sum(result.national_votes.values()))
    assert idx.gallagher > fp_gap / math.sqrt(2)
    assert idx.enp_seats < idx.enp_votes


def test_indices_are_a_result():
    idx = indices({"A": 60, "B": 30, "C": 10}, {"A": 7, "B": 3, "C": 0})
    assert idx.as_dict() == {
        "gallagher": 10.0,
        "loosemore_hanby": 10.0,
        "enp_votes": 2.1739,
        "enp_seats": 1.7241,
    }
    assert idx.report().to_text() == (
        "Gallagher 10.00 · Loosemore–Hanby 10.00 · effective parties: votes 2.17, seats 1.72"
    )
    assert "Gallagher 10.00" in idx._repr_html_()
