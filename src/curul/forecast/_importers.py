"""Importers from the shared poll research files (``../shared/data/polls``) to the poll CSV format.

The shared files use Spanish poll types, free-text answer names and, for 2026, no ``basis`` column;
dates of many 2026 waves are only in ``polls_2026_r1_waves.csv``. The importer maps each of them to
the documented format, reconciles the 2026 dates with explicit rules, and drops (with a reason) the
rows that cannot be dated or were never published before the blackout. The bundled files in
``curul/forecast/polls/`` are this importer's output.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from curul.errors import InputError
from curul.forecast._polls import PollRow, format_polls, parse_polls

SHARED_FILES = {
    "peru-2016-r1.csv": ("polls_2016_r1.csv", "peru-2016", 1),
    "peru-2016-r2.csv": ("polls_2016_r2.csv", "peru-2016", 2),
    "peru-2021-r1.csv": ("polls_2021_r1.csv", "peru-2021", 1),
    "peru-2021-r2.csv": ("polls_2021_r2.csv", "peru-2021", 2),
    "peru-2026-r1.csv": ("polls_2026_r1.csv", "peru-2026", 1),
}
WAVES_FILE = "polls_2026_r1_waves.csv"

POLL_TYPES = {
    "intencion_voto": "intention",
    "simulacro": "simulated_ballot",
    "simulacro_votos_validos": "simulated_ballot",
}
# Answers that are not candidates, by the spellings used in the shared files.
OPTIONS = {
    "other candidates": "others",
    "blank/null (blanco/viciado)": "blank_null",
    "blank/null/wont vote": "blank_null",
    "blank/null/none": "blank_null",
    "undecided (no sabe/no precisa)": "undecided",
    "undecided": "undecided",
    "none (ninguno/nadie)": "none",
    "would not vote": "no_vote",
}
MONTHS = {
    "january": "Jan",
    "february": "Feb",
    "march": "Mar",
    "april": "Apr",
    "may": "May",
    "june": "Jun",
}


@dataclass(frozen=True)
class Dropped:
    """A row of a shared file left out of the import, and why."""

    file: str
    line: int
    candidate: str
    reason: str


@dataclass(frozen=True)
class ImportResult:
    files: dict[str, tuple[PollRow, ...]]
    dropped: tuple[Dropped, ...]


def _iso(text: str) -> date | None:
    text = (text or "").strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    return None


def _int(text: str) -> int | None:
    text = (text or "").strip()
    return int(float(text)) if text else None


def _read(path: Path) -> list[tuple[int, dict[str, str]]]:
    if not path.is_file():
        raise InputError(path, "no such file")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return [(reader.line_num, row) for row in reader]


@dataclass(frozen=True)
class _Wave:
    pollster: str
    label: str
    field_start: date | None
    field_end: date | None
    published: date | None
    sample_n: int | None
    population: str
    source: str
    note: str = ""


def _read_waves(path: Path) -> list[_Wave]:
    return [
        _Wave(
            pollster=row["pollster"],
            label=row["wave_label"],
            field_start=_iso(row["field_start"]),
            field_end=_iso(row["field_end"]),
            published=_iso(row["published"]),
            sample_n=_int(row["sample_n"]),
            population=row["population"],
            source=row["source"],
            note=row["note"],
        )
        for _, row in _read(path)
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


def _note_pairs(text: str) -> list[tuple[str, str, float]]:
    """(option, candidate, share) pairs named in a note segment."""
    out = []
    for key, value in _NOTE_PAIR.findall(text):
        if key in NOTE_OPTIONS:
            out.append((NOTE_OPTIONS[key], key, float(value)))
        else:
            out.append(("candidate", NOTE_NAMES[key], float(value)))
    return out


def _wave_rows(waves: list[_Wave], rows: list[PollRow], file: str, dropped: list[Dropped]) -> list[PollRow]:
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
            pairs = _note_pairs(text)
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


def _match_wave(row: dict[str, str], waves: list[_Wave]) -> tuple[_Wave | None, str]:
    """Find the wave of a 2026 row. The rules, in order, are the ones documented in docs/forecast.md."""
    mine = [w for w in waves if w.pollster == row["pollster"]]
    fs, fe, pub = _iso(row["field_start"]), _iso(row["field_end"]), row["published"].strip()
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


def _check_source_row(path: Path, line: int, row: dict[str, str]) -> None:
    """Errors in a shared file are reported at its own line and column, before any conversion."""
    columns = list(row)
    for name in ("pollster", "poll_type", "candidate", "pct", "source"):
        if name not in row:
            raise InputError(path, f"missing column {name!r}", line=1)
        if not (row[name] or "").strip():
            raise InputError(path, "is required", line=line, column=columns.index(name) + 1, field=name)
    try:
        share = float(row["pct"])
    except ValueError:
        raise InputError(
            path, f"{row['pct']!r} is not a number", line=line, column=columns.index("pct") + 1, field="pct"
        ) from None
    if not 0 <= share <= 100:
        raise InputError(
            path, f"{share} is outside 0..100", line=line, column=columns.index("pct") + 1, field="pct"
        )


def _convert(
    line: int,
    row: dict[str, str],
    election: str,
    round_: int,
    file: str,
    waves: list[_Wave] | None,
    dropped: list[Dropped],
) -> PollRow | None:
    def drop(reason: str) -> None:
        dropped.append(Dropped(file, line, row["candidate"], reason))

    note = row.get("note", "") or ""
    if "POST-BLACKOUT" in note:
        drop("post-blackout private poll, never published before the vote")
        return None
    poll_type = POLL_TYPES.get(row["poll_type"])
    if poll_type is None:
        drop(f"poll type {row['poll_type']!r} cannot be mapped")
        return None
    notes = [note] if note else []
    if row.get("verification"):
        notes.insert(0, f"verification={row['verification']}")
    basis = row.get("basis", "")
    if not basis:
        if row["poll_type"] == "simulacro_votos_validos":
            basis = "valid_votes"
        elif poll_type == "intention":
            basis = "all_respondents"
        else:
            basis = "emitted_votes"
            notes.append("importer: basis not given, simulated ballot assumed to be of emitted votes")
    fs, fe, pub = _iso(row["field_start"]), _iso(row["field_end"]), _iso(row["published"])
    sample_n, population = _int(row["sample_n"]), row.get("population", "") or ""
    sources = [row["source"]]
    if waves is not None:
        wave, why = _match_wave(row, waves)
        if wave is not None:
            if wave.field_start and wave.field_end:
                fs, fe = wave.field_start, wave.field_end
            pub = wave.published or pub
            sample_n = sample_n or wave.sample_n
            population = population or wave.population
            notes.append(f"importer: dates from waves file ({wave.label}; {why})")
            sources.append(wave.source)
    if fe is None and pub is None:
        drop("no publication date and no fieldwork dates")
        return None
    if fe and pub and pub < fe:
        drop(f"published {pub} before fieldwork ended {fe}")
        return None
    name = row["candidate"].strip()
    option = OPTIONS.get(name.casefold(), "candidate")
    second = row.get("second_source", "")
    if second:
        sources.append(second)
    return PollRow(
        election=election,
        round=round_,
        pollster=row["pollster"].strip(),
        poll_type=poll_type,
        field_start=fs,
        field_end=fe,
        published=pub,
        sample_n=sample_n,
        population=population,
        basis=basis,
        option=option,
        candidate=name,
        party=(row.get("party") or "").strip() if option == "candidate" else "",
        share=float(row["pct"]),
        source=" ; ".join(dict.fromkeys(s for s in sources if s)),
        note=" | ".join(notes),
        line=line,
    )


def _fill_parties(rows: list[PollRow]) -> list[PollRow]:
    """Rows without a party take the party the same file gives that candidate elsewhere."""
    party = {}
    for r in rows:
        if r.option == "candidate" and r.party:
            party.setdefault(r.candidate.casefold(), r.party)
    return [
        replace(r, party=party[r.candidate.casefold()])
        if r.option == "candidate" and not r.party and r.candidate.casefold() in party
        else r
        for r in rows
    ]


def import_shared_polls(directory: str | Path) -> ImportResult:
    """Convert every shared poll file in ``directory`` to the poll format (validated)."""
    directory = Path(directory)
    waves = _read_waves(directory / WAVES_FILE)
    files: dict[str, tuple[PollRow, ...]] = {}
    dropped: list[Dropped] = []
    for out_name, (name, election, round_) in SHARED_FILES.items():
        rows = []
        for line, raw in _read(directory / name):
            _check_source_row(directory / name, line, raw)
            row = _convert(line, raw, election, round_, name, waves if "2026" in name else None, dropped)
            if row is not None:
                rows.append(row)
        if "2026" in name:
            rows += _wave_rows(waves, rows, WAVES_FILE, dropped)
        rows = _fill_parties(rows)
        rows = _drop_repeated(rows, name, dropped)
        # Round-trip through the validating parser: the import must be a valid poll file.
        files[out_name] = parse_polls(format_polls(rows), out_name)
    return ImportResult(files, tuple(dropped))


def _drop_repeated(rows: list[PollRow], file: str, dropped: list[Dropped]) -> list[PollRow]:
    """When two rows give the same answer of the same wave, keep the first (the fuller source)."""
    seen: set[tuple] = set()
    kept = []
    for r in rows:
        key = (r.wave_key, r.option, r.candidate.casefold())
        if key in seen:
            dropped.append(Dropped(file, r.line, r.candidate, "repeats an answer of the same wave"))
            continue
        seen.add(key)
        kept.append(r)
    return kept


def main(argv: list[str] | None = None) -> None:  # pragma: no cover - maintenance entry point
    """Regenerate the bundled poll files: ``python -m curul.forecast._importers SRC OUT``."""
    import sys

    from curul._files import write_atomic

    src, out = (argv or sys.argv[1:])[:2]
    result = import_shared_polls(src)
    for name, rows in result.files.items():
        write_atomic(Path(out) / name, format_polls(rows))
        print(f"{name}: {len(rows)} rows")
    for d in result.dropped:
        print(f"dropped {d.file}:{d.line} {d.candidate}: {d.reason}")


if __name__ == "__main__":  # pragma: no cover
    main()
