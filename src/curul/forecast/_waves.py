"""The 2026 waves file (``polls_2026_r1_waves.csv``): the dates, sample sizes and sources of the 2026
waves, and the waves and non-choice figures it gives only in its notes.

Many rows of ``polls_2026_r1.csv`` carry placeholder dates; :func:`match_wave` finds each one's wave by
the rules documented in docs/forecast.md, and :func:`wave_rows` turns the notes into poll rows with a
fixed table of the short names they use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from curul.forecast._polls import PollRow
from curul.forecast._shared_files import SHARED_WAVES, Dropped, iso_date, read_rows, whole_number

WAVES_FILE = "polls_2026_r1_waves.csv"

MONTHS = {
    "january": "Jan",
    "february": "Feb",
    "march": "Mar",
    "april": "Apr",
    "may": "May",
    "june": "Jun",
}


@dataclass(frozen=True)
class Wave:
    pollster: str
    label: str
    field_start: date | None
    field_end: date | None
    published: date | None
    sample_n: int | None
    population: str
    source: str
    note: str = ""


def read_waves(path: Path) -> list[Wave]:
    return [
        Wave(
            pollster=row["pollster"],
            label=row["wave_label"],
            field_start=iso_date(row["field_start"]),
            field_end=iso_date(row["field_end"]),
            published=iso_date(row["published"]),
            sample_n=whole_number(row["sample_n"]),
            population=row["population"],
            source=row["source"],
            note=row["note"],
        )
        for _, row in read_rows(path, SHARED_WAVES)
    ]


# Short names used in the notes of the waves file, and the candidates they name in polls_2026_r1.csv.
NOTE_NAMES = {
    "KF": "Keiko Fujimori",
    "RLA": "Rafael Lopez Aliaga",
    "LC": "Alfonso Lopez Chau",
    "LopezChau": "Alfonso Lopez Chau",
    "Alvarez": "Carlos Alvarez",
    "Nieto": "Jorge Nieto",
    "Belmont": "Ricardo Belmont",
    "Sanchez": "Roberto Sanchez Palomino",
    "Acuna": "Cesar Acuna",
    "Grozo": "Wolfgang Grozo",
    "Luna": "Jose Luna",
    "M.Vizcarra": "Mario Vizcarra",
    "MVizcarra": "Mario Vizcarra",
    "Forsyth": "George Forsyth",
    "Lescano": "Yonhy Lescano",
}
NOTE_OPTIONS = {  # longest first: the regex alternation tries them in this order
    "blank/viciado/no vote": "blank_null",
    "blank/viciado/none": "blank_null",
    "blank/viciado": "blank_null",
    "blank/null": "blank_null",
    "no precisa": "undecided",
    "undecided": "undecided",
    "no vote": "no_vote",
    "none": "none",
    "others": "others",
}
# Names in notes that no poll row identifies (e.g. "Olivera"): their figures are left out.
UNMAPPED_NOTE_NAMES = ("Olivera",)
_NOTE_PAIR = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(k) for k in [*NOTE_OPTIONS, *sorted(NOTE_NAMES, key=len, reverse=True)])
    + r")\s+(\d+(?:\.\d+)?)(?![\d-])"
)


def _note_segments(note: str) -> list[tuple[str | None, str]]:
    """Split a note into (poll type or None, text) where it gives intention and simulacro figures."""
    if "intention " in note and "simulacro " in note:
        i, j = note.index("intention "), note.index("simulacro ")
        first, second = sorted([(i, "intention"), (j, "simulated_ballot")])
        return [(first[1], note[first[0] : second[0]]), (second[1], note[second[0] :])]
    if "simulacro " in note:
        j = note.index("simulacro ")
        return [(None, note[:j]), ("simulated_ballot", note[j:])]
    return [(None, note)]


def note_pairs(text: str) -> list[tuple[str, str, float]]:
    """(option, candidate, share) pairs named in a note segment."""
    out = []
    for key, value in _NOTE_PAIR.findall(text):
        if key in NOTE_OPTIONS:
            out.append((NOTE_OPTIONS[key], key, float(value)))
        else:
            out.append(("candidate", NOTE_NAMES[key], float(value)))
    return out


def wave_rows(waves: list[Wave], rows: list[PollRow], file: str, dropped: list[Dropped]) -> list[PollRow]:
    """Rows from the waves file's notes: whole waves that polls_2026_r1.csv lacks, and the
    blank/undecided figures of waves it has without them."""
    added: list[PollRow] = []
    for line, wave in enumerate(waves, start=2):
        new_wave = "not in polls_2026.csv" in wave.label or "not in polls_2026.csv" in wave.note
        for name in UNMAPPED_NOTE_NAMES:
            if new_wave and re.search(rf"\b{name} \d", wave.note):
                dropped.append(
                    Dropped(WAVES_FILE, line, name, "note name matches no candidate of the poll file")
                )
        mine = [r for r in rows if f"({wave.label};" in r.note]
        for segment_type, text in _note_segments(wave.note):
            pairs = note_pairs(text)
            if not pairs:
                continue
            if new_wave:
                poll_type = segment_type or ("simulated_ballot" if "simulacro" in wave.label else "intention")
                if "valid" in text:
                    basis = "valid_votes"
                elif "emitted" in text:
                    basis = "emitted_votes"
                else:
                    basis = "all_respondents" if poll_type == "intention" else "emitted_votes"
                template = None
            else:
                targets = [r for r in mine if segment_type in (None, r.poll_type)]
                if not targets or any(r.option != "candidate" for r in targets):
                    continue
                template = targets[0]
                pairs = [p for p in pairs if p[0] != "candidate"]
            for option, candidate, share in pairs:
                if template is not None:
                    added.append(
                        replace(
                            template,
                            option=option,
                            candidate=candidate,
                            party="",
                            share=share,
                            source=" ; ".join(dict.fromkeys([template.source, wave.source])),
                            note=f"importer: from the note of waves-file row {line} ({wave.label})",
                            line=0,
                        )
                    )
                    continue
                added.append(
                    PollRow(
                        election="peru-2026",
                        round=1,
                        pollster=wave.pollster,
                        poll_type=poll_type,
                        field_start=wave.field_start,
                        field_end=wave.field_end,
                        published=wave.published,
                        sample_n=wave.sample_n,
                        population=wave.population,
                        basis=basis,
                        option=option,
                        candidate=candidate,
                        party="",
                        share=share,
                        source=wave.source,
                        note=f"importer: wave only described in the note of waves-file row {line} "
                        f"({wave.label}): {wave.note}",
                        line=0,
                    )
                )
    return added


def match_wave(row: dict[str, str], waves: list[Wave]) -> tuple[Wave | None, str]:
    """Find the wave of a 2026 row. The rules, in order, are the ones documented in docs/forecast.md."""
    mine = [w for w in waves if w.pollster == row["pollster"]]
    fs, fe, pub = iso_date(row["field_start"]), iso_date(row["field_end"]), row["published"].strip()
    for w in mine:  # 1. same fieldwork
        if fs and fe and w.field_start == fs and w.field_end == fe:
            return w, "same fieldwork dates"
    if fs and fe:  # 2. the wave names the rows' placeholder date range
        token = f"rows dated {fs.isoformat()}..{fe.day:02d}"
        for w in mine:
            if token in w.label:
                return w, f"wave label names {token!r}"
    if pub:  # 3. the wave names the rows' publication date, or has the same one
        for w in mine:
            if f"published {pub}" in w.label or f"published '{pub}'" in w.label:
                return w, f"wave label names publication {pub}"
        for w in mine:
            if w.published and w.published.isoformat() == pub:
                return w, "same publication date"
    month = re.search(r"\b(" + "|".join(MONTHS) + r") (\d{4}) wave", row["note"], re.IGNORECASE)
    if month and not fs and not pub:  # 4. an undated monthly wave named in the note
        label = f"{row['pollster']} {MONTHS[month.group(1).lower()]} {month.group(2)}"
        for w in mine:
            if w.label == label:
                return w, f"note names the {label} wave"
    return None, ""
