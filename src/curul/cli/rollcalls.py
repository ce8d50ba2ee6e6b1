"""``curul rollcalls …``: import the plenary roll calls, cohesion, members, ideal points, votes and
motion outcomes.

The commands parse their options, load the roll calls, ask :mod:`curul.rollcalls` and print the
result; charts come from :mod:`curul.viz` as bytes and are written here. The domain packages (pandas,
scipy) are imported inside the commands, so that every other ``curul`` command starts without them.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from curul.cli._options import (
    CSV_OPTION,
    JSON_OPTION,
    MAX_MEMBERS,
    check_csv_file,
    options,
    output_file,
    parse_date,
)
from curul.cli._output import emit, err_console
from curul.errors import CurulError

if TYPE_CHECKING:
    from curul.rollcalls import RollCalls

rollcalls_app = typer.Typer(
    help="Plenary roll calls: import, cohesion, members, ideal points, predictions.", no_args_is_help=True
)

DATA_OPT = typer.Option(
    None,
    "--data",
    help="Roll calls: a cache from `curul rollcalls import` or an openpolitica folder "
    "(default: the last import, else ../shared/data/rollcalls).",
)
FROM_OPT = typer.Option(None, "--from", help="First date (YYYY-MM-DD) of the votes used.")
TO_OPT = typer.Option(None, "--to", help="Last date (YYYY-MM-DD) of the votes used.")
PLOT_OPT = typer.Option(None, "--plot", help="Write a chart (.png or .svg).")
DIMS_OPT = typer.Option(1, "--dims", min=1, max=2, help="Ideal-point dimensions: 1 or 2.")
#: ``votes --limit``: far above the 2,226 votes of 2021-2024, bounded so a mistyped number is refused.
MAX_LIMIT = 100_000


@rollcalls_app.command("import")
def import_command(
    path: Path = typer.Argument(..., help="Folder with votes.csv, ballots.csv (and groups.csv)."),
    out: Path | None = typer.Option(
        None, "--out", help="Cache file to write, ending in .npz (default: user cache dir)."
    ),
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Read, normalise and check the roll calls, and cache them for the other subcommands; --csv
    writes the contradictions.

    JSON: {source, cache, votes, ballots, members, groups, first_date, last_date, ballot_categories,
    contradictions: [{vote_id, field, recorded, from_ballots}]}.
    """
    output_file(out, "--out", (".npz",))
    check_csv_file(csv)
    from curul.rollcalls import ImportSummary, import_rollcalls, save_rollcalls

    rc = import_rollcalls(path)
    cache = out if out is not None else None
    summary = ImportSummary.of(rc, Path("-"))  # the whole summary is computed before anything is written
    written = save_rollcalls(rc, cache)
    emit(replace(summary, cache=written), as_json, csv)


def _load(data: Path | None, start: str | None = None, end: str | None = None) -> "RollCalls":
    """The roll calls of ``--data``, restricted to the votes from ``--from`` to ``--to`` (included)."""
    from curul.rollcalls import load_rollcalls

    a, b = parse_date(start, "--from"), parse_date(end, "--to")  # before any work
    rc = load_rollcalls(data)
    if a is None and b is None:
        return rc
    return rc.between(a, b + dt.timedelta(days=1) if b else None)


def _check_plot(path: Path | None) -> str | None:
    """The format of the ``--plot`` file, its name and folder checked before any work starts."""
    if path is None:
        return None
    from curul.cli._options import output_file
    from curul.viz import plot_format

    with options(path="--plot"):
        fmt = plot_format(path)
    output_file(path, "--plot", ())
    return fmt


def _plot(path: Path, draw: Callable[[str], bytes]) -> Path:
    """Write the chart ``draw(format)`` to ``path``, in the format its suffix names."""
    from curul._files import write_atomic

    fmt = _check_plot(path)
    assert fmt is not None
    write_atomic(path, draw(fmt))
    return path


@contextmanager
def _progress(label: str, quiet: bool) -> Iterator[Callable[[float], None]]:
    """A progress bar on stderr with the time left, for a fit or a run of predictions: yields the
    ``progress(fraction)`` callback the library's long runs take; silent with --json or when stderr is
    not a terminal. Rich shows the estimate once the bar has moved."""
    if quiet or not err_console().is_terminal:
        yield lambda fraction: None
        return
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn(label),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console(), transient=True) as bar:
        task = bar.add_task(label, total=1.0)
        yield lambda fraction: bar.update(task, completed=fraction)


def _threshold(value: str | None) -> int | str | None:
    """``--threshold``: a number of yes votes, 1..MAX_MEMBERS (ASCII digits), or a procedure id."""
    if value is None:
        return None
    text = value.strip()
    if text[:1] not in tuple("+-.0123456789"):
        return text  # a procedure id, resolved by the constitution engine
    if not (text.isascii() and text.isdigit() and len(text) <= 4 and 1 <= int(text) <= MAX_MEMBERS):
        raise CurulError(
            f"--threshold: {value[:20]!r} is not a number of votes 1..{MAX_MEMBERS:,} or a procedure id"
        )
    return int(text)


@rollcalls_app.command("cohesion")
def cohesion_command(
    freq: str = typer.Option("quarter", "--freq", help="Period: month, quarter or year."),
    index: str = typer.Option("rice", "--index", help="Index to plot: rice or agreement."),
    plot: Path | None = PLOT_OPT,
    start: str | None = FROM_OPT,
    end: str | None = TO_OPT,
    data: Path | None = DATA_OPT,
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Group cohesion (Rice and agreement indices) overall and per period; --csv writes the summary.

    JSON: {votes, summary: [{group, rice, agreement, votes, members}],
    over_time: [{period, group, rice, agreement, votes}], plot}.
    """
    from curul.rollcalls import FREQUENCIES, cohesion

    if freq not in FREQUENCIES:
        raise CurulError(f"--freq: use one of {', '.join(FREQUENCIES)}, not {freq!r}")
    if index not in ("rice", "agreement"):
        raise CurulError(f"--index: use rice or agreement, not {index!r}")
    check_csv_file(csv)
    _check_plot(plot)
    result = cohesion(_load(data, start, end), freq=freq)
    if plot:
        from curul.viz import cohesion_chart

        result = result.with_plot(
            _plot(plot, lambda fmt: cohesion_chart(result.over_time, format=fmt, index=index))
        )
    emit(result, as_json, csv)


@rollcalls_app.command("members")
def members_command(
    group: str | None = typer.Option(None, "--group", help="Only members whose last group is this code."),
    member: str | None = typer.Option(None, "--member", help="Only members whose name contains this text."),
    start: str | None = FROM_OPT,
    end: str | None = TO_OPT,
    data: Path | None = DATA_OPT,
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Attendance of each member and agreement with each group.

    JSON: {members: [{member, group, votes, present, absent, leave, suspended, yes, no, abstain,
    attendance, agreement_own_group, agreement: {GROUP: share}}]}.
    """
    from curul.rollcalls import member_table

    check_csv_file(csv)
    rc = _load(data, start, end)
    with options(**{"group/member": "--group/--member"}):
        result = member_table(rc, group=group, member=member)
    emit(result, as_json, csv)


@rollcalls_app.command("ideal")
def ideal_command(
    dims: int = DIMS_OPT,
    anchor: str | None = typer.Option(
        None, "--anchor", help="Member placed on the positive side (default: the largest group's side)."
    ),
    plot: Path | None = PLOT_OPT,
    start: str | None = FROM_OPT,
    end: str | None = TO_OPT,
    data: Path | None = DATA_OPT,
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Ideal points (probit IRT, lopsided votes excluded) of every member; --csv writes the members.

    JSON: {dims, anchor, votes_used, lopsided_excluded, iterations,
    members: [{member, group, dim1[, dim2]}], group_means: {GROUP: [dim1, ...]}, plot}.
    """
    from curul.rollcalls import ideal_points

    check_csv_file(csv)
    _check_plot(plot)
    rc = _load(data, start, end)
    with _progress(f"fitting {dims}-D ideal points", as_json) as tick:
        result = ideal_points(rc, dims=dims, anchor=anchor, progress=tick, cache=True)
    if plot:
        from curul.viz import ideal_points_chart

        chart = result.members
        result = result.with_plot(
            _plot(plot, lambda fmt: ideal_points_chart(chart, format=fmt, anchor=result.anchor))
        )
    emit(result, as_json, csv)


@rollcalls_app.command("votes")
def votes_command(
    search: str | None = typer.Option(None, "--search", help="Only subjects containing this text."),
    kind: str | None = typer.Option(None, "--kind", help="Only this kind (vacancy, control, bill, …)."),
    limit: int = typer.Option(30, "--limit", min=0, max=MAX_LIMIT, help="Show at most this many (0: all)."),
    start: str | None = FROM_OPT,
    end: str | None = TO_OPT,
    data: Path | None = DATA_OPT,
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Find votes (ids for `predict --vote`).

    JSON: {count, votes: [{vote_id, date, kind, yes, no, abstain, subject}]}.
    """
    from curul.rollcalls import vote_listing

    check_csv_file(csv)
    emit(vote_listing(_load(data, start, end), search=search, kind=kind, limit=limit), as_json, csv)


@rollcalls_app.command("predict")
def predict_command(
    vote: str | None = typer.Option(None, "--vote", help="Predict this recorded vote (fit on earlier days)."),
    threshold: str | None = typer.Option(
        None,
        "--threshold",
        "-t",
        help="Votes needed or procedure id (default: yes > no; with --kind, the "
        "kind's procedure: vacancy.approval for a vacancy).",
    ),
    cutoff: str | None = typer.Option(
        None, "--evaluate", help="Fit before this date, score every later vote against the baseline."
    ),
    until: str | None = typer.Option(None, "--until", help="With --evaluate: last date scored."),
    vacancies: bool = typer.Option(False, "--vacancies", help="Predict every presidential-vacancy vote."),
    kind: str | None = typer.Option(
        None, "--kind", help="A new motion of this kind (vacancy, control, bill, …) among the hábiles."
    ),
    on: str | None = typer.Option(
        None, "--on", help="With --kind: date of the motion (default: after the data)."
    ),
    dims: int = DIMS_OPT,
    anchor: str | None = typer.Option(None, "--anchor", help="Anchor member for the ideal points."),
    basis: str = typer.Option(
        "ideal", "--basis", help="Members' positions: ideal (ideal points) or groups (group yes shares)."
    ),
    data: Path | None = DATA_OPT,
    csv: Path | None = CSV_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Motion outcomes: yes-count distribution and P(pass), out of sample. --csv writes the table: the
    vote's row (--vote), one row per vote (--evaluate, --vacancies), or P(yes = k) (--kind).

    JSON (--vote): {vote_id, date, kind, voters, threshold, expected_yes, yes_low, yes_high, p_pass,
    recorded_yes, recorded_no, recorded_abstain, passed, baseline_yes, baseline_pass}.
    JSON (--evaluate): {cutoff, votes, brier_model, brier_baseline, mae_model, mae_baseline,
    accuracy_model, accuracy_baseline, predictions: [...]}.
    JSON (--vacancies): {vacancies: [{procedure, habiles, arithmetic, ...prediction keys}]}.
    JSON (--kind): {kind, on, habiles, threshold, expected_yes, yes_low, yes_high, p_pass,
    yes_distribution}.
    """
    from curul.rollcalls import (
        MotionModel,
        evaluate,
        find_member,
        forecast_motion,
        load_rollcalls,
        predict_vacancies,
        predict_vote,
    )

    if basis not in ("ideal", "groups"):
        raise CurulError(f"--basis: use ideal or groups, not {basis!r}")
    chosen = sum(x is not None and x is not False for x in (vote, cutoff, vacancies or None, kind))
    if chosen != 1:
        raise CurulError("give exactly one of --vote VOTE_ID, --evaluate DATE, --vacancies or --kind KIND")
    check_csv_file(csv)
    needed = _threshold(threshold)
    when, day, end = parse_date(on, "--on"), parse_date(cutoff, "--evaluate"), parse_date(until, "--until")
    rc = load_rollcalls(data)
    if anchor is not None:
        anchor = find_member(rc, anchor, argument="anchor")
    model = MotionModel(dims=dims, anchor=anchor, basis=basis)
    result: Any
    if vote is not None:
        with _progress("fitting the model", as_json) as tick, options(vote_id="--vote"):
            result = predict_vote(rc, vote, threshold=needed, model=model, progress=tick, cache=True)
    elif kind is not None:
        with _progress("fitting the model", as_json) as tick:
            result = forecast_motion(
                rc, kind, on=when, threshold=needed, model=model, progress=tick, cache=True
            )
    elif day is not None:
        stop = end + dt.timedelta(days=1) if end else None
        with _progress("fitting and predicting", as_json) as tick:
            result = evaluate(rc, day, until=stop, model=model, progress=tick, cache=True)
    else:
        with _progress("vacancy votes", as_json) as tick:
            result = predict_vacancies(rc, dims=dims, anchor=anchor, basis=basis, progress=tick, cache=True)
    emit(result, as_json, csv)


def register(app: typer.Typer) -> None:
    app.add_typer(rollcalls_app, name="rollcalls")
