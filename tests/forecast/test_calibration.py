"""Calibration of the error scale: leave-one-election-out, the late-movement term, and the result's
protocol (``as_dict``, ``to_frame``, ``report``)."""

import pytest

from curul.forecast import Calibration, calibrate


def test_calibration_leaves_the_tested_election_out():
    older = ("peru-2001", "peru-2006", "peru-2011")
    assert calibrate("peru-2016").elections == (*older, "peru-2021")
    assert calibrate("peru-2021").elections == (*older, "peru-2016")
    assert calibrate("peru-2026").elections == (*older, "peru-2016", "peru-2021")
    for name in ("peru-2016", "peru-2021"):
        assert all(e[0] != name for e in calibrate(name, days_before=30).errors)


def test_calibration_uses_the_same_distance_from_the_vote():
    """An earlier cutoff keeps the blackout calibration and adds the movement measured on the bundled
    elections between that distance and the blackout, in quadrature."""
    import math
    from datetime import timedelta

    from curul.forecast._average import fit_average
    from curul.forecast._calibration import polling_errors
    from curul.forecast._elections import bundled_rows, get_election
    from curul.forecast._forecast import run_forecast
    from curul.forecast._model import calibrate_scale

    election = get_election("peru-2016")
    cutoff = election.first_round - timedelta(days=30)
    expected = fit_average(election, bundled_rows("peru-2016"), cutoff)
    calibration = calibrate("peru-2021", days_before=30)
    shares = dict(zip((c.name for c in expected.candidates_), expected.shares_, strict=True))
    early = polling_errors("peru-2016", 30)
    assert early and all(e in calibration.errors for e in early)
    assert all(p == pytest.approx(shares[name]) for _, name, p, _ in early)
    g = calibration.exponent
    k30 = calibrate_scale([(p, a) for *_, p, a in polling_errors("peru-2016", 30)], g)
    k7 = calibrate_scale([(p, a) for *_, p, a in polling_errors("peru-2016")], g)
    assert calibration.late_movement == pytest.approx(math.sqrt(max(k30**2 - k7**2, 0.0)))
    blackout = calibrate("peru-2021")
    assert blackout.late_movement == 0.0
    assert calibration.scale == pytest.approx(math.hypot(blackout.scale, calibration.late_movement))
    # A forecast with a cutoff 30 days out is calibrated that way.
    forecast = run_forecast(
        "peru-2021",
        cutoff=get_election("peru-2021").first_round - timedelta(days=30),
        sims=200,
        congress=False,
    )
    assert forecast.calibration.scale == pytest.approx(calibration.scale)


def test_a_calibration_is_a_result():
    calibration = calibrate("peru-2021")
    assert set(calibration.as_dict()) == {"scale", "df", "exponent", "elections", "late_movement", "momentum"}
    assert calibration.as_dict()["elections"] == list(calibration.elections)
    frame = calibration.to_frame()
    assert list(frame.columns) == ["election", "candidate", "predicted", "actual"]
    assert len(frame) == len(calibration.errors) and set(frame["election"]) == set(calibration.elections)
    used = "peru-2001, peru-2006, peru-2011, peru-2016"
    line = f"error scale {calibration.scale:.3f} (t, 4 df) calibrated on {used}"
    assert calibration.describe() == line
    assert calibration.describe(tails=False) == line.replace(" (t, 4 df)", "")
    html = calibration._repr_html_()
    assert line in html and "<table" in html and "Castillo" not in html  # 2021 is left out
    assert Calibration(0.1, 4.0, (), ()).describe().endswith("calibrated on the default")
