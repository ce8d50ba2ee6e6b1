"""The event-file reader refuses what it cannot trust: a table as a type, a date and time as a date,
a date outside the documented range, an empty name or a control character in a name, a note or a
Spanish title; each message is the README's ("Input files", scenario files)."""

from __future__ import annotations

import pytest

from curul.constitution import parse_events
from curul.errors import InputError
from curul.inputs import parse_toml

HEAD = '[[events]]\ntype = "death"\ntarget = "president"\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[events]]\ndate = 2026-01-05\ntype = {}\n', "e.toml:3:1: events[0].type: unknown event type {}"),
        (HEAD + "date = 2026-01-05T10:00:00\n",
         "e.toml:4:1: events[0].date: 2026-01-05T10:00:00 is a date and time; give a date (YYYY-MM-DD)"),
        (HEAD + "date = 1492-10-12\n",
         "e.toml:4:1: events[0].date: 1492-10-12 is outside 1900-01-01..2100-12-31"),
        (HEAD + 'date = "2026-13-01"\n',
         "e.toml:4:1: events[0].date: '2026-13-01' is not a date (YYYY-MM-DD)"),
        (HEAD + "date = 2026-01-05\nsworn = 2026-01-06T09:00:00\n",
         "e.toml:5:1: events[0].sworn: must be a date on or after the event's date"),
        ('[[events]]\ndate = 2026-01-05\ntype = "cabinet_appointed"\nname = "  "\n',
         "e.toml:4:1: events[0].name: is empty"),
        ('[[events]]\ndate = 2026-01-05\ntype = "cabinet_appointed"\nname = "Ana\\u001b[31m"\n',
         "e.toml:4:1: events[0].name: has a control or formatting character (U+001B at position 4)"),
        (HEAD + 'date = 2026-01-05\nnote = "see\\u0007"\n',
         "e.toml:5:1: events[0].note: has a control or formatting character (U+0007 at position 4)"),
        (HEAD + 'date = 2026-01-05\nlabel_es = "Muerte\\u001b[31m"\n',
         "e.toml:5:1: events[0].label_es: has a control or formatting character (U+001B at position 7)"),
        (HEAD + 'date = 2026-01-05\nlabel_es = " "\n', "e.toml:5:1: events[0].label_es: is empty"),
        (HEAD + "date = 2026-01-05\nlabel_es = 7\n",
         "e.toml:5:1: events[0].label_es: must be a string, got 7"),
        (HEAD + 'date = 2026-01-05\nlabel_es = "' + "x" * 301 + '"\n',
         "e.toml:5:1: events[0].label_es: is longer than 300 characters"),
    ],
)  # fmt: skip
def test_bad_events_are_one_located_line(text, message):
    raw, locator = parse_toml(text, "e.toml")
    with pytest.raises(InputError) as info:
        parse_events(raw["events"], "e.toml", locator)
    assert str(info.value).startswith(message), str(info.value)


def test_a_spanish_title_is_read_beside_the_english_one():
    """``label_es`` is what the Spanish pages show, so it is kept exactly (surrounding spaces trimmed, as a
    name), and an event without one has no Spanish title rather than a made-up one."""
    text = HEAD + 'date = 2026-01-05\nlabel = "Death of the President"\n'
    text += 'label_es = " Muerte del presidente "\n' + HEAD + "date = 2026-01-06\n"
    raw, locator = parse_toml(text, "e.toml")
    first, second = parse_events(raw["events"], "e.toml", locator)
    assert (first.title, first.title_es) == ("Death of the President", "Muerte del presidente")
    assert first.as_dict()["label_es"] == "Muerte del presidente"
    assert (second.title, second.title_es) == ("death president", "")
    assert "label_es" not in second.as_dict()
