"""Each handler is declared once, with its event type, the fields it needs and the articles it applies."""

from __future__ import annotations

import re

import curul.constitution
from curul.constitution import EVENT_TYPES
from curul.constitution.procedures import HANDLERS, TOPICS


def test_event_types_come_from_the_declarations_in_topic_order() -> None:
    declared = [h.event_type for topic in TOPICS for h in topic.handlers]
    assert list(EVENT_TYPES) == declared == list(HANDLERS)
    assert EVENT_TYPES["vacancy_vote"] == ("vote",)
    assert EVENT_TYPES["board_censure"] == ("target", "vote")
    assert [t.title for t in TOPICS] == [
        "Presidency",
        "Vacancy and resignation",
        "Succession",
        "Board of Congress",
        "Cabinet and dissolution",
        "Other",
    ]


def test_the_article_a_handler_applies_is_in_its_docstring() -> None:
    for handler in HANDLERS.values():
        doc = handler.apply.__doc__ or ""
        assert doc, handler.event_type
        for article in handler.articles:
            number = re.search(r"Art\. (\S+)$", article)
            assert (number.group(1) if number else article) in doc, (handler.event_type, article)


def test_art_113_is_in_the_vacancy_module() -> None:
    for event_type in ("vacancy_filing", "vacancy_admission", "vacancy_vote", "resignation", "death"):
        handler = HANDLERS[event_type]
        assert handler.module == "curul.constitution.procedures.vacancy"
        assert handler.file == "src/curul/constitution/procedures/vacancy.py"
        assert "Const. Art. 113" in handler.articles


def test_the_rules_listing_lives_beside_the_package() -> None:
    rules = curul.constitution.rules("peru-2026-bicameral")
    assert ("vacancy.approval", "senate") in {(r.procedure, r.chamber) for r in rules}
