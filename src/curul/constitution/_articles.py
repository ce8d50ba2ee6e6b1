"""The article index: for each article of the Constitution, the Reglamentos and the laws the engine cites,
the rules that cite it (procedures with their thresholds, provisions, chambers, in every bundled regime),
the handlers that apply it (event type, module) and the sources.

``curul articles [ARTICLE]`` prints it; ``docs/articles.md`` is :meth:`ArticleIndex.to_markdown` of the
whole index, regenerated with::

    python -c "from curul.constitution import articles; print(articles().to_markdown(), end='')" \\
        > docs/articles.md

Articles are read from the rules' citations (``Const. Art. 113.2; Reglamento del Congreso Art. 89-A(d)``
cites ``Const. Art. 113`` and ``Reglamento del Congreso Art. 89-A``) and from each handler's declaration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from curul.constitution._regime import Regime
from curul.constitution._regime_file import regimes as bundled_regimes
from curul.constitution._thresholds import arithmetic, required_votes
from curul.constitution.procedures import HANDLERS, TOPICS, Handler, Topic
from curul.errors import CurulError
from curul.report import Column, Line, Presentable, Report, Span, Table

if TYPE_CHECKING:
    import pandas as pd

_INSTRUMENTS = (
    "Const.",
    "Reglamento del Congreso",
    "Reglamento de la Cámara de Diputados",
    "Reglamento del Senado",
)
_ARTICLE = re.compile(r"^(?P<instrument>.*?)\s*\bArts?\.\s*(?P<numbers>.+)$")
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_SUBSECTION = re.compile(r"(?<=\d)\.\d+$")  # 113.2 is cited as Art. 113
_HEADER = """# Articles and the code that applies them

<!-- Generated from the regime files and the handlers' declarations: do not edit by hand. Regenerate with
python -c "from curul.constitution import articles; print(articles().to_markdown(), end='')" \\
    > docs/articles.md
(tests/constitution/test_articles.py compares this file with the generated text.) -->

For each article of the Constitution, the Reglamentos of Congress and the laws the engine cites: the
handlers that apply it (the event type, the function and its module), the rules that cite it in each
bundled regime (procedures with the votes they need at full strength, provisions, chambers) and their
sources. `curul articles ARTICLE` prints the same for one article (`--json` for scripts).

| article | handlers |
|---------|----------|"""


def _citations(text: str) -> list[str]:
    """``a; b (c; d)`` → ``["a", "b (c; d)"]``: split at semicolons outside parentheses."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == ";" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def article_keys(text: str) -> tuple[str, ...]:
    """The articles a citation names, e.g. ``Const. Arts. 130-133 (Law 31988)`` → ``Const. Art. 130``
    ... ``Const. Art. 133``; ``Reglamento del Congreso (cuestión de orden)`` → ``Reglamento del Congreso``
    (the instrument, no article number)."""
    keys: list[str] = []
    for citation in _citations(text):
        base = citation
        while _PARENTHESIS.search(base):
            base = _PARENTHESIS.sub("", base)
        match = _ARTICLE.match(base.strip())
        if match is None:
            keys.append(base.strip())
            continue
        instrument = match["instrument"].strip()
        for number in (n.strip() for n in match["numbers"].split(",")):
            span = re.fullmatch(r"(\d+)-(\d+)", number)
            if span:
                keys += [f"{instrument} Art. {n}" for n in range(int(span[1]), int(span[2]) + 1)]
            else:
                keys.append(f"{instrument} Art. {_SUBSECTION.sub('', number)}")
    return tuple(dict.fromkeys(keys))


def _sort_key(key: str) -> tuple[int, str, int, str]:
    match = re.fullmatch(r"(?P<instrument>.*?) Art\. (?P<digits>\d+)(?P<rest>.*)", key)
    instrument = match["instrument"] if match else key
    number = (int(match["digits"]), match["rest"]) if match else (0, "")
    if instrument in _INSTRUMENTS:
        rank = _INSTRUMENTS.index(instrument)
    else:
        rank = len(_INSTRUMENTS) + (0 if instrument.startswith("Law ") else 1)
    return rank, instrument, *number


@dataclass(frozen=True)
class CitedRule:
    """A rule of one regime that cites an article: a procedure (with its threshold at full strength), a
    provision, or a chamber (whose size the article sets)."""

    regime: str
    rule: str
    kind: str  # procedure | provision | chamber
    name: str
    chamber: str | None
    cited_as: str
    confirmed: bool
    description: str
    sources: tuple[str, ...]
    votes: int | None = None
    arithmetic: str | None = None
    threshold: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "regime": self.regime,
            "rule": self.rule,
            "kind": self.kind,
            "name": self.name,
            "chamber": self.chamber,
            "cited_as": self.cited_as,
            "confirmed": self.confirmed,
            "description": self.description,
            "threshold": self.threshold,
            "votes": self.votes,
            "arithmetic": self.arithmetic,
            "sources": list(self.sources),
        }


def _rules_of(regime: Regime) -> list[CitedRule]:
    out = []
    for rule in regime.procedures:
        legal = regime.chamber(rule.chamber).legal_number
        out.append(
            CitedRule(
                regime.id, rule.rule_id, "procedure", rule.procedure, rule.chamber, rule.article,
                rule.confirmed, rule.description, rule.sources,
                votes=required_votes(rule.threshold, legal), arithmetic=arithmetic(rule.threshold, legal),
                threshold=rule.threshold.describe(),
            )
        )  # fmt: skip
    for provision in regime.provisions:
        out.append(
            CitedRule(
                regime.id, provision.rule_id, "provision", provision.name, None, provision.article,
                provision.confirmed, provision.note, provision.sources,
            )
        )  # fmt: skip
    for chamber in regime.chambers:
        out.append(
            CitedRule(
                regime.id, "", "chamber", chamber.name, chamber.name, chamber.article, True,
                f"{chamber.legal_number} members", chamber.sources,
            )
        )  # fmt: skip
    return out


def _handler_dict(handler: Handler) -> dict[str, str]:
    return {
        "event_type": handler.event_type,
        "function": handler.function,
        "module": handler.module,
        "file": handler.file,
        "topic": handler.topic,
    }


@dataclass(frozen=True)
class ArticleEntry:
    """One article: the modules that implement it, the handlers that apply it, the rules that cite it."""

    article: str
    rules: tuple[CitedRule, ...]
    handlers: tuple[Handler, ...]
    modules: tuple[Topic, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for rule in self.rules for s in rule.sources))

    def as_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "rules": [r.as_dict() for r in self.rules],
            "modules": [{"topic": t.title, "module": t.module, "file": t.file} for t in self.modules],
            "handlers": [_handler_dict(h) for h in self.handlers],
            "sources": list(self.sources),
        }

    def by_file(self) -> dict[str, list[Handler]]:
        """The files that hold the article's code (its topic modules first), each with its handlers."""
        files: dict[str, list[Handler]] = {topic.file: [] for topic in self.modules}
        for handler in self.handlers:
            files.setdefault(handler.file, []).append(handler)
        return files

    def code(self) -> str:
        """``file (function, function); file`` for the modules and handlers."""
        return "; ".join(
            file + (f" ({', '.join(h.function for h in handlers)})" if handlers else "")
            for file, handlers in self.by_file().items()
        )


def _rule_cells(rule: CitedRule) -> list[str | Span]:
    if rule.kind == "procedure":
        what = f"{rule.name} in {rule.chamber}: {rule.arithmetic}"
    elif rule.kind == "chamber":
        what = f"chamber {rule.name}: {rule.description}"
    else:
        what = rule.name
    return [rule.regime, rule.rule or "-", what, "yes" if rule.confirmed else Span("UNCONFIRMED", "warn")]


@dataclass(frozen=True)
class ArticleIndex(Presentable):
    """Articles in order (Constitution, Reglamentos, laws) with their rules, handlers and sources."""

    articles: tuple[ArticleEntry, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"articles": [entry.as_dict() for entry in self.articles]}

    def to_frame(self) -> pd.DataFrame:
        """One row per article and rule that cites it."""
        import pandas as pd

        rows = [
            {
                "article": entry.article,
                **rule.as_dict(),
                "handlers": ", ".join(h.event_type for h in entry.handlers),
            }
            for entry in self.articles
            for rule in entry.rules
        ]
        return pd.DataFrame(rows)

    def report(self) -> Report:
        blocks: list[Line | Table] = []
        columns: list[str | Column] = [Column("regime", nowrap=True), Column("rule", nowrap=True)]
        columns += ["what", "confirmed"]
        for entry in self.articles:
            blocks.append(Line.of(Span(entry.article, "bold")))
            blocks.append(
                Line.of(f"  code: {entry.code() or '(no handler: cited by the rules below)'}", "soft")
            )
            if entry.rules:
                rows = [_rule_cells(rule) for rule in entry.rules]
                blocks.append(Table.build(columns, rows))
            blocks.extend(Line.of(f"  source: {source}", "soft") for source in entry.sources)
            blocks.append(Line.of(""))
        return Report(tuple(blocks[:-1]))

    def to_markdown(self) -> str:
        """The index as the Markdown of ``docs/articles.md``."""
        out = _HEADER.splitlines()
        for entry in self.articles:
            listed = ", ".join(f"`{h.event_type}`" for h in entry.handlers) or "—"
            out.append(f"| [{entry.article}](#{_anchor(entry.article)}) | {listed} |")
        for entry in self.articles:
            out += ["", f"## {entry.article}", ""]
            files = entry.by_file()
            for file, handlers in files.items():
                names = ", ".join(
                    f"`{h.function}`" + (f" ({h.event_type})" if h.function != h.event_type else "")
                    for h in handlers
                )
                out.append(f"- [`{file.removeprefix('src/')}`](../{file})" + (f": {names}" if names else ""))
            if not files:
                out.append("- no handler: the article is cited by the rules below")
            out += [
                "",
                "| regime | rule | procedure / provision | chamber | threshold | confirmed | cited as |",
                "|--------|------|-----------------------|---------|-----------|-----------|----------|",
            ]
            for rule in entry.rules:
                name = f"chamber `{rule.name}`" if rule.kind == "chamber" else f"`{rule.name}`"
                cells = [
                    rule.regime, rule.rule or "—", name, rule.chamber or "", rule.arithmetic or "",
                    "yes" if rule.confirmed else "**UNCONFIRMED**", rule.cited_as,
                ]  # fmt: skip
                out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
            out += ["", "Sources:", ""] + [f"- <{source}>" for source in entry.sources]
        return "\n".join(out) + "\n"


def _anchor(title: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")


def _matches(key: str, query: str) -> bool:
    if key.casefold() == query.casefold():
        return True
    wanted = article_keys(query if "Art" in query else f"Art. {query}")
    number = re.search(r"Art\. (\S+)$", wanted[0]) if wanted else None
    if number is None:
        return False
    instrument = wanted[0][: number.start()].strip()
    match = re.fullmatch(r"(?P<instrument>.*?) ?Art\. (?P<number>\S+)", key)
    if match is None:
        return False
    return match["number"] == number[1] and instrument in ("", match["instrument"])


def articles(article: str | None = None) -> ArticleIndex:
    """Every article the bundled regimes and the handlers cite, or those that match ``article`` (``113``,
    ``Art. 12``, ``Const. Art. 113``, ``89-A``, ``Law 27375``)."""
    rules: dict[str, list[CitedRule]] = {}
    for regime in bundled_regimes():
        for rule in _rules_of(regime):
            for key in article_keys(rule.cited_as):
                rules.setdefault(key, []).append(rule)
    declared: dict[str, list[Handler]] = {}
    for handler in HANDLERS.values():
        for key in (k for article in handler.articles for k in article_keys(article)):
            declared.setdefault(key, []).append(handler)
    modules: dict[str, list[Topic]] = {}
    for topic in TOPICS:
        for key in (k for article in topic.articles for k in article_keys(article)):
            modules.setdefault(key, []).append(topic)
    voters = {procedure: h for h in HANDLERS.values() for procedure in h.votes}
    entries = []
    for key in sorted(rules.keys() | declared.keys() | modules.keys(), key=_sort_key):
        cited = rules.get(key, [])
        # The handlers that declare the article, then those that vote a procedure citing it; a procedure
        # no handler votes is voted by its threshold alone (procedure_vote).
        applied = dict.fromkeys(declared.get(key, []))
        for rule in cited:
            if rule.kind == "procedure":
                applied.setdefault(voters.get(rule.name, HANDLERS["procedure_vote"]))
        entries.append(ArticleEntry(key, tuple(cited), tuple(applied), tuple(modules.get(key, []))))
    if article is not None:
        entries = [e for e in entries if _matches(e.article, article.strip())]
        if not entries:
            raise CurulError(f"no rule or handler cites article {article!r} (curul articles lists them all)")
    return ArticleIndex(tuple(entries))
