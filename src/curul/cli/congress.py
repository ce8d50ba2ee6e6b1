"""``curul power``, ``curul coalitions`` and ``curul compositions``: chamber arithmetic.

The commands parse their options, ask :mod:`curul.congress` and print the result. A ``rollcalls:DATE``
composition is read here, from :mod:`curul.rollcalls`, so the chamber arithmetic never depends on the
roll calls. The domain packages are imported inside the commands. ``curul coalitions --procedure
vacancy`` is :func:`curul.congress.vacancy_arithmetic`: who can carry a presidential vacancy through
both chambers of the Congress.
"""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from curul.cli._options import CSV_OPTION, JSON_OPTION, MAX_MEMBERS, check_csv_file, options, parse_date
from curul.cli._output import emit
from curul.cli.rollcalls import DATA_OPT
from curul.errors import ArgumentError, CurulError

if TYPE_CHECKING:
    from curul.congress import Composition
    from curul.report import Presentable

# Options shared by `power` and `coalitions`: one definition each, so their help stays the same.
COMPOSITION_OPT = typer.Option(
    ..., "--composition", "-c", help="Bundled id (see `curul compositions`), rollcalls:YYYY-MM-DD or a CSV."
)
THRESHOLD_OPT = typer.Option(
    ..., "--threshold", "-t", help="Votes needed (a number) or a procedure id such as vacancy.approval."
)
HABILES_OPT = typer.Option(
    False,
    "--habiles",
    help="Only members able to vote: roll-call compositions, or member lists with a status (2026: sworn).",
)
BLOC_OPT = typer.Option(False, "--unattached-bloc", help="Treat non-attached members (NA) as one group.")
DATE_OPT = typer.Option(None, "--date", help="Date for a procedure threshold (default: composition's).")
CHAMBER_OPT = typer.Option(None, "--chamber", help="Chamber for a procedure threshold.")
PRESENT_OPT = typer.Option(
    None,
    "--present",
    min=0,
    max=MAX_MEMBERS,
    help="Members present, for procedures counted on those present.",
)


def _composition(name: str, data: Path | None, habiles_only: bool = False) -> "Composition":
    """A bundled id or a CSV (curul.congress), or ``rollcalls:YYYY-MM-DD`` read off the roll calls."""
    if not name.startswith("rollcalls:"):
        from curul.congress import resolve_composition

        comp = resolve_composition(name)
        if habiles_only:
            if not comp.statuses_known:
                raise CurulError(
                    "--habiles needs a composition whose members' status is known (rollcalls:YYYY-MM-DD, "
                    "2026-07-senate, 2026-07-deputies)"
                )
            comp = comp.habiles_only()
        return comp
    from curul.rollcalls import composition_on, load_rollcalls

    day = name.split(":", 1)[1]
    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        raise CurulError(f"--composition: not a date: {day!r} (use rollcalls:YYYY-MM-DD)") from None
    rollcalls = load_rollcalls(data)
    comp = composition_on(rollcalls, date)
    if habiles_only:
        # named, as it always was, by the date of the roll call it was read from
        assert comp.date is not None
        comp = composition_on(rollcalls, comp.date, habiles_only=True)
    return comp


def _senate(name: str | None, data: Path | None, habiles: bool) -> "Composition | str | None":
    """The second chamber: one from the roll calls is read here (as it always was, without
    ``--habiles``); a member list with a status keeps only its hábiles under ``--habiles``; any other is
    left to the library, which reads it in its turn."""
    if name is None:
        return None
    if name.startswith("rollcalls:"):
        return _composition(name, data)
    if not habiles:
        return name
    from curul.congress import resolve_composition

    comp = resolve_composition(name)
    return comp.habiles_only() if comp.statuses_known else comp


# Options given together that the library refuses, in this command's words (the library names its
# arguments: senate_threshold, joint).
_COMBINATIONS = {
    "senate_threshold": "--senate needs --senate-threshold",
    "joint": "--joint joins groups across chambers; it cannot be used with --members",
}


@contextmanager
def _combinations() -> Iterator[None]:
    try:
        yield
    except ArgumentError as exc:
        if exc.argument not in _COMBINATIONS:
            raise
        raise CurulError(_COMBINATIONS[exc.argument]) from None


def power(
    composition: str = COMPOSITION_OPT,
    threshold: str = THRESHOLD_OPT,
    members: bool = typer.Option(False, "--members", help="One player per legislator (weight 1)."),
    by_group: bool = typer.Option(
        False, "--by-group", help="With --members: sum the members' indices per group."
    ),
    habiles: bool = HABILES_OPT,
    bloc: bool = BLOC_OPT,
    senate: str | None = typer.Option(None, "--senate", help="Second chamber (bicameral game: pass both)."),
    senate_threshold: str | None = typer.Option(None, "--senate-threshold", help="Votes needed in --senate."),
    joint: bool = typer.Option(
        False, "--joint", help="With --senate: each group is one player with seats in both chambers."
    ),
    date: str | None = DATE_OPT,
    chamber: str | None = CHAMBER_OPT,
    present: int | None = PRESENT_OPT,
    data: Path | None = DATA_OPT,
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Exact Banzhaf and Shapley–Shubik power of each group (or legislator) for a threshold.

    JSON: {composition, threshold: {votes, procedure, arithmetic, rule_id, article, sources}, players,
    rows: [{group|member, seats, banzhaf, banzhaf_absolute, shapley_shubik}]}. With --senate: + senate,
    senate_threshold, joint; rows carry chamber, or with --joint seats_first and seats_second.
    """
    check_csv_file(csv)
    from curul.congress import chamber_power

    comp = _composition(composition, data, habiles)
    when = parse_date(date, "--date")
    other = _senate(senate, data, habiles)
    with _combinations():
        result = chamber_power(
            comp,
            threshold,
            members=members,
            by_group=by_group,
            unattached_bloc=bloc,
            date=when,
            chamber=chamber,
            present=present,
            senate=other,
            senate_threshold=senate_threshold,
            joint=joint,
        )
    emit(result, as_json, csv)


#: What ``--procedure`` accepts (the whole procedures the library follows through both chambers).
PROCEDURES = ("vacancy",)


def coalitions_command(
    composition: str | None = typer.Option(
        None,
        "--composition",
        "-c",
        help="Bundled id (see `curul compositions`), rollcalls:YYYY-MM-DD or a CSV; with --procedure, the "
        "Chamber of Deputies (default 2026-07-deputies).",
    ),
    threshold: str | None = typer.Option(
        None, "--threshold", "-t", help="Votes needed (a number) or a procedure id such as vacancy.approval."
    ),
    limit: int = typer.Option(20, "--limit", min=0, help="List at most this many (0: all)."),
    habiles: bool = HABILES_OPT,
    bloc: bool = BLOC_OPT,
    senate: str | None = typer.Option(
        None,
        "--senate",
        help="Second chamber: coalitions of parties that reach both thresholds (with --procedure: "
        "default 2026-07-senate).",
    ),
    senate_threshold: str | None = typer.Option(None, "--senate-threshold", help="Votes needed in --senate."),
    procedure: str | None = typer.Option(
        None,
        "--procedure",
        help="vacancy: every step of a presidential vacancy and the coalitions of parties that carry it "
        "through both chambers, on --date (default: the compositions').",
    ),
    date: str | None = DATE_OPT,
    chamber: str | None = CHAMBER_OPT,
    present: int | None = PRESENT_OPT,
    data: Path | None = DATA_OPT,
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Minimal winning coalitions of groups, the smallest ones, and the pivotal groups.

    JSON: {composition, threshold, count, minimal_winning: [{groups, seats, surplus}], fewest_seats,
    fewest_groups, pivotal: [{group, in_minimal_winning}], veto, dummies, total_seats, groups}. With
    --senate: coalitions reaching both thresholds, seats_first / seats_second, first_only, second_only
    and the joint game's indices. --procedure vacancy: + procedure, on, steps, earlier_steps_covered.
    """
    check_csv_file(csv)
    when = parse_date(date, "--date")
    if procedure is not None:
        if procedure not in PROCEDURES:
            raise CurulError(f"--procedure: unknown procedure {procedure!r} (known: {', '.join(PROCEDURES)})")
        if threshold is not None or senate_threshold is not None:
            raise CurulError("--procedure sets the thresholds: leave out --threshold and --senate-threshold")
        if chamber is not None or present is not None:
            raise CurulError(
                "--procedure sets each step's chamber and counts: leave out --chamber and --present"
            )
        from curul.congress import vacancy_arithmetic

        deputies = _composition(composition or "2026-07-deputies", data, habiles)
        second = _senate(senate or "2026-07-senate", data, habiles)
        assert second is not None
        with options(on="--date"):
            result: Presentable = vacancy_arithmetic(
                when, deputies=deputies, senate=second, habiles=habiles, limit=limit
            )
        emit(result, as_json, csv)
        return
    if composition is None or threshold is None:
        raise CurulError("coalitions needs --composition and --threshold (or --procedure vacancy)")
    comp = _composition(composition, data, habiles)
    if senate is not None:
        from curul.congress import bicameral_coalitions

        if senate_threshold is None:
            raise CurulError(_COMBINATIONS["senate_threshold"])
        other = _senate(senate, data, habiles)
        assert other is not None
        result = bicameral_coalitions(
            comp,
            threshold,
            other,
            senate_threshold,
            limit=limit,
            unattached_bloc=bloc,
            date=when,
            chamber=chamber,
            present=present,
        )
        emit(result, as_json, csv)
        return
    from curul.congress import chamber_coalitions

    result = chamber_coalitions(
        comp,
        threshold,
        limit=limit,
        unattached_bloc=bloc,
        date=when,
        chamber=chamber,
        present=present,
    )
    emit(result, as_json, csv)


def list_compositions(csv: Path | None = CSV_OPTION, as_json: bool = JSON_OPTION) -> None:
    """The bundled dated compositions (seats per group) and their sources.

    JSON: {compositions: [{id, date, label, chamber, legal_number, total, source, note, groups}]}; the
    2026 chambers, built from the member lists, also give status_on and unable_to_vote.
    """
    check_csv_file(csv)
    from curul.congress import composition_listing

    emit(composition_listing(), as_json, csv)


def register(app: typer.Typer) -> None:
    app.command("power")(power)
    app.command("coalitions")(coalitions_command)
    app.command("compositions")(list_compositions)
