"""Sweeps: the file schema with located errors, the shifted averages, and the grid run locally (any
number of threads) and on a Dask ``LocalCluster`` with the same result."""

from __future__ import annotations

import numpy as np
import pytest

from curul.errors import InputError
from curul.forecast import parse_sweep, run_sweep
from curul.forecast._forecast import prepare_forecast
from curul.forecast._sweep import shifted

GRID = """\
sims = 400
seed = 3
chunk = 150
error_scales = [1.0, 1.5]
blocs = { "FP+RP" = ["Fuerza Popular", "Renovacion Popular"] }

[[shifts]]
name = "polls"

[[shifts]]
name = "Keiko +3"
points = { "Keiko Fujimori" = 3.0 }
"""


def test_a_grid_file_is_read():
    spec = parse_sweep(GRID, "grid.toml")
    assert [s.name for s in spec.shifts] == ["polls", "Keiko +3"]
    assert spec.shifts[1].points == (("Keiko Fujimori", 3.0),)
    assert spec.error_scales == (1.0, 1.5) and (spec.sims, spec.seed, spec.chunk) == (400, 3, 150)
    assert spec.blocs == (("FP+RP", ("Fuerza Popular", "Renovacion Popular")),)
    defaults = parse_sweep("", "empty.toml")
    assert [s.name for s in defaults.shifts] == ["polls"] and defaults.error_scales == (1.0,)
    assert defaults.sims is None and defaults.congress


@pytest.mark.parametrize(
    ("text", "where", "problem"),
    [
        ("sims = 400\nshift = 1\n", "grid.toml:2:1: shift", "unknown key"),
        ("sims = 50\n", "grid.toml:1:1: sims", "50 is too few (at least 100)"),
        ('sims = "many"\n', "grid.toml:1:1: sims", "has the wrong type (str)"),
        ("error_scales = [1.0, 0]\n", "grid.toml:1:1: error_scales", "above 0"),
        ("error_scales = [1.0, true]\n", "grid.toml:1:1: error_scales", "must be a number, got bool"),
        ('\n[[shifts]]\nname = "a"\n\n[[shifts]]\nname = "a"\n', "grid.toml:6:1: shifts[1].name", "another"),
        ('[[shifts]]\nname = "a"\ncolour = 1\n', "grid.toml:3:1: shifts[0].colour", "unknown key"),
        ('[[shifts]]\nname = "a"\npoints = { X = "2" }\n', "grid.toml:3:1: shifts[0].points", "number"),
        ("sims = 4 4\n", "grid.toml:1:", "invalid TOML"),
    ],
)
def test_mistakes_are_located(text, where, problem):
    with pytest.raises(InputError) as caught:
        parse_sweep(text, "grid.toml")
    assert str(caught.value).startswith(where) and problem in str(caught.value)


def test_an_unknown_candidate_is_reported_at_its_points_line():
    spec = parse_sweep('[[shifts]]\nname = "a"\n\npoints = { "Nobody" = 1.0 }\n', "grid.toml")
    with pytest.raises(InputError) as caught:
        run_sweep(spec, sims=100)
    assert str(caught.value).startswith("grid.toml:4:1: points: 'Nobody' is not a candidate")


def test_a_shift_moves_points_and_keeps_the_total():
    inputs = prepare_forecast("peru-2026")
    avg = inputs.average
    (shift,) = parse_sweep('[[shifts]]\nname = "k"\npoints = { "keiko fujimori" = 3.0 }\n').shifts
    shares, others = shifted(inputs, shift)
    i = inputs.names.index("Keiko Fujimori")
    assert shares[i] == pytest.approx(avg.shares_[i] + 3.0)
    assert shares.sum() + others == pytest.approx(avg.shares_.sum() + avg.others_)
    rest = np.delete(np.arange(len(shares)), i)  # the others scaled by one factor
    np.testing.assert_allclose(shares[rest] / avg.shares_[rest], others / avg.others_)


def _plain(sweep):
    out = sweep.as_dict()
    out.pop("scheduler")
    return out


def test_the_grid_is_the_same_on_any_threads_and_on_a_dask_cluster():
    distributed = pytest.importorskip("distributed")
    spec = parse_sweep(GRID, "grid.toml")
    local = run_sweep(spec, workers=2)
    assert len(local.variants) == 4 and local.variants[0].forecast.sims == 400
    keiko = [
        next(c.p_win for c in v.forecast.candidates if c.name == "Keiko Fujimori") for v in local.variants
    ]
    assert keiko[2] > keiko[0]  # same random numbers per chunk: +3 points can only help her
    assert _plain(run_sweep(spec, workers=1)) == _plain(local)
    with distributed.LocalCluster(
        processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None
    ) as cluster:
        remote = run_sweep(spec, scheduler=cluster.scheduler_address)
    assert remote.scheduler == cluster.scheduler_address
    assert _plain(remote) == _plain(local)
    assert "run on the Dask scheduler" in remote.report().to_text()


def test_the_command_runs_a_sweep_file(cli, cli_json, tmp_path):
    path = tmp_path / "grid.toml"
    path.write_text(GRID.replace("sims = 400", "sims = 200").replace("[1.0, 1.5]", "[1.0]"), encoding="utf-8")
    data = cli_json("forecast", "--sweep", str(path), "--workers", "2")
    assert data["sims"] == 200 and [v["shift"] for v in data["variants"]] == ["polls", "Keiko +3"]
    assert {"shift", "points", "error_scale", "scale", "forecast"} == set(data["variants"][0])
    code, _, err = cli("forecast", "--scheduler", "tcp://127.0.0.1:1")
    assert code == 2 and "--scheduler: only a sweep" in err
    code, _, err = cli("forecast", "--sweep", str(path), "--bloc", "A=B")
    assert code == 2 and "--sweep:" in err
