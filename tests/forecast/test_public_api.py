import curul.forecast


def test_public_api_is_curated():
    assert sorted(curul.forecast.__all__) == [
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
        "plain_average",
        "read_polls",
        "run_backtest",
        "run_forecast",
        "run_runoff_backtest",
        "run_runoff_forecast",
        "select_runoff_polls",
        "simulate_presidential",
        "to_valid",
    ]
    for name in curul.forecast.__all__:
        assert hasattr(curul.forecast, name)
