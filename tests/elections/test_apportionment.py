"""The 2026 Deputies magnitudes follow from the electorate: 1 per district (abroad 2) + 102 by Hare."""

import pytest

from curul.data import load
from curul.elections import apportion_deputies_2026, electorate_2026
from curul.errors import CurulError

# Tumbes and Ucayali could not be read from the source. Bounds used here: Tumbes between its 2016 roll
# (156,120; ONPE via diarioep.pe) and its final 2026 roll (181,317; Reniec via gestion.pe); Ucayali
# between 400,000 and 600,000 (its 2016 roll was 336,888 and Peru21 reports 12.35% growth since 2021).
TUMBES = (156_120, 181_317)
UCAYALI = (400_000, 600_000)


def _official():
    return {
        r.district: r.seats
        for r in load("district-magnitudes").rows
        if r.year == 2026 and r.chamber == "deputies"
    }


@pytest.mark.parametrize("tumbes", TUMBES)
@pytest.mark.parametrize("ucayali", UCAYALI)
def test_reproduces_res_0053_2025_jne(tumbes, ucayali):
    electorate = electorate_2026()
    assert sorted(electorate.missing) == ["TUMBES", "UCAYALI"]
    electors = dict(electorate.electors) | {"TUMBES": tumbes, "UCAYALI": ucayali}
    result = apportion_deputies_2026(electors)
    assert result.seats == _official()
    assert result.seats["LIMA METROPOLITANA"] == 32 and result.proportional.seats["LIMA METROPOLITANA"] == 31
    assert sum(result.proportional.seats.values()) == 102 and not result.proportional.ties


def test_missing_figures_are_refused_not_guessed():
    with pytest.raises(CurulError, match="TUMBES"):
        apportion_deputies_2026(dict(electorate_2026().electors))
