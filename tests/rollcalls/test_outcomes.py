"""The motion-outcome model: exact count laws, the baseline, vacancy thresholds, an out-of-sample run."""

from __future__ import annotations

import datetime as dt
import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curul.rollcalls import MotionModel, evaluate, motion_kind, vacancy_votes
from curul.rollcalls._baseline import baseline
from curul.rollcalls._reference import count_distributions


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 1), st.floats(0, 1)),
        min_size=1,
        max_size=5,
    )
)
def test_count_laws_equal_enumeration(voters):
    p_yes = np.array([[p for p, _ in voters]])
    p_abs = np.array([a for _, a in voters])
    yes, margin = count_distributions(p_yes, p_abs)
    n = len(voters)
    want_yes = np.zeros(n + 1)
    want_margin = np.zeros(2 * n + 1)
    for outcome in itertools.product((1, -1, 0), repeat=n):
        prob = math.prod(
            (1 - a) * p if o == 1 else (1 - a) * (1 - p) if o == -1 else a
            for o, (p, a) in zip(outcome, voters, strict=True)
        )
        want_yes[sum(o == 1 for o in outcome)] += prob
        want_margin[n + sum(outcome)] += prob
    assert yes[0] == pytest.approx(want_yes, abs=1e-12)
    assert margin[0] == pytest.approx(want_margin, abs=1e-12)


def test_vacancy_subjects_are_recognised(rollcalls):
    kinds = {
        vid: motion_kind(s)
        for vid, s in zip(rollcalls.votes["vote_id"], rollcalls.votes["subject"], strict=True)
    }
    vacancy = sorted(v for v, k in kinds.items() if k == "vacancy")
    assert vacancy == [
        "2021-12-07T19-46",  # admission, motion 1222 (Castillo)
        "2022-03-14T12-38",  # admission, motion 2148 (Castillo)
        "2022-03-28T23-19",  # final vote (Castillo)
        "2022-12-01T20-23",  # admission, motion 4904 (Castillo)
        "2022-12-07T13-16",  # final vote (Castillo)
        "2023-04-04T13-12",  # admission, motion 5372 (Boluarte)
        "2024-03-01T10-30",  # admission, motion 9647 (Boluarte)
    ]
    # the date-setting proposals and the reconsideration are procedural, not vacancy votes
    assert kinds["2022-03-14T13-59"] == "procedural"
    assert kinds["2023-04-04T13-28"] == "reconsideration"


def test_vacancy_thresholds(rollcalls):
    for vac in vacancy_votes(rollcalls):
        ballots = rollcalls.ballots[rollcalls.ballots["vote_id"] == vac.vote_id]
        habiles = int((~ballots["category"].isin(["leave", "suspended", "deceased"])).sum())
        assert vac.habiles == habiles
        if vac.procedure == "vacancy.admission":
            assert vac.threshold == math.ceil(0.4 * habiles)  # Reglamento Art. 89-A: 40 % of hábiles
        else:
            assert vac.threshold == 87  # Const. Art. 113 / Reglamento: 2/3 of 130


def test_baseline_by_hand(rollcalls):
    # vote 2022-03-28T23-19 (final Castillo vacancy vote): each group's voters vote as the group's
    # plurality did in the group's previous vote
    vid = "2022-03-28T23-19"
    order = {v: k for k, v in enumerate(rollcalls.votes["vote_id"])}
    b = rollcalls.ballots
    cast = b[b["category"].isin(["yes", "no", "abstain"])]
    now = cast[cast["vote_id"] == vid]
    expected_yes = 0
    for group, rows in now.groupby("group", observed=True):
        earlier = cast[(cast["group"] == group) & (cast["vote_id"].map(order) < order[vid])]
        last = max(earlier["vote_id"], key=order.__getitem__)
        counts = earlier[earlier["vote_id"] == last]["category"].value_counts()
        positions = ["yes", "no", "abstain"]  # ties go to the earlier position in this list
        top = max(positions, key=lambda c: (counts.get(c, 0), -positions.index(c)))
        if top == "yes":
            expected_yes += len(rows)
    assert baseline(rollcalls, vid)[0] == expected_yes


def test_out_of_sample_run(rollcalls):
    ev = evaluate(rollcalls, dt.date(2021, 11, 15), until=dt.date(2021, 11, 20), model=MotionModel(tol=1e-5))
    assert ev.votes == rollcalls.between(dt.date(2021, 11, 15), dt.date(2021, 11, 20)).n_votes > 0
    for p in ev.predictions:
        assert 0 <= p.p_pass <= 1
        assert p.yes_low <= p.expected_yes <= p.yes_high <= p.voters
    assert 0 <= ev.brier_model <= 1 and 0 <= ev.brier_baseline <= 1


def test_too_little_history_is_refused(rollcalls):
    from curul.errors import CurulError

    with pytest.raises(CurulError, match="too few"):
        MotionModel().fit(rollcalls, before=dt.date(2021, 8, 1))


def test_group_share_basis(rollcalls):
    model = MotionModel(basis="groups").fit(rollcalls, before=dt.date(2022, 3, 14))
    pred = model.predict_vote(rollcalls, "2022-03-14T12-38", 50)
    assert pred.recorded_yes == 76 and pred.passed
    assert 0 <= pred.p_pass <= 1
    assert pred.yes_low <= pred.expected_yes <= pred.yes_high <= pred.voters
    # shares are fitted from earlier votes only
    assert model.params_["date"].max() < np.datetime64("2022-03-14")


def test_forecast_of_a_new_motion(rollcalls):
    from curul.rollcalls._outcomes import forecast_motion

    fc = forecast_motion(
        rollcalls, "vacancy", on=dt.date(2023, 4, 4), threshold=50, model=MotionModel(basis="groups")
    )
    before = rollcalls.votes[rollcalls.votes["date"] < "2023-04-04"]["vote_id"].iloc[-1]
    ballots = rollcalls.ballots[rollcalls.ballots["vote_id"] == before]
    assert fc.habiles == (~ballots["category"].isin(["leave", "suspended", "deceased"])).sum()
    assert sum(fc.yes_distribution) == pytest.approx(1)
    assert fc.p_pass == pytest.approx(sum(fc.yes_distribution[50:]))
    assert fc.yes_low <= fc.expected_yes <= fc.yes_high <= fc.habiles


def test_forecast_rejects_unknown_kind(rollcalls):
    from curul.errors import CurulError
    from curul.rollcalls._outcomes import forecast_motion

    with pytest.raises(CurulError, match=r"^kind: use one of") as info:
        forecast_motion(rollcalls, "impeachment")
    assert info.value.argument == "kind"  # the library names its argument; the CLI says --kind
