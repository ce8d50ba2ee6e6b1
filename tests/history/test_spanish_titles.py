"""Every event of the bundled history has a Spanish title (``label_es``), because the dashboard is in
Spanish by default and an event without one would show its English title there; and the Spanish title
keeps what a reader checks against the sources: the people's names, the resolutions' and decrees' ids,
the motions' numbers."""

from __future__ import annotations

import re

from curul.history import history_events

_PEOPLE = ("winner", "runner_up", "first_vp", "second_vp", "third_vp")
# An official id (RL 008-2017-2018-CR, DS 165-2019-PCM, R.S. 223-2026-PCM) or a number of three or more
# digits (a law, a motion, a seat count); two-digit years and counts may be spelt out in Spanish.
_IDS = re.compile(r"\d+(?:-\d+)*-[A-Z]+|\d{3,}")


def _surnames() -> set[str]:
    """Every word of a person's name the history gives (winners, runners-up, vice presidents, the
    Presidents of the Council of Ministers), long enough to be a name rather than a particle."""
    words: set[str] = set()
    for event in history_events():
        named = [getattr(event, key) for key in _PEOPLE]
        if event.type in ("cabinet_appointed", "confidence_denied"):
            named.append(event.name)
        for name in filter(None, named):
            words.update(w for w in re.findall(r"\w+", name) if len(w) > 3 and w[0].isupper())
    return words


def test_every_event_has_a_spanish_title() -> None:
    missing = [f"{e.date} {e.title}" for e in history_events() if not e.title_es]
    assert not missing, f"events without label_es: {missing}"


def test_a_spanish_title_is_a_translation_not_a_copy() -> None:
    copied = [f"{e.date} {e.title}" for e in history_events() if e.title_es == e.title]
    assert not copied


def test_spanish_titles_keep_names_ids_and_numbers() -> None:
    people = _surnames()
    assert {"Kuczynski", "Vizcarra", "Jerí", "Balcázar"} <= people  # the set is what it should be
    for event in history_events():
        names = {w for w in re.findall(r"\w+", event.title) if w in people}
        lost = sorted(w for w in names if w not in re.findall(r"\w+", event.title_es))
        assert not lost, f"{event.date} {event.title_es!r} drops {lost}"
        ids = [i for i in _IDS.findall(event.title) if i not in event.title_es]
        assert not ids, f"{event.date} {event.title_es!r} drops {ids}"
