"""``curul results``, ``curul seats``, ``curul systems`` and ``curul apportion``: official results (2026
with its partial count), seat allocation under an electoral system, the bundled systems, and the 2026
Deputies apportionment.

Each command parses its options, calls ``curul.elections`` (imported inside the command, so ``curul
--help`` loads no numpy) and prints the result's report or, with ``--json``, its ``as_dict()``.
"""

from pathlib import Path

import typer

from curul.cli._options import CSV_OPTION, JSON_OPTION, MAX_SEED, check_csv_file, options
from curul.cli._output import emit, show
from curul.errors import CurulError

# Written out, not read from curul.elections.METHODS, so `curul --help` imports no domain module;
# tests/elections/test_commands.py keeps the two in step.
METHOD_NAMES = "dhondt, sainte-lague, modified-sainte-lague, hare, droop"


def results(
    year: int = typer.Argument(..., help="Election year: 2001, 2006, 2011, 2016, 2021 or 2026."),
    chamber: str | None = typer.Option(
        None, "--chamber", help="2026 only: senate or deputies (default: both chambers)."
    ),
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Official results of an election, summed nationally: votes, share of valid votes, seats.

    2026: the official seats of both chambers (Senate per part), the partial count of 11 May 2026
    labelled with its stage, and the presidential first round's nine leading tickets.
    """
    check_csv_file(csv)
    from curul.elections import election_results

    emit(election_results(year, chamber=chamber), as_json, csv)


def seats(
    system: str = typer.Option(
        ..., "--system", "-s", help="Electoral system name (see `curul systems`) or a .toml file."
    ),
    votes: Path | None = typer.Option(None, "--votes", help="CSV with columns district,party,votes."),
    official: bool = typer.Option(
        False, "--official", help="Use the bundled official results of the system's year and compare."
    ),
    partial: bool = typer.Option(
        False,
        "--partial",
        help="Use the bundled partial count of the system's year (2026: 85.92% / 85.991% of tallies, "
        "11 May 2026), labelled as such, and compare with the official seats, with every last seat's margin.",
    ),
    reading: list[str] = typer.Option(
        [],
        "--reading",
        help="A contested reading of the rules, NAME=VALUE (see `curul systems`); repeatable.",
    ),
    explain: bool = typer.Option(
        False, "--explain", help="Add each list's threshold tests and each district's last-seat margin."
    ),
    method: str | None = typer.Option(
        None, "--method", "-m", help=f"Replace the system's method: {METHOD_NAMES}."
    ),
    tie_break: int | None = typer.Option(
        None, "--tie-break", min=0, max=MAX_SEED, help="Settle ties by a reproducible draw with this seed."
    ),
    svg: Path | None = typer.Option(None, "--svg", help="Write the hemicycle of the result to this SVG."),
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Allocate seats under an electoral system: national threshold, then cifra repartidora per district."""
    check_csv_file(csv)
    if votes is None and not official and not partial:
        raise CurulError("give --votes FILE.csv, --official or --partial")
    if (votes is not None) + official + partial > 1:
        raise CurulError(
            "give either --votes or --official, not both"
            if not partial
            else "give one of --votes, --official and --partial"
        )
    from curul._files import write_atomic
    from curul.cli._options import output_file
    from curul.elections import allocate_file, allocate_official, allocate_partial, parse_reading_args

    if method is not None and not method.strip():
        raise CurulError(f"--method: give a method name ({METHOD_NAMES})")
    output_file(svg, "--svg", (".svg",))
    with options(readings="--reading"):
        readings = parse_reading_args(reading)
        if partial:
            result = allocate_partial(system, readings=readings, method=method, tie_break=tie_break)
        elif votes is None:
            result = allocate_official(
                system, method=method, tie_break=tie_break, readings=readings, explain=explain
            )
        else:
            result = allocate_file(
                system, votes, method=method, tie_break=tie_break, readings=readings, explain=explain
            )
    if svg is not None:
        write_atomic(svg, result.hemicycle_svg())
    emit(result, as_json, csv)
    if svg is not None and not as_json:
        from curul.report import Report

        show(Report.of(f"hemicycle written to {svg}"))


def systems_command(csv: Path | None = CSV_OPTION, as_json: bool = JSON_OPTION) -> None:
    """List the bundled electoral systems with their districts, method, threshold rules and sources."""
    check_csv_file(csv)
    from curul.elections import systems_listing

    emit(systems_listing(), as_json, csv)


def apportion_command(
    electorate: Path | None = typer.Option(
        None, "--electorate", help="CSV district,electors replacing the bundled figures."
    ),
    assign: list[str] = typer.Option(
        [], "--set", help="Electors of one district, e.g. --set TUMBES=170000 (repeatable)."
    ),
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """2026 Chamber of Deputies: 1 seat per district (abroad 2) + 102 by electorate, largest remainder."""
    check_csv_file(csv)
    from curul.elections import deputies_apportionment, parse_electors, read_electorate

    with options(assignments="--set", overrides="--set"):
        overrides = read_electorate(electorate) if electorate is not None else {}
        overrides |= parse_electors(assign)
        emit(deputies_apportionment(overrides), as_json, csv)


def register(app: typer.Typer) -> None:
    app.command("results")(results)
    app.command("seats")(seats)
    app.command("systems")(systems_command)
    app.command("apportion")(apportion_command)
