"""Importers from the shared poll research files (``../shared/data/polls``) to the poll CSV format.

The shared files use Spanish poll types, free-text answer names and, for the 2026 first round, no
``basis`` column; dates of many 2026 waves are only in ``polls_2026_r1_waves.csv``; the 2026 runoff file
writes its bases in words, names a pollster with its client ("Datum (El Comercio)") and gives the
blank and undecided shares only in its notes. The importer maps each of them to the documented format,
reconciles the 2026 dates with explicit rules, and drops (with a reason) the rows that cannot be dated
or were never published before the blackout. The bundled files in ``curul/forecast/polls/`` are this
importer's output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from curul._files import write_atomic
from curul.errors import ArgumentError, InputError
from curul.forecast._elections import BLACKOUT_DAYS, get_election
from curul.forecast._polls import NON_CHOICE, PUBLICATION_LAG_DAYS, PollRow, format_polls, parse_polls
from curul.forecast._shared_files import Dropped, iso_date, read_rows, whole_number
from curul.forecast._waves import WAVES_FILE, Wave, match_wave, note_pairs, read_waves, wave_rows
from curul.report import Presentable, Report

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class SharedFile:
    """A shared poll file, the election and round it holds, and what its importer must do besides."""

    name: str
    election: str
    round: int
    # Dates reconciled with polls_2026_r1_waves.csv, and the waves only its notes describe.
    waves: bool = False
    # data/README.md says every row was published before the blackout: a row without a publication
    # date is taken as published by the last legal day, not two days after its fieldwork.
    pre_blackout: bool = False
    # Blank/null and undecided shares given only in a row's note ("blank/null 17, undecided 7").
    note_non_choice: bool = False


SHARED_FILES = {
    "peru-2016-r1.csv": SharedFile("polls_2016_r1.csv", "peru-2016", 1),
    "peru-2016-r2.csv": SharedFile("polls_2016_r2.csv", "peru-2016", 2),
    "peru-2021-r1.csv": SharedFile("polls_2021_r1.csv", "peru-2021", 1),
    "peru-2021-r2.csv": SharedFile("polls_2021_r2.csv", "peru-2021", 2),
    "peru-2026-r1.csv": SharedFile("polls_2026_r1.csv", "peru-2026", 1, waves=True),
    "peru-2026-r2.csv": SharedFile(
        "polls_2026_r2.csv", "peru-2026", 2, pre_blackout=True, note_non_choice=True
    ),
}
# "Datum (El Comercio)": the pollster, then the client it polled for.
_CLIENT = re.compile(r"(.+?)\s*\((.+)\)")

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


@dataclass(frozen=True)
class ImportResult(Presentable):
    """The converted poll files (name -> validated rows) and the rows left out, nothing written yet."""

    files: dict[str, tuple[PollRow, ...]]
    dropped: tuple[Dropped, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": {name: len(rows) for name, rows in self.files.items()},
            "dropped": [
                {"file": d.file, "line": d.line, "candidate": d.candidate, "reason": d.reason}
                for d in self.dropped
            ],
        }

    def write(self, folder: str | Path) -> None:
        """Write every file into ``folder`` in the poll format (each atomically; all were validated)."""
        for name, rows in self.files.items():
            write_atomic(Path(folder) / name, format_polls(rows))

    def to_frame(self, table: Literal["dropped", "files"] = "dropped") -> pd.DataFrame:
        """``dropped``: the rows left out (file, line, candidate, reason); ``files``: rows per file."""
        import pandas as pd

        if table == "dropped":
            return pd.DataFrame(self.as_dict()["dropped"], columns=["file", "line", "candidate", "reason"])
        if table == "files":
            rows = [{"file": name, "rows": len(rows)} for name, rows in self.files.items()]
            return pd.DataFrame(rows, columns=["file", "rows"]).set_index("file")
        raise ArgumentError("table", f"{table!r} is not dropped or files")

    def report(self, folder: str | Path | None = None) -> Report:
        """Rows per file (named inside ``folder`` when they were written there) and how many were left out."""
        shown = {name: str(Path(folder) / name) if folder is not None else name for name in self.files}
        return Report.of(
            *(f"{shown[name]}: {len(rows)} rows" for name, rows in self.files.items()),
            f"{len(self.dropped)} rows left out (use --json to list them)",
        )


def last_legal_day(election: str, round_: int) -> date:
    """The last day a poll of this round may be published: one week before the vote."""
    spec = get_election(election)
    return (spec.first_round if round_ == 1 else spec.runoff) - timedelta(days=BLACKOUT_DAYS)


def _convert(
    line: int,
    row: dict[str, str],
    spec: SharedFile,
    waves: list[Wave] | None,
    dropped: list[Dropped],
) -> PollRow | None:
    election, round_, file = spec.election, spec.round, spec.name

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
    # "all respondents", "valid votes" (2026 runoff file) are the format's all_respondents, valid_votes.
    basis = (row.get("basis") or "").strip().replace(" ", "_")
    if not basis:
        if row["poll_type"] == "simulacro_votos_validos":
            basis = "valid_votes"
        elif poll_type == "intention":
            basis = "all_respondents"
        else:
            basis = "emitted_votes"
            notes.append("importer: basis not given, simulated ballot assumed to be of emitted votes")
    fs, fe, pub = iso_date(row["field_start"]), iso_date(row["field_end"]), iso_date(row["published"])
    if pub is not None and row["published"].strip() != pub.isoformat():
        notes.append(f"published: {row['published'].strip()}")
    sample_n, population = whole_number(row["sample_n"]), row.get("population", "") or ""
    pollster = row["pollster"].strip()
    client = _CLIENT.fullmatch(pollster)
    if client:
        pollster = client.group(1)
        population = f"{population} (for {client.group(2)})" if population else f"for {client.group(2)}"
    sources = [row["source"]]
    if waves is not None:
        wave, why = match_wave(row, waves)
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
    if spec.pre_blackout and pub is None and fe is not None:
        last = last_legal_day(election, round_)
        if fe <= last < fe + timedelta(days=PUBLICATION_LAG_DAYS):
            pub = last
            notes.append(
                f"importer: no publication date; the file holds only polls published before the "
                f"blackout (data/README.md), so published by {last}, the last legal day"
            )
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
        pollster=pollster,
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
    party: dict[str, str] = {}
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
    waves = read_waves(directory / WAVES_FILE)
    files: dict[str, tuple[PollRow, ...]] = {}
    dropped: list[Dropped] = []
    for out_name, spec in SHARED_FILES.items():
        rows = []
        source = read_rows(directory / spec.name)
        if not source:
            raise InputError(str(directory / spec.name), "no poll rows (only a header)", line=2, column=1)
        for line, raw in source:
            row = _convert(line, raw, spec, waves if spec.waves else None, dropped)
            if row is not None:
                rows.append(row)
        if spec.waves:
            rows += wave_rows(waves, rows, WAVES_FILE, dropped)
        if spec.note_non_choice:
            rows += _note_non_choice(rows)
        rows = _fill_parties(rows)
        rows = _drop_repeated(rows, spec.name, dropped)
        # Round-trip through the validating parser: the import must be a valid poll file.
        files[out_name] = parse_polls(format_polls(rows), out_name)
    return ImportResult(files, tuple(dropped))


def _note_non_choice(rows: list[PollRow]) -> list[PollRow]:
    """Non-choice rows from the notes of waves that have none: "blank/null 17, undecided 7" on a row
    of all respondents or emitted votes (a valid-vote row's note describes another base)."""
    added: list[PollRow] = []
    done: set[tuple[Any, ...]] = {r.wave_key for r in rows if r.option in NON_CHOICE}
    for r in rows:
        if r.wave_key in done or r.basis == "valid_votes" or not r.note:
            continue
        pairs = [
            (option, label, share) for option, label, share in note_pairs(r.note) if option in NON_CHOICE
        ]
        if not pairs:
            continue
        done.add(r.wave_key)
        for option, label, share in pairs:
            note = f"importer: from the note of line {r.line} ({r.note})"
            added.append(replace(r, option=option, candidate=label, party="", share=share, note=note, line=0))
    return added


def _drop_repeated(rows: list[PollRow], file: str, dropped: list[Dropped]) -> list[PollRow]:
    """When two rows give the same answer of the same wave, keep the first (the fuller source)."""
    seen: set[tuple[Any, ...]] = set()
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

    src, out = (argv or sys.argv[1:])[:2]
    result = import_shared_polls(src)
    result.write(out)
    for name, rows in result.files.items():
        print(f"{name}: {len(rows)} rows")
    for d in result.dropped:
        print(f"dropped {d.file}:{d.line} {d.candidate}: {d.reason}")


if __name__ == "__main__":  # pragma: no cover
    main()
