"""The transitions of the presidency, read off the replay of curul/history/events.toml."""

import datetime as dt
import itertools

from curul.history import presidents, transitions


def test_one_transition_between_each_pair_of_presidents():
    found = transitions()
    names = [p.name for p in presidents()]
    assert [(t.outgoing.name, t.incoming.name) for t in found.transitions] == list(itertools.pairwise(names))
    assert [t.number for t in found.transitions] == list(range(1, len(names)))
    assert found.get(0) is None and found.get(len(names)) is None


def test_vizcarra_vacated_carries_the_vote_the_threshold_and_the_sources():
    # events.toml: 2020-11-09 vacancy_vote, 105-19-4, sworn 2020-11-10; admitted on 2020-11-02.
    t = transitions().get(2)
    assert (t.outgoing.name, t.incoming.name) == ("Martín Vizcarra", "Manuel Merino")
    assert (t.left, t.took) == (dt.date(2020, 11, 9), dt.date(2020, 11, 10))
    deciding = [e for e in t.events if e.deciding]
    assert [(e.event.type, e.outcome) for e in deciding] == [("vacancy_vote", "passed")]
    vote = deciding[0]
    assert (vote.event.yes, vote.event.no, vote.event.abstain) == (105, 19, 4)
    assert any(s.article and s.arithmetic for s in vote.trace)
    assert all(s.sources for s in vote.trace)
    # the lead-up is the admission of the same motion, not the failed September motion
    assert [(e.event.date, e.event.type) for e in t.events if not e.deciding] == [
        (dt.date(2020, 11, 2), "vacancy_admission")
    ]


def test_end_of_term_shows_the_runoff_and_the_inauguration():
    t = transitions().get(4)  # Sagasti -> Castillo: 2021-06-06 runoff, 2021-07-28 inauguration
    assert [(e.event.date, e.event.type, e.deciding) for e in t.events] == [
        (dt.date(2021, 6, 6), "general_election", False),
        (dt.date(2021, 7, 28), "inauguration", True),
    ]


def test_as_dict_and_frame_agree():
    found = transitions()
    data = found.as_dict()
    assert len(data["transitions"]) == len(found.transitions) == len(found.to_frame())
    first = data["transitions"][0]
    assert first["outgoing"] == "Pedro Pablo Kuczynski"
    assert first["events"][-1]["type"] == "resignation_accepted"
    assert "trace" in first["events"][0] and "deciding" in first["events"][0]
    assert "Transitions 2016-2026" in found.report().to_text()
