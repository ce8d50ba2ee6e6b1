"""The article index: every article with its rules, handlers, thresholds and sources, in step with
docs/articles.md and with the handlers' declarations."""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

import pytest

from curul.constitution import ArticleIndex, article_keys, articles
from curul.constitution.procedures import HANDLERS, TOPICS
from curul.errors import CurulError

DOCS = Path(__file__).resolve().parents[2] / "docs" / "articles.md"


def test_docs_articles_md_is_the_generated_index() -> None:
    """Regenerate with: python -c "from curul.constitution import articles;
    print(articles().to_markdown(), end='')" > docs/articles.md"""
    assert DOCS.read_text(encoding="utf-8") == articles().to_markdown()


CONST_113 = ("Const. Art. 113", "Reglamento del Congreso Art. 89-A")
DEPUTIES_193 = ("Reglamento de la Cámara de Diputados Art. 193",)


@pytest.mark.parametrize(
    ("citation", "keys"),
    [
        ("Const. Art. 113.2; Reglamento del Congreso Art. 89-A(d)", CONST_113),
        (
            "Const. Arts. 130-133 (Law 31988; not retrieved)",
            tuple(f"Const. Art. {n}" for n in range(130, 134)),
        ),
        (
            "Reglamento del Congreso Arts. 12, 68",
            ("Reglamento del Congreso Art. 12", "Reglamento del Congreso Art. 68"),
        ),
        ("Reglamento de la Cámara de Diputados (RL 005-2025-2026-CR) Art. 193", DEPUTIES_193),
        ("Reglamento del Congreso (cuestión de orden)", ("Reglamento del Congreso",)),
        ("Law 27375 (as reported)", ("Law 27375",)),
    ],
)
def test_citations_name_their_articles(citation: str, keys: tuple[str, ...]) -> None:
    assert article_keys(citation) == keys


def test_art_113_points_at_the_vacancy_module() -> None:
    index = articles("113")
    assert [e.article for e in index.articles] == ["Const. Art. 113"]
    entry = index.articles[0]
    assert {h.file for h in entry.handlers} == {"src/curul/constitution/procedures/vacancy.py"}
    assert "vacancy_vote" in {h.event_type for h in entry.handlers}
    assert ("peru-1993-unicameral", "R5", 87) in {(r.regime, r.rule, r.votes) for r in entry.rules}
    assert entry.sources and all(s.startswith("http") for s in entry.sources)
    assert articles("Const. Art. 113") == index == articles("113.2")


def test_queries_and_unknown_articles() -> None:
    assert [e.article for e in articles("Art. 12").articles] == ["Reglamento del Congreso Art. 12"]
    assert [e.article for e in articles("89-A").articles] == ["Reglamento del Congreso Art. 89-A"]
    succession = articles("115").articles[0]
    assert "src/curul/constitution/procedures/succession.py" in succession.by_file()
    reform = articles("206").articles[0]
    assert [h.event_type for h in reform.handlers] == ["procedure_vote"]  # voted by its threshold alone
    with pytest.raises(CurulError, match="no rule or handler cites article '999'"):
        articles("999")


def test_the_index_is_a_result() -> None:
    index = articles("134")
    assert isinstance(index, ArticleIndex)
    entry = index.as_dict()["articles"][0]
    assert set(entry) == {"article", "rules", "modules", "handlers", "sources"}
    assert set(entry["rules"][0]) == {
        "regime", "rule", "kind", "name", "chamber", "cited_as", "confirmed", "description", "threshold",
        "votes", "arithmetic", "sources",
    }  # fmt: skip
    assert set(entry["handlers"][0]) == {"event_type", "function", "module", "file", "topic"}
    frame = articles().to_frame()
    assert {"article", "regime", "rule", "handlers"} <= set(frame.columns)
    assert (frame["article"] == "Const. Art. 113").sum() == len(articles("113").articles[0].rules)
    assert "Const. Art. 134" in index._repr_html_()
    assert index.report().to_text().startswith("Const. Art. 134\n  code: src/curul/constitution/procedures/")


def test_each_handler_declares_the_procedures_its_module_votes() -> None:
    for topic in TOPICS:
        source = inspect.getsource(sys.modules[topic.module])
        voted = set(re.findall(r'run\.vote\(\s*"([^"]+)"', source))
        declared = {p for h in topic.handlers for p in h.votes}
        assert voted == declared, topic.title
        doc = sys.modules[topic.module].__doc__ or ""
        for article in topic.articles:
            number = re.search(r"Art\. (\S+)$", article)
            assert (number[1] if number else article) in doc, (topic.title, article)
    assert all(h.event_type in HANDLERS for t in TOPICS for h in t.handlers)
