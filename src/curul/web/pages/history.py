"""History: the presidents 2016-2026 as a timeline with the data table beside it, and each transition
with the events that made it and their full trace (procedure, votes, threshold, rule, article,
sources), all from ``curul.history.transitions()``. ``?t=N`` opens transition N."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from curul.history import Transitions, transitions
from curul.web._field_errors import FieldError
from curul.web._i18n import Language
from curul.web._negotiation import CsvTable, View, respond
from curul.web._pages import Page, page_routes
from curul.web._params import Lang, Table
from curul.web._svg import inline
from curul.web._templates import language_of

router = APIRouter()


@cache
def _transitions() -> Transitions:
    return transitions()  # the bundled history never changes while the server runs


def _tables(found: Transitions) -> dict[str, CsvTable]:
    presidents = CsvTable(
        ("number", "name", "since", "until", "took_office", "left_office"),
        [(p.number, p.name, p.since, p.until, p.took_office, p.left_office) for p in found.presidents],
    )
    changes = CsvTable(
        ("number", "outgoing", "incoming", "left", "took", "left_office", "took_office", "events"),
        [
            (t.number, t.outgoing.name, t.incoming.name, t.left, t.took, t.outgoing.left_office,
             t.incoming.took_office, len(t.events))
            for t in found.transitions
        ],
    )  # fmt: skip
    trace = CsvTable(
        ("transition", "date", "event", "type", "deciding", "outcome", "rule", "article", "text",
         "arithmetic", "sources"),
        [
            (t.number, s.date, s.event, s.type, e.deciding, s.outcome, s.rule, s.article, s.text,
             s.arithmetic, " ".join(s.sources))
            for t in found.transitions
            for e in t.events
            for s in e.trace
        ],
    )  # fmt: skip
    return {"presidents": presidents, "transitions": changes, "trace": trace}


def _timeline(found: Transitions, lang: Language, opened: int | None) -> Any:
    from curul.viz import TimelineSpan, timeline_svg

    last = dt.date.fromisoformat(found.presidents[-1].until or found.presidents[-1].since)
    spans = [
        TimelineSpan(
            f"{p.name} ({dt.date.fromisoformat(p.since).year}–{(p.until or '')[:4]})",
            dt.date.fromisoformat(p.since),
            dt.date.fromisoformat(p.until) if p.until else last,
            str(p.number),
        )
        for p in found.presidents
    ]
    # transition N brings in president N+1: that is the bar marked
    svg = timeline_svg(
        spans,
        title=lang.t("history.timeline_title"),
        description=lang.t("history.timeline_desc", count=len(spans)),
        highlight=str(opened + 1) if opened else None,
    )
    return inline(svg, "linea-tiempo")


def build(request: Request, params: Mapping[str, str]) -> View:
    """The history view with transition ``params["t"]`` open (none when absent)."""
    lang = language_of(request)
    found = _transitions()
    opened: int | None = None
    if params.get("t"):
        raw = params["t"]
        if not raw.isdigit() or found.get(int(raw)) is None:
            raise FieldError("t", lang.t("history.no_transition", count=len(found.transitions)))
        opened = int(raw)
    context = {
        "found": found,
        "opened": opened,
        "timeline": _timeline(found, lang, opened),
        "tables": ("presidents", "transitions", "trace"),
    }
    return View("history.html", "_history_body.html", context, found, _tables(found), "historia")


def history_page(
    request: Request,
    t: Annotated[int | None, Query(ge=1, le=99, description="Transition to open (1 is the first).")] = None,
    lang: Lang = "es",
    table: Table = None,
) -> Response:
    """The presidents 2016-2026 and each transition's trace."""
    return respond(request, build(request, {"t": str(t)} if t else {}))


page_routes(router, "/historia", history_page, "history")

PAGE = Page(
    key="history",
    path="/historia",
    aliases=("/history",),
    title="nav.history",
    router=router,
    params=("t",),
    build=build,
)
