"""Rebuild curul's bundled election datasets from the reference data in ``../shared/data/elections``.

The bundled files are curul's own curated copies of official figures: one canonical column order per
dataset, a source on every row, and the source files' quirks repaired and documented here:

* the 2021 national files lack a value for their ``year`` column and hold an unquoted comma inside the
  source text, so every field after it is shifted; they are re-read by position;
* the 2021 national files cite the JNE report as two URLs run together (an unrelated Andina article,
  ``/www.instagram.com/img/``, then the report); the report's own address replaces them;
* the 2016 presidential proclamation names its null-vote row with an empty party; totals rows
  (VALID, BLANK, null, EMITTED) move to ``presidential-first-round-totals``.

The 2026 files (from ``elections/`` and ``institutions/`` beside each other) are repaired so that the
catalog's checks can tie them together; ``_2026`` below does it and asserts what it assumes:

* every row says its contest in one vocabulary, that of ``district_magnitudes.csv``: ``chamber`` is
  ``deputies``, ``senate_national`` (the 30 senators of the national list), ``senate_district`` (the 30
  of the 27 districts) or, for a party's whole Senate delegation, ``senate``;
* district names the sources abbreviate are written out as in ``district_magnitudes.csv`` (``Lima`` →
  Lima Metropolitana, ``PEX`` / ``Peruanos en el exterior`` → Peruanos residentes en el extranjero,
  ``Nacional (Distrito Único)`` → Nacional); other names keep the sources' spelling;
* the official member lists shorten party names; ``ballot_name`` gives the list's name on the ballot as
  ONPE spells it (equal up to case and accents, except Ahora Nación = AHORA NACIÓN - AN);
* the partial count's stage is split into ``stage`` ("85.991% of tallies"), ``tallies_counted_pct``
  and ``date``; blank and null rows get ``kind`` blank / null in the national sums as in the districts
  (the sums named them VOTOS EN BLANCO / VOTOS NULOS); the derived shares and valid totals of the
  national sums are dropped (curul computes them from the votes);
* the second source's figures become columns: ``second_source_seats`` in the seats per party (its
  number, or the official one where it agrees) and, on the one member it replaces (the fifth Lambayeque
  deputy), ``second_source_party`` and ``second_source_name``;
* dates with words after them ("2026-07-29 (first news naming him)") keep the date in ``date`` and the
  words in ``date_note``; a person "(name not found)" is left empty with the note "name not found";
* citations lose a search-index id that locates nothing outside that index ("(find_string id N)").

Run it from the repository root: ``python scripts/curate_elections.py [SHARED_DATA_DIR]``, where
``SHARED_DATA_DIR`` is ``../shared/data/elections`` (its sibling ``institutions`` is read too).
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import Counter
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


# The Andina report of JNE Res. 0602-2021-JNE (12 Jun 2021) as the reference files store it, and its address.
GLUED_2021 = (
    "stored URL https://andina.pe/agencia/noticia-agencias-viajes-y-turismo-se-suman-a-lucha-contra-lavado-"
    "activos-685680.aspx/www.instagram.com/img/noticia-jne-oficializa-distribucion-escanos-el-congreso-para-"
    "periodo-20212026-848958.aspx"
)
ANDINA_2021 = "https://andina.pe/agencia/noticia-jne-oficializa-distribucion-escanos-el-congreso-para-periodo-20212026-848958.aspx"


def source_2021(parts: list[str]) -> str:
    """A 2021 national file's source text, joined again at its comma, with the report's own address."""
    return ",".join(parts).strip().replace(GLUED_2021, ANDINA_2021)


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
        source = source_2021(source_parts)
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
                "source": source_2021(source_parts),
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
                "source": source_2021(source_parts),
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
    _2026(src, src.parent / "institutions")


# -- 2026 ---------------------------------------------------------------------------------------------

DISTRICTS = {
    "LIMA": "Lima Metropolitana",
    "PEX": "Peruanos residentes en el extranjero",
    "PERUANOS EN EL EXTERIOR": "Peruanos residentes en el extranjero",
    "PERUANOS EN EL EXTRANJERO": "Peruanos residentes en el extranjero",
    "NACIONAL": "Nacional",
    "NACIONAL (DISTRITO UNICO)": "Nacional",
}
BALLOT_NAMES = {"AHORA NACION": "AHORA NACIÓN - AN"}  # official member lists' name -> ONPE's list name
SECOND_SOURCE = "GitHub oprbguitar/Congreso src/data/congress.ts"
INDEX_ID = re.compile(r"\s*\(find_string id \d+\)")


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split()).upper()


def district(name: str) -> str:
    return DISTRICTS.get(fold(name), name)


def cite(text: str) -> str:
    return INDEX_ID.sub("", text)


def senate_chamber(name: str) -> str:
    return "senate_national" if district(name) == "Nacional" else "senate_district"


def stage_of(text: str) -> tuple[str, str]:
    """ "85.991% of tallies (Deputies, national)" or "85.92% actas" -> ("85.991% of tallies", "85.991")."""
    match = re.match(r"([0-9.]+)% ", text)
    assert match, text
    return f"{match.group(1)}% of tallies", match.group(1)


def dated(text: str) -> tuple[str, str]:
    """ "2026-07-29 (first news naming him)" -> ("2026-07-29", "first news naming him")."""
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})\s*(?:\((.*)\))?", text.strip())
    assert match, text
    return match.group(1), match.group(2) or ""


def _2026(elections: Path, institutions: Path) -> None:
    _presidential_2026(elections)
    lists = _partial_votes_2026(elections)
    ballot = {}
    for party in {r["party"] for r in read(elections / "congress_2026_seats_by_party.csv")}:
        name = BALLOT_NAMES.get(fold(party), party)
        (found,) = [n for n in lists if fold(n) == fold(name)]
        ballot[party] = found
    _seats_2026(elections, ballot)
    _members_2026(institutions)
    _officers_and_cabinet_2026(institutions)


def _presidential_2026(elections: Path) -> None:
    rows = read(elections / "presidential_2026_r1_national.csv")
    note = "one of the nine tickets with at least 3% of valid votes; the other tickets' votes were not found"
    header = ["year", "round", "rank", "party", "candidate", "votes", "pct_valid", "implied_total_valid"]
    write(
        "presidential_2026_first_round.csv",
        [*header, "source", "verification", "note"],
        [r | {"note": note} for r in rows],
    )


def _partial_votes_2026(elections: Path) -> set[str]:
    """The partial count per district and its national sums; returns the list names on the ballot."""
    header = ["year", "chamber", "district", "district_seats", "kind", "party", "votes", "stage"]
    header += ["tallies_counted_pct", "date", "source", "note"]
    rows = []
    for r in read(elections / "congress_2026_district_votes_86pct.csv"):
        stage, counted = stage_of(r["stage"])
        chamber = "deputies" if r["chamber"] == "deputies" else senate_chamber(r["district"])
        where = {"chamber": chamber, "district": district(r["district"]), "district_seats": r["seats"]}
        rows.append(r | where | {"year": 2026, "stage": stage, "tallies_counted_pct": counted})
    write("congress_2026_partial_district_votes.csv", header, rows)
    contests = {
        "CAMARA DE DIPUTADOS - SUM OF 27 DISTRICTS (130)": "deputies",
        "SENADO - DISTRITO UNICO NACIONAL (30)": "senate_national",
        "SENADO - DISTRITOS MULTIPLES, SUM OF 27 DISTRICTS (30)": "senate_district",
    }
    kinds = {"VOTOS EN BLANCO": "blank", "VOTOS NULOS": "null"}
    national = []
    for r in read(elections / "congress_2026_partial_votes_86pct.csv"):
        stage, counted = stage_of(r["stage"])
        kind = kinds.get(r["party"], "list")
        national.append(
            r
            | {"year": 2026, "chamber": contests[fold(r["contest"])], "kind": kind}
            | {"party": r["party"] if kind == "list" else "", "stage": stage, "tallies_counted_pct": counted}
            | {"note": r["note"].split(";")[0]}  # the rest described the derived shares, dropped here
        )
    write(
        "congress_2026_partial_national_votes.csv",
        [
            "year",
            "chamber",
            "kind",
            "party",
            "votes",
            "stage",
            "tallies_counted_pct",
            "date",
            "source",
            "note",
        ],
        national,
    )
    return {r["party"] for r in rows if r["kind"] == "list"}


def _seats_2026(elections: Path, ballot: dict[str, str]) -> None:
    chambers = {"NATIONAL LIST (30)": "senate_national", "DISTRICTS (30)": "senate_district"}
    chambers |= {"TOTAL (60)": "senate", "TOTAL (130)": "deputies"}
    rows = []
    for r in read(elections / "congress_2026_seats_by_party.csv"):
        second = cite(r["second_source"])
        figure = re.search(r"congress\.ts: (\d+)", second)
        assert figure or second.endswith("agrees"), second
        rows.append(
            r
            | {"year": 2026, "chamber": chambers[fold(r["component"])], "ballot_name": ballot[r["party"]]}
            | {"second_source_seats": figure.group(1) if figure else r["seats"], "second_source": second}
        )
    write(
        "congress_2026_seats.csv",
        [
            "year",
            "chamber",
            "party",
            "ballot_name",
            "seats",
            "second_source_seats",
            "source",
            "second_source",
        ],
        rows,
    )
    deputies = [
        r
        | {
            "year": 2026,
            "chamber": "deputies",
            "district": district(r["district"]),
            "ballot_name": ballot[r["party"]],
        }
        for r in read(elections / "congress_2026_deputies_seats_by_district.csv")
    ]
    write(
        "congress_2026_deputies_district_seats.csv",
        ["year", "chamber", "district", "district_seats", "party", "ballot_name", "seats", "source", "note"],
        deputies,
    )
    senate = [
        r
        | {"year": 2026, "chamber": senate_chamber(r["district"]), "district": district(r["district"])}
        | {"ballot_name": ballot[r["party"]]}
        for r in read(elections / "congress_2026_senate_seats_by_district.csv")
    ]
    write(
        "congress_2026_senate_district_seats.csv",
        [
            "year",
            "chamber",
            "district",
            "district_seats",
            "party",
            "ballot_name",
            "seats",
            "senators",
            "source",
        ],
        senate,
    )


def _members_2026(institutions: Path) -> None:
    rows = []
    for r in read(institutions / "congress_2026_members.csv"):
        chamber = "deputies" if r["chamber"] == "Camara de Diputados" else senate_chamber(r["district"])
        row = r | {"year": 2026, "chamber": chamber, "district": district(r["district"])}
        row |= {"status": r["condition_2026_07_31"], "status_date": "2026-07-31", "note": cite(r["note"])}
        if r["note"].startswith("seat disputed between sources"):
            # The second source gives this Lambayeque seat to María Jessica Córdova Lobatón (RP).
            assert "Cordova Lobaton RP instead of Liliana Milagros Takayama Jimenez FP" in r["note"], r[
                "note"
            ]
            assert fold(r["name"]) == "TAKAYAMA JIMENEZ, LILIANA MILAGROS", r["name"]
            row |= {"second_source_party": "Renovación Popular", "second_source": SECOND_SOURCE}
            row |= {"second_source_name": "Córdova Lobatón, María Jessica"}
        rows.append(row)
    assert Counter(r["second_source_party"] for r in rows if "second_source_party" in r) == {
        "Renovación Popular": 1
    }
    header = ["year", "chamber", "district", "name", "party", "gender", "status", "status_date"]
    header += ["member_page", "source", "note", "second_source_party", "second_source_name", "second_source"]
    write("congress_2026_members.csv", header, rows)


def _officers_and_cabinet_2026(institutions: Path) -> None:
    rows = []
    for r in read(institutions / "congress_2026_officers_committees.csv"):
        date, date_note = dated(r["date"])
        person, note = r["person"], r["note"]
        if person.startswith("("):  # "(name not found)", "(names other than Torres not found)"
            person, note = "", "; ".join(n for n in (person.strip("()"), note) if n)
        district_name = district(r["district"]) if r["district"] else ""
        rows.append(
            r
            | {"person": person, "party": r["party (from official member list)"], "district": district_name}
            | {"date": date, "date_note": date_note, "note": note}
        )
    write(
        "congress_2026_officers.csv",
        ["body", "role", "person", "party", "district", "date", "date_note", "source", "note"],
        rows,
    )
    write(
        "cabinet_2026.csv",
        ["sigla", "portfolio", "minister", "appointed", "resolution", "link", "status", "source", "note"],
        read(institutions / "cabinet_2026.csv"),
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "elections")
