"""CLI commands of the elections package."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from curul._files import write_atomic
from curul.cli._options import JSON_OPTION
from curul.cli._output import emit
from curul.data import fold
from curul.elections._allocation import METHODS, check_method
from curul.elections._election import ElectionResult, allocate_system
from curul.elections._indices import indices
from curul.elections._official import official_seats, official_votes
from curul.elections._results import congress_results
from curul.elections._systems import load_system, systems
from curul.elections._votes import read_votes
from curul.errors import CurulError


def results(
    year: int = typer.Argument(..., help="Election year: 2001, 2006, 2011, 2016 or 2021."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Official Congress results of an election, summed nationally: votes, share of valid votes, seats."""
    res = congress_results(year)
    payload = {
        "year": res.year,
        "chamber": "congress",
        "level": res.level,
        "districts": res.districts,
        "seats": res.seats,
        "electors": res.electors,
        "emitted": res.emitted,
        "valid": res.valid,
        "blank": res.blank,
        "null": res.null,
        "parties": [
            {
                "party": p.party,
                "votes": p.votes,
                "pct_valid": round(float(p.share) * 100, 3),
                "seats": p.seats,
            }
            for p in res.parties
        ],
        "sources": list(res.sources),
    }

    def render(console: Console) -> None:
        where = f"{res.districts} districts" if res.districts else "national figures only"
        table = Table(title=f"Congress {res.year}: official results ({where})")
        table.add_column("list")
        table.add_column("votes", justify="right")
        table.add_column("% valid", justify="right")
        table.add_column("seats", justify="right")
        for p in res.parties:
            if p.seats or p.share >= 0.01:
                table.add_row(p.party, f"{p.votes:,}", f"{float(p.share) * 100:.2f}", str(p.seats))
        hidden = [p for p in res.parties if not p.seats and p.share < 0.01]
        if hidden:
            votes = sum(p.votes for p in hidden)
            table.add_row(
                f"{len(hidden)} other lists (< 1% each)", f"{votes:,}", f"{votes / res.valid * 100:.2f}", "0"
            )
        table.add_section()
        table.add_row("total", f"{res.valid:,}", "100.00", str(res.seats), style="bold")
        console.print(table)
        console.print(
            f"valid {res.valid:,} + blank {res.blank:,} + null {res.null:,} = emitted {res.emitted:,}"
            + (f" of {res.electors:,} electors" if res.electors else "")
        )

    emit(payload, as_json, render)


def _comparison(result: ElectionResult) -> dict[str, object]:
    """How the computed seats compare with the official ones, district by district."""
    official = official_seats(result.system)
    names = {fold(p): p for p in result.parties}
    differences = []
    matching = 0
    for district in result.system.districts:
        ours = {fold(p): n for p, n in result.districts[district].seats.items() if n}
        theirs = {fold(p): n for p, n in official.get(district, {}).items() if n}
        if ours == theirs:
            matching += 1
        for key in sorted(set(ours) | set(theirs)):
            if ours.get(key, 0) != theirs.get(key, 0):
                differences.append(
                    {
                        "district": district,
                        "party": names.get(key, key),
                        "official": theirs.get(key, 0),
                        "computed": ours.get(key, 0),
                    }
                )
    national: dict[str, int] = {}
    for row in official.values():
        for party, n in row.items():
            national[party] = national.get(party, 0) + n
    return {
        "seats": dict(sorted(national.items(), key=lambda item: (-item[1], item[0]))),
        "districts": len(result.system.districts),
        "districts_matching": matching,
        "matches": not differences,
        "differences": differences,
    }


def _payload(result: ElectionResult, official: dict[str, object] | None) -> dict[str, object]:
    national_votes = result.national_votes
    seats = result.seats
    valid = sum(national_votes.values())
    won = {p: n for p, n in sorted(seats.items(), key=lambda item: (-item[1], item[0])) if n}
    payload: dict[str, object] = {
        "system": result.system.name,
        "method": result.method,
        "total_seats": result.system.total_seats,
        "seats": won,
        "votes": {p: national_votes[p] for p in result.parties},
        "pct_valid": {p: round(national_votes[p] / valid * 100, 3) if valid else 0.0 for p in result.parties},
        "districts": result.district_seats(),
        "threshold": {
            "rule": result.system.threshold.describe(),
            "passed": result.passed,
            "failed": result.failed,
            "why": {p: v.why for p, v in result.verdicts.items()},
        },
        "ties": [{**t.to_dict(), "stage": "final"} for t in result.ties]
        + [{**t.to_dict(), "stage": "preliminary"} for t in result.preliminary_ties],
        "undecided": result.undecided,
        "indices": indices(national_votes, seats).to_dict() if valid and sum(seats.values()) else {},
        "laws": result.system.laws(),
    }
    if official is not None:
        payload["official"] = official
    return payload


def seats(
    system: str = typer.Option(
        ..., "--system", "-s", help="Electoral system name (see `curul systems`) or a .toml file."
    ),
    votes: Path | None = typer.Option(None, "--votes", help="CSV with columns district,party,votes."),
    official: bool = typer.Option(
        False, "--official", help="Use the bundled official results of the system's year and compare."
    ),
    method: str | None = typer.Option(
        None, "--method", "-m", help=f"Replace the system's method: {', '.join(METHODS)}."
    ),
    tie_break: int | None = typer.Option(
        None, "--tie-break", help="Settle ties by a reproducible draw with this seed."
    ),
    svg: Path | None = typer.Option(None, "--svg", help="Write the hemicycle of the result to this SVG."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Allocate seats under an electoral system: national threshold, then cifra repartidora per district."""
    if votes is None and not official:
        raise CurulError("give --votes FILE.csv or --official")
    if votes is not None and official:
        raise CurulError("give either --votes or --official, not both")
    chosen = check_method(method) if method else None
    spec = load_system(system)
    if official:
        table, members = official_votes(spec)
    else:
        assert votes is not None
        read = read_votes(votes, spec)
        table, members = read.votes, read.members
    result = allocate_system(spec, table, method=chosen, tie_break=tie_break, members=members)
    comparison = _comparison(result) if official else None
    payload = _payload(result, comparison)
    if svg is not None:
        from curul.viz import hemicycle_svg

        title = f"{spec.title}: {sum(result.seats.values())} seats ({result.method})"
        write_atomic(svg, hemicycle_svg(result.seats, title=title))

    def render(console: Console) -> None:
        table_ = Table(title=f"{escape(spec.title)} — {escape(result.method)}")
        table_.add_column("list")
        table_.add_column("votes", justify="right")
        table_.add_column("% valid", justify="right")
        table_.add_column("threshold")
        table_.add_column("seats", justify="right")
        off_seats = {fold(p): n for p, n in comparison["seats"].items()} if comparison else {}
        if comparison:
            table_.add_column("official", justify="right")
        pct = payload["pct_valid"]
        for party in sorted(result.parties, key=lambda p: (-result.seats[p], -result.national_votes[p])):
            if not result.seats[party] and pct[party] < 1 and not off_seats.get(fold(party)):
                continue
            row = [
                escape(party),
                f"{result.national_votes[party]:,}",
                f"{pct[party]:.2f}",
                "pass" if result.verdicts[party].passed else "[red]fail[/]",
                str(result.seats[party]),
            ]
            if comparison:
                row.append(str(off_seats.get(fold(party), 0)))
            table_.add_row(*row)
        console.print(table_)
        console.print(f"threshold: {escape(spec.threshold.describe())}")
        for tie in payload["ties"]:
            state = (
                f"settled by {tie['resolved_by']}: {', '.join(tie['winners'])}"
                if tie["resolved_by"]
                else "[bold yellow]undecided (the law settles it by lot; use --tie-break SEED)[/]"
            )
            console.print(
                f"tie ({tie['stage']}) in {escape(tie['district'])} for {tie['seats']} seat(s) "
                f"among {escape(', '.join(tie['lists']))}: {state}"
            )
        if result.undecided:
            console.print(
                f"[yellow]{result.undecided} seat(s) undecided[/] (unresolved ties, or districts "
                "without votes in the file)"
            )
        idx = payload["indices"]
        if idx:
            console.print(
                f"Gallagher {idx['gallagher']:.2f} · Loosemore–Hanby {idx['loosemore_hanby']:.2f}"
                f" · effective parties: votes {idx['enp_votes']:.2f}, seats {idx['enp_seats']:.2f}"
            )
        if comparison:
            verdict = "[green]reproduced[/]" if comparison["matches"] else "[red]differs[/]"
            console.print(
                f"official seats: {verdict} in {comparison['districts_matching']} of "
                f"{comparison['districts']} districts"
            )
            for diff in comparison["differences"]:
                console.print(
                    f"  {escape(diff['district'])}: {escape(diff['party'])} official "
                    f"{diff['official']}, computed {diff['computed']}"
                )
        if svg is not None:
            console.print(f"hemicycle written to {escape(str(svg))}")

    emit(payload, as_json, render)


def systems_command(as_json: bool = JSON_OPTION) -> None:
    """List the bundled electoral systems with their districts, method, threshold rules and sources."""
    loaded = [load_system(name) for name in systems()]
    payload = {"systems": [s.to_dict() for s in loaded]}

    def render(console: Console) -> None:
        table = Table(title="Electoral systems")
        table.add_column("system")
        table.add_column("seats", justify="right")
        table.add_column("districts", justify="right")
        table.add_column("method")
        table.add_column("threshold")
        for s in loaded:
            table.add_row(
                s.name, str(s.total_seats), str(len(s.districts)), s.method, escape(s.threshold.describe())
            )
        console.print(table)
        for s in loaded:
            console.print(f"[bold]{s.name}[/]: {escape(s.title)}")
            for law in s.laws():
                console.print(f"  law: {escape(law)}")
            for source in s.sources:
                console.print(f"  source: {escape(source)}")
            for note in s.notes:
                console.print(f"  note: {escape(note)}")

    emit(payload, as_json, render)


def _electorate_overrides(path: Path | None, assignments: list[str]) -> dict[str, int]:
    """Electors per district from ``--electorate FILE`` (district,electors) and ``--set DISTRICT=N``."""
    import csv

    from curul.errors import InputError

    out: dict[str, int] = {}
    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc}") from None
        reader = csv.reader(lines)
        header = [h.strip().lower() for h in next(reader, [])]
        for col in ("district", "electors"):
            if col not in header:
                raise InputError(path, f"missing column {col!r}", line=1, field=col)
        at_d, at_e = header.index("district"), header.index("electors")
        for line, row in enumerate(reader, start=2):
            if not any(c.strip() for c in row):
                continue
            cell = row[at_e].strip() if len(row) > at_e else ""
            if not cell.isdigit() or int(cell) < 1:
                raise InputError(
                    path,
                    f"electors must be a positive whole number, got {cell!r}",
                    line=line,
                    column=at_e + 1,
                    field="electors",
                )
            out[fold(row[at_d])] = int(cell)
    for item in assignments:
        name, sep, value = item.partition("=")
        if not sep or not value.strip().isdigit() or int(value) < 1:
            raise CurulError(f"--set {item!r}: expected DISTRICT=ELECTORS with a positive whole number")
        out[fold(name)] = int(value)
    return out


def apportion_command(
    electorate: Path | None = typer.Option(
        None, "--electorate", help="CSV district,electors replacing the bundled figures."
    ),
    assign: list[str] = typer.Option(
        [], "--set", help="Electors of one district, e.g. --set TUMBES=170000 (repeatable)."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    """2026 Chamber of Deputies: 1 seat per district (abroad 2) + 102 by electorate, largest remainder."""
    from curul.data import load
    from curul.elections import apportion_deputies_2026, electorate_2026, load_system

    rule = load_system("peru-2026-deputies").apportionment
    assert rule is not None
    DEPUTIES_2026_LAW = rule.law
    ABROAD = next(iter(rule.fixed_only))

    bundled = electorate_2026()
    overrides = _electorate_overrides(electorate, assign)
    electors = dict(bundled.electors)
    known = {fold(d): d for d in electors}
    for key, value in overrides.items():
        if key not in known:
            raise CurulError(f"unknown district {key!r}; districts: {', '.join(sorted(electors))}")
        electors[known[key]] = value
    missing = [d for d, n in electors.items() if n is None]
    if missing:
        raise CurulError(
            f"no sourced electorate for {', '.join(missing)}; give it with --set "
            f"{missing[0]}=N (docs/elections.md gives the range that reproduces JNE's seats)"
        )
    result = apportion_deputies_2026({d: n for d, n in electors.items() if n is not None})
    official = {
        r.district: r.seats
        for r in load("district-magnitudes").rows
        if r.year == 2026 and r.chamber == "deputies"
    }
    total = result.seats
    payload = {
        "chamber": "deputies",
        "year": 2026,
        "law": DEPUTIES_2026_LAW,
        "seats": total,
        "fixed": dict(result.fixed),
        "proportional": dict(result.proportional.seats),
        "quota": result.proportional.quota,
        "electorate": electors,
        "official": official,
        "matches": total == official,
        "ties": [t.to_dict() for t in result.proportional.ties],
        "sources": {d: bundled.sources[d] for d in electors if fold(d) not in overrides},
    }

    def render(console: Console) -> None:
        table = Table(title="2026 Chamber of Deputies: seats per district")
        for col, justify in (
            ("district", "left"),
            ("electors", "right"),
            ("fixed", "right"),
            ("by electorate", "right"),
            ("total", "right"),
            ("official", "right"),
        ):
            table.add_column(col, justify=justify)  # type: ignore[arg-type]
        for d in sorted(total, key=lambda k: (-total[k], k)):
            n = electors.get(d)
            mark = "" if total[d] == official.get(d) else " [red]≠[/]"
            shown = f"{n:,}" if n else ("—" if d == ABROAD else "?")
            by_electorate = str(result.proportional.seats.get(d, 0))
            table.add_row(
                escape(d),
                shown,
                str(result.fixed.get(d, 0)),
                by_electorate,
                str(total[d]),
                f"{official.get(d, 0)}{mark}",
            )
        console.print(table)
        console.print(
            f"Hare quota {float(result.proportional.quota):,.1f} electors per seat; "
            + (
                "[green]reproduces[/] JNE Res. 0053-2025-JNE"
                if payload["matches"]
                else "[red]differs from[/] JNE Res. 0053-2025-JNE"
            )
        )

    emit(payload, as_json, render)


def register(app: typer.Typer) -> None:
    app.command("results")(results)
    app.command("seats")(seats)
    app.command("systems")(systems_command)
    app.command("apportion")(apportion_command)
