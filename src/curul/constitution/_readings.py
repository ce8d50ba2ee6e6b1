"""Contested readings of the rules as named options, each with the sources on every side.

The default of each option is the reading the reference material marks as better supported; the engine
writes into the trace which reading it used whenever one mattered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from curul.errors import CurulError
from curul.report import Line, Presentable, Report, Span


@dataclass(frozen=True)
class Choice:
    """One side of a contested reading: its value, what it means, and the sources that argue for it."""

    value: str
    summary: str
    sources: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "summary": self.summary, "sources": list(self.sources)}


@dataclass(frozen=True)
class Reading:
    """A contested point: its name, the question, the choices with sources, the default and why."""

    name: str
    question: str
    choices: tuple[Choice, ...]
    default: str
    why_default: str

    def choice(self, value: str) -> Choice:
        for choice in self.choices:
            if choice.value == value:
                return choice
        raise KeyError(value)


READINGS: tuple[Reading, ...] = (
    Reading(
        name="interim_vacancy_successor",
        question=(
            "Who succeeds when a President of Congress exercising the presidency is removed *as President "
            "of the Republic* (vacancy, accepted resignation, death)?"
        ),
        choices=(
            Choice(
                "next_elected_board_president",
                "The presidency and his Congress post fall vacant; whoever is next elected President of "
                "Congress assumes (the acting head of Congress is at most de facto in charge meanwhile).",
                (
                    # Nov 2020: after Merino's resignation was accepted (120-1) Valdez, the acting head,
                    # did not assume; the Mesa was renewed and Sagasti, newly elected, assumed.
                    "https://elcomercio.pe/politica/congreso/en-vivo-congreso-se-reune-para-evaluar-sucesion-tras-renuncia-de-manuel-merino-a-la-presidencia-de-la-republica-noticia/?outputType=amp",
                    "https://www.infobae.com/peru/2026/01/20/quien-asumiria-la-presidencia-si-vacan-o-censuran-a-jose-jeri-el-escenario-de-sucesion-y-las-claves-del-proceso/",
                    "https://www.ipe.org.pe/portal/los-problemas-de-la-sucesion-presidencial-en-la-constitucion/",
                ),
            ),
            Choice(
                "acting_head_of_congress",
                "The Mesa stays; the officer presiding Congress as acting head (the 1st VP) succeeds at once "
                "under Art. 115 — the reading argued for Rospigliosi in February 2026.",
                (
                    "https://www.infobae.com/peru/2026/01/20/quien-asumiria-la-presidencia-si-vacan-o-censuran-a-jose-jeri-el-escenario-de-sucesion-y-las-claves-del-proceso/",
                    "https://larepublica.pe/politica/2025/10/16/si-el-congreso-censura-a-jose-jeri-quien-asumiria-la-presidencia-del-peru-segun-la-constitucion-hnews-275805",
                    "https://diariocorreo.pe/politica/fernando-rospigliosi-afirma-que-la-salida-de-jose-jeri-debe-evaluarse-via-vacancia-presidencial-noticia/",
                ),
            ),
        ),
        default="next_elected_board_president",
        why_default=(
            "The reference calls the acting-head outcome 'a doctrinal reading, not a tested rule' (R21, "
            "UNCONFIRMED); the only precedent (Merino, Nov 2020) went the other way: the acting head did "
            "not assume and the newly elected President of Congress (Sagasti) did."
        ),
    ),
    Reading(
        name="election_call_scope",
        question=(
            "When a President of Congress assumes after a permanent vacancy and no general elections are "
            "convened, are the elections he must call (Art. 115) general or presidential only?"
        ),
        choices=(
            Choice(
                "presidential_only",
                "Only the President and Vice Presidents are elected; Congress completes its term.",
                (
                    "https://plumainquieta.lamula.pe/2023/02/05/el-adelanto-de-elecciones-en-la-constitucion-de-1993/hubert/",
                ),
            ),
            Choice(
                "general",
                "General elections: President, Vice Presidents and Congress.",
                (
                    "https://lampadia.com/analisis/politica/se-van-todos",
                    "https://elcomercio.pe/opinion/colaboradores/cara-y-sello-eleccion-general-o-eleccion-presidencial-por-delia-munoz-noticia/",
                ),
            ),
        ),
        default="presidential_only",
        why_default=(
            "Art. 115 speaks only of the presidency; the one source that takes a position (plumainquieta "
            "2023) says presidential-only, while the other two discuss both readings."
        ),
    ),
    Reading(
        name="dissolution_count_scope",
        question=(
            "Which censures or denials of confidence count towards the two Councils of Ministers that allow "
            "a dissolution (Art. 134)?"
        ),
        choices=(
            Choice(
                "congress_term",
                "Every Council censured or denied confidence by this Congress, whoever was President "
                "(in 2019 the 2017 denial to the Zavala cabinet, under Kuczynski, was counted).",
                (
                    "https://www.wiki3.es-es.nina.az/Disoluci%C3%B3n_del_Congreso_de_la_Rep%C3%BAblica_del_Per%C3%BA_en_2019.html",
                    "https://cadenapolitica.com/2019/10/01/el-congreso-de-peru-destituye-al-presidente-martin-vizcarra-y-el-disuelve-el-congreso",
                ),
            ),
            Choice(
                "presidential_tenure",
                "Only Councils of the sitting President count.",
                ("https://lpderecho.pe/articulo-134-de-la-constitucion-disolucion-del-congreso",),
            ),
        ),
        default="congress_term",
        why_default=(
            "The 2019 dissolution counted the 2017 denial and was upheld by the Constitutional Tribunal."
        ),
    ),
    Reading(
        name="debate_window_days",
        question=(
            "Are the 3rd-to-10th days after admission within which a vacancy is debated (Reglamento Art. "
            "89-A(c)) natural days or working days?"
        ),
        choices=(
            Choice(
                "working",
                "Working days (Monday to Friday; public holidays are not modelled).",
                (
                    # Castillo: admitted Mon 14 Mar 2022, voted Mon 28 Mar 2022 = 14 natural, 10 working days.
                    "https://prensaregional.pe/congreso-aprueba-admision-de-mocion-de-vacancia-presidencial-contra-pedro-castillo",
                    "https://latin-american.news/?p=45829",
                ),
            ),
            Choice(
                "natural",
                "Natural (calendar) days, as the reference's rule R3 writes it.",
                (
                    "https://latinanoticias.pe/politica/es-posible-una-vacancia-express-en-contra-de-dina-boluarte-esto-dice-el-reglamento-del-congreso_20251009/",
                ),
            ),
        ),
        default="working",
        why_default=(
            "The Castillo vote of 28 Mar 2022, admitted on 14 Mar, was held on the 14th natural day but the "
            "10th working day and was not challenged; natural days would make that recorded vote irregular."
        ),
    ),
)


@dataclass(frozen=True)
class ReadingListing(Presentable):
    """The contested readings a scenario's ``[options]`` can choose, with the sources for each side."""

    readings: tuple[Reading, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "options": [
                {
                    "name": r.name,
                    "question": r.question,
                    "default": r.default,
                    "why_default": r.why_default,
                    "choices": [
                        {"value": c.value, "summary": c.summary, "sources": list(c.sources)}
                        for c in r.choices
                    ],
                }
                for r in self.readings
            ]
        }

    def report(self) -> Report:
        blocks: list[Line] = []
        for r in self.readings:
            blocks.append(Line.of([Span(r.name, "bold"), f" (default: {r.default})"]))
            blocks.append(Line.of(f"  {r.question}"))
            for c in r.choices:
                blocks.append(Line.of(["  • ", Span(c.value, "info"), f": {c.summary}"]))
                blocks.extend(Line.of(f"      {source}", "soft") for source in c.sources)
            blocks.append(Line.of(f"  why the default: {r.why_default}\n"))
        return Report(tuple(blocks))


def readings() -> ReadingListing:
    """Every contested reading, its choices with their sources, the default and why."""
    return ReadingListing(READINGS)


def reading(name: str) -> Reading:
    for item in READINGS:
        if item.name == name:
            return item
    known = ", ".join(r.name for r in READINGS)
    raise CurulError(f"unknown option {name!r} (known: {known})")


def resolve_options(options: Mapping[str, str] | None) -> dict[str, str]:
    """Defaults overlaid with ``options``; unknown names or values are the user's mistake."""
    chosen = {r.name: r.default for r in READINGS}
    for name, value in (options or {}).items():
        item = reading(name)
        if value not in {c.value for c in item.choices}:
            allowed = ", ".join(c.value for c in item.choices)
            raise CurulError(f"option {name}: unknown value {value!r} (allowed: {allowed})")
        chosen[name] = value
    return chosen
