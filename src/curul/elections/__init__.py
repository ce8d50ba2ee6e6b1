"""Elections: official results, electoral systems and seat allocation."""

from curul.elections._results import CongressResults, PartyResult, congress_results, congress_years

__all__ = ["CongressResults", "PartyResult", "congress_results", "congress_years"]
