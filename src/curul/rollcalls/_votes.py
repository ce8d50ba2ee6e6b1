"""The recorded votes: the kind of each motion, read from its subject, and the listing that finds them.

Kinds: ``vacancy`` (admission and final votes on presidential vacancy), ``reconsideration``,
``procedural``, ``control`` (censure, confidence, interpellation, accusation, motions), ``exoneration``,
``bill``, else ``other``. The motion model learns each kind's prior from the past votes of that kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from curul.data import fold
from curul.report import Column, Presentable, Report, Table
from curul.rollcalls._rollcalls import RollCalls

if TYPE_CHECKING:
    import pandas as pd

# (kind, pattern on the upper-cased subject); first match wins.
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "vacancy",
        re.compile(
            r"^(ADMISI[OÓ]N|RESOLUCI[OÓ]N|PROYECTO DE RESOLUCI[OÓ]N).*VACANCIA DE LA PRESIDENCIA", re.S
        ),
    ),
    ("reconsideration", re.compile(r"^RECONSIDERACI")),
    ("procedural", re.compile(r"CUESTI[OÓ]N (PREVIA|DE ORDEN)|^PROPUESTA|ASISTENCIA")),
    ("control", re.compile(r"CENSURA|CONFIANZA|INTERPELA|ACUSACI|MOCI[OÓ]N")),
    ("exoneration", re.compile(r"EXONERACI")),
    ("bill", re.compile(r"PROYECTO|TEXTO SUSTITUTORIO|DICTAMEN|INSISTENCIA")),
)
#: Every kind a vote can have.
MOTION_KINDS = (*(k for k, _ in KINDS), "other")


@lru_cache(maxsize=1 << 14)  # every fit reads the kinds of all its past votes again
def motion_kind(subject: str) -> str:
    """The kind of a vote, read from its subject line."""
    text = subject.upper()
    for kind, pattern in KINDS:
        if pattern.search(text):
            return kind
    return "other"


@dataclass(frozen=True)
class VoteListing(Presentable):
    """Votes found by subject and kind: ``count`` of them, ``rows`` (at most the limit) listed."""

    count: int
    rows: tuple[dict[str, Any], ...]

    def as_dict(self) -> dict[str, Any]:
        return {"count": self.count, "votes": list(self.rows)}

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        columns = ["vote_id", "date", "kind", "yes", "no", "abstain", "subject"]
        return pd.DataFrame(list(self.rows), columns=columns)

    def report(self) -> Report:
        rows = []
        for r in self.rows:
            subject = str(r["subject"])
            rows.append(
                [
                    str(r["vote_id"]),
                    str(r["kind"]),
                    f"{r['yes']}-{r['no']}-{r['abstain']}",
                    subject[:90] + ("…" if len(subject) > 90 else ""),
                ]
            )
        columns = [Column(c) for c in ("vote", "kind", "yes-no-abst", "subject")]
        return Report.of(Table.build(columns, rows, title=f"{self.count} votes"))


def vote_listing(
    rc: RollCalls, *, search: str | None = None, kind: str | None = None, limit: int = 0
) -> VoteListing:
    """The votes whose subject contains ``search`` (accents and case ignored) and of ``kind``, in date
    order; at most ``limit`` listed (0: all), the ids being what the predictions take."""
    v = rc.votes.assign(kind=[motion_kind(s) for s in rc.votes["subject"]])
    if search:
        needle = fold(search)
        v = v[v["subject"].map(lambda s: needle in fold(s))]
    if kind:
        v = v[v["kind"] == kind]
    shown = v if not limit else v.head(limit)
    rows = tuple(
        {"vote_id": r.vote_id, "date": r.date.date(), "kind": r.kind, "yes": r.yes, "no": r.no,
         "abstain": r.abstain, "subject": " ".join(r.subject.split())}
        for r in shown.itertuples()
    )  # fmt: skip
    return VoteListing(len(v), rows)
