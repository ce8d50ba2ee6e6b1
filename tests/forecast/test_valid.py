import pytest

from curul.forecast import bundled_rows, group_polls, to_valid
from curul.forecast._valid import typical_non_choice


def _waves(election, pollster, field_end, poll_type, basis):
    return [
        p
        for p in group_polls(bundled_rows(election, 1))
        if p.pollster == pollster
        and str(p.first.field_end) == field_end
        and p.poll_type == poll_type
        and p.basis == basis
    ]


def test_respondent_shares_divide_by_those_naming_a_candidate():
    (poll,) = _waves("peru-2021", "IEP", "2021-04-02", "intention", "all_respondents")
    converted = to_valid(poll, typical_non_choice([poll]))
    # blank/null 18.3 + none 2.7 + undecided 6.2 + would not vote 0.4 = 27.6; Castillo 6.6 / 72.4.
    assert converted.shares["Pedro Castillo"] == pytest.approx(100 * 6.6 / 72.4)
    assert converted.decided == pytest.approx(72.4)


def test_emitted_simulacro_matches_the_published_valid_version():
    """Ipsos 10-11 Mar 2021 published both bases; its valid figures are emitted / 0.804 (blank 19.6)."""
    (emitted,) = _waves("peru-2021", "Ipsos", "2021-03-11", "simulated_ballot", "emitted_votes")
    (valid,) = _waves("peru-2021", "Ipsos", "2021-03-11", "simulated_ballot", "valid_votes")
    converted = to_valid(emitted, typical_non_choice([emitted])).shares
    published = valid.candidates()
    assert published
    for name, value in published.items():
        assert converted[name] == pytest.approx(value, abs=0.15), name


def test_valid_basis_is_kept_and_missing_rows_use_the_typical_share():
    (valid,) = _waves("peru-2021", "Ipsos", "2021-03-11", "simulated_ballot", "valid_votes")
    assert to_valid(valid, {}).shares == valid.candidates()
    (partial,) = _waves("peru-2021", "IEP", "2021-01-27", "intention", "all_respondents")
    converted = to_valid(partial, {"all_respondents": 25.0})
    assert converted.shares["George Forsyth"] == pytest.approx(13.3 / 0.75)
    assert "typical 25.0%" in converted.method
