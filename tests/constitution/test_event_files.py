"""The event-file reader refuses what it cannot trust: a table as a type, a date and time as a date,
a date outside the documented range, an empty name or a control character in a name or a note; each
message is the README's ("Input files", scenario files)."""

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
    ],
)  # fmt: skip
def test_bad_events_are_one_located_line(text, message):
    raw, locator = parse_toml(text, "e.toml")
    with pytest.raises(InputError) as info:
        parse_events(raw["events"], "e.toml", locator)
    assert str(info.value).startswith(message), str(info.value)
