"""``check_polls``: a poll file's waves and their conversion, as a result."""

from curul.forecast import check_polls, group_polls, read_polls

WAVE_KEYS = [
    "pollster",
    "election",
    "round",
    "poll_type",
    "basis",
    "field_date",
    "published",
    "sample_n",
    "candidates",
    "conversion",
]
PATH = "src/curul/forecast/polls/peru-2021-r1.csv"


def test_every_wave_is_listed_with_its_conversion():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / PATH
    result = check_polls(path)
    polls = group_polls(read_polls(path))
    data = result.as_dict()
    assert set(data) == {"file", "waves"} and data["file"] == str(path)
    assert len(data["waves"]) == len(polls)
    assert list(data["waves"][0]) == WAVE_KEYS  # in this order, as --json prints them
    first = data["waves"][0]
    assert first["field_date"] == polls[0].field_date.isoformat()
    assert first["candidates"] == len(polls[0].candidates())
    frame = result.to_frame()
    assert list(frame.columns) == WAVE_KEYS and len(frame) == len(polls)
    html = result._repr_html_()
    assert f"{path}: {len(polls)} waves" in html and "naming a candidate" in html
