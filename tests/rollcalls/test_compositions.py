"""Compositions read off the roll calls: the groups as recorded on a day, as a curul.congress Composition."""

from __future__ import annotations

import datetime as dt

import pytest

from curul.congress import Composition
from curul.errors import CurulError
from curul.rollcalls import composition_on


def test_composition_from_first_roll_call(rollcalls):
    comp = composition_on(rollcalls, dt.date(2021, 7, 26))
    assert isinstance(comp, Composition) and comp.id == "rollcalls:2021-07-26"
    # counted from ballots.csv of vote 2021-07-26T10-40
    assert comp.total == 130
    assert comp.seats["PL"] == 37
    assert comp.seats["SP"] == 8  # Somos Perú and Partido Morado as one group
    assert comp.seats["RP"] == 12
    assert comp.seats["NA"] == 1  # the group code "NA" (non-attached), not a missing value


def test_habiles_leave_out_members_on_leave(rollcalls):
    day = dt.date(2022, 12, 7)
    everyone = composition_on(rollcalls, day)
    habiles = composition_on(rollcalls, day, habiles_only=True)
    ballots = rollcalls.ballots[rollcalls.ballots["vote_id"] == "2022-12-07T13-16"]
    not_habil = ballots["category"].isin(["leave", "suspended", "deceased"]).sum()
    assert habiles.total == everyone.total - not_habil == habiles.habiles


def test_date_before_data_is_refused(rollcalls):
    with pytest.raises(CurulError, match="data starts"):
        composition_on(rollcalls, dt.date(2020, 1, 1))
