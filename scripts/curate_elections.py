"""Rebuild curul's bundled election datasets from the reference data in ``../shared/data/elections``.

The bundled files are curul's own curated copies of official figures: one canonical column order per
dataset, a source on every row, and the source files' quirks repaired and documented here:

* the 2021 national files lack a value for their ``year`` column and hold an unquoted comma inside the
  source text, so every field after it is shifted; they are re-read by position;
* the 2016 presidential proclamation names its null-vote row with an empty party; totals rows
  (VALID, BLANK, null, EMITTED) move to ``presidential-first-round-totals``.

Run it from the repository root: ``python scripts/curate_elections.py [SHARED_DATA_DIR]``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "curul" / "data" / "files"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(name: str, header: list[str], rows: list[dict[str, object]]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: row.get(key, "") for key in header})
    print(f"wrote {name}: {len(rows)} rows")


def shifted_2021(path: Path) -> list[list[str]]:
    """Rows of a 2021 national file: the year is missing and the source text is split at its comma."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))[1:]


def main(src: Path) -> None:
    write(
        "district_magnitudes.csv",
        ["year", "chamber", "district", "seats", "source"],
        read(src / "district_magnitudes.csv"),
    )
    for year in (2001, 2006, 2011, 2016):
        votes = read(src / f"congress_{year}_district_votes.csv")
        write(
            f"congress_{year}_district_votes.csv",
            ["year", "district", "party", "votes", "org_type", "source"],
            votes,
        )
        write(
            f"congress_{year}_district_seats.csv",
            ["year", "district", "party", "seats", "source"],
            read(src / f"congress_{year}_district_seats.csv"),
        )
        write(
            f"congress_{year}_district_totals.csv",
            ["year", "district", "electors", "emitted", "valid", "blank", "null", "source"],
            read(src / f"congress_{year}_district_totals.csv"),
        )

    votes = []
    for row in shifted_2021(src / "congress_2021_national_votes.csv"):
        _district, party, count, pct, *source_parts = row
        note = source_parts.pop() if len(source_parts) == 3 else ""
        source = ",".join(source_parts).strip()
        votes.append(
            {"year": 2021, "party": party, "votes": count, "pct_valid": pct, "source": source, "note": note}
        )
    write(
        "congress_2021_national_votes.csv", ["year", "party", "votes", "pct_valid", "source", "note"], votes
    )
    seats = []
    for row in shifted_2021(src / "congress_2021_national_seats.csv"):
        _district, party, count, *source_parts = row
        second = source_parts.pop()
        seats.append(
            {
                "year": 2021,
                "party": party,
                "seats": count,
                "source": ",".join(source_parts).strip(),
                "second_source": second,
            }
        )
    write("congress_2021_national_seats.csv", ["year", "party", "seats", "source", "second_source"], seats)
    totals = []
    for row in shifted_2021(src / "congress_2021_national_totals.csv"):
        _district, valid, blank, null, emitted, *source_parts = row
        totals.append(
            {
                "year": 2021,
                "valid": valid,
                "blank": blank,
                "null": null,
                "emitted": emitted,
                "source": ",".join(source_parts).strip(),
            }
        )
    write(
        "congress_2021_national_totals.csv", ["year", "emitted", "valid", "blank", "null", "source"], totals
    )

    candidates, round_totals = [], []
    for year in (2016, 2021):
        rows = read(src / f"presidential_{year}_r1_national.csv")
        totals_row: dict[str, object] = {"year": year}
        for row in rows:
            if row["candidate"]:
                candidates.append(row)
                continue
            label = {"VALID": "valid", "BLANK": "blank", "EMITTED": "emitted", "": "null"}[row["party"]]
            totals_row[label] = row["votes"]
            totals_row["source"] = row["source"]
        if len(totals_row) > 1:
            round_totals.append(totals_row)
    write("presidential_first_rounds.csv", ["year", "party", "candidate", "votes", "source"], candidates)
    write(
        "presidential_first_round_totals.csv",
        ["year", "emitted", "valid", "blank", "null", "source"],
        round_totals,
    )
    write(
        "presidential_runoffs.csv",
        ["year", "stage", "party", "candidate", "votes", "pct_valid", "source", "second_source"],
        read(src / "presidential_runoffs_2016_2021.csv"),
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "elections")
