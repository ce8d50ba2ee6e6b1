"""Forecast a Peruvian general election from opinion polls, with calibrated uncertainty and backtests.

Polls (a documented CSV format, bundled curated copies) -> valid-vote shares -> a poll average with
house effects -> a fat-tailed simulation of the first round, the runoff and Congress -> summaries,
charts and backtests against the official results; the runoff also from its own head-to-head polls.
A sweep (:func:`read_sweep`, :func:`run_sweep`) runs a grid of variants, locally or on a Dask cluster.
Every result (:class:`Forecast`, :class:`RunoffForecast`, :class:`Backtest`, :class:`RunoffBacktest`,
:class:`Calibration`, :class:`PollCheck`, :class:`ImportResult`, :class:`Sweep`) gives ``as_dict()``,
``report()`` and, where tabular, ``to_frame()``.
"""

from curul.forecast._average import PollAverage, plain_average
from curul.forecast._backtest import Backtest, Score, run_backtest
from curul.forecast._calibration import Calibration, calibrate
from curul.forecast._congress import parse_blocs
from curul.forecast._elections import Election, bundled_rows, get_election
from curul.forecast._forecast import Forecast, check_sims, run_forecast
from curul.forecast._importers import ImportResult, import_shared_polls
from curul.forecast._model import ErrorModel, draw_first_round, simulate_presidential
from curul.forecast._poll_check import PollCheck, check_polls
from curul.forecast._polls import Poll, PollRow, format_polls, group_polls, parse_polls, read_polls
from curul.forecast._runoff import RunoffBacktest, run_runoff_backtest
from curul.forecast._runoff_forecast import RunoffForecast, run_runoff_forecast, select_runoff_polls
from curul.forecast._sweep import Sweep, SweepVariant, run_sweep
from curul.forecast._sweep_file import Shift, SweepSpec, parse_sweep, read_sweep
from curul.forecast._valid import to_valid

__all__ = [
    "Backtest",
    "Calibration",
    "Election",
    "ErrorModel",
    "Forecast",
    "ImportResult",
    "Poll",
    "PollAverage",
    "PollCheck",
    "PollRow",
    "RunoffBacktest",
    "RunoffForecast",
    "Score",
    "Shift",
    "Sweep",
    "SweepSpec",
    "SweepVariant",
    "bundled_rows",
    "calibrate",
    "check_polls",
    "check_sims",
    "draw_first_round",
    "format_polls",
    "get_election",
    "group_polls",
    "import_shared_polls",
    "parse_blocs",
    "parse_polls",
    "parse_sweep",
    "plain_average",
    "read_polls",
    "read_sweep",
    "run_backtest",
    "run_forecast",
    "run_runoff_backtest",
    "run_runoff_forecast",
    "run_sweep",
    "select_runoff_polls",
    "simulate_presidential",
    "to_valid",
]
