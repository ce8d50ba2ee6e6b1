"""``curul power``, ``curul coalitions`` and ``curul compositions``: chamber arithmetic.

The roll-call modules (pandas, scipy) are imported inside the commands that use them, so that every
other ``curul`` command starts without them.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from curul.cli._options import JSON_OPTION, parse_date
from curul.cli._output import emit
from curul.congress import (
    Composition,
    Quota,
    WeightedGame,
    bicameral_indices,
    coalitions,
    compositions,
    joint_indices,
    power_indices,
    resolve_composition,
    resolve_threshold,
)
from curul.errors import CurulError

DATA_OPT = typer.Option(
    None,
    "--data",
    help="Roll calls: a cache from `curul rollcalls import` or an openpolitica folder "
    "(default: the last import, else ../shared/data/rollcalls).",
)


# Options shared by `power` and `coalitions`: one definition each, so their help stays the same.
COMPOSITION_OPT = typer.Option(
    ..., "--composition", "-c", help="Bundled id (see `curul compositions`), rollcalls:YYYY-MM-DD or a CSV."
)
THRESHOLD_OPT = typer.Option(
    ..., "--threshold", "-t", help="Votes needed (a number) or a procedure id such as vacancy.approval."
)
HABILES_OPT = typer.Option(False, "--habiles", help="Roll-call compositions: only members able to vote.")
BLOC_OPT = typer.Option(False, "--unattached-bloc", help="Treat non-attached members (NA) as one group.")
DATE_OPT = typer.Option(None, "--date", help="Date for a procedure threshold (default: composition's).")
CHAMBER_OPT = typer.Option(None, "--chamber", help="Chamber for a procedure threshold.")
PRESENT_OPT = typer.Option(
    None, "--present", min=0, help="Members present, for procedures counted on those present."
)


def _composition(name: str, data: Path | None, habiles_only: bool = False) -> Composition:
    """A bundled id or CSV (curul.congress), or ``rollcalls:YYYY-MM-DD`` read off the roll calls."""
    if not name.startswith("rollcalls:"):
        comp = resolve_composition(name)
        if habiles_only:
            raise CurulError("--habiles needs a composition taken from roll calls (rollcalls:YYYY-MM-DD)")
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


def _quota(
    text: str, comp: Composition, date: str | None, chamber: str | None, present: int | None = None
) -> Quota:
    when = parse_date(date, "--date") or comp.date
    habiles = comp.habiles if comp.habiles is not None else None
    return resolve_threshold(text, date=when, chamber=chamber, habiles=habiles, present=present)


def _pct(x: Fraction | float) -> str:
    return f"{float(x) * 100:6.2f}%"


def _grouped(game: WeightedGame, comp: Composition, result) -> list[dict[str, object]]:
    """Sum member indices by group (each member keeps weight 1 in the game)."""
    group_of = dict(comp.members)
    out: dict[str, dict[str, object]] = {}
    for i, member in enumerate(game.labels):
        g = group_of[member]
        row = out.setdefault(
            g, {"group": g, "seats": 0, "banzhaf": 0.0, "banzhaf_absolute": 0.0, "shapley_shubik": 0.0}
        )
        row["seats"] += 1  # type: ignore[operator]
        row["banzhaf"] += float(result.banzhaf[i])  # type: ignore[operator]
        row["banzhaf_absolute"] += float(result.banzhaf_absolute[i])  # type: ignore[operator]
        row["shapley_shubik"] += float(result.shapley_shubik[i])  # type: ignore[operator]
    return sorted(out.values(), key=lambda r: -r["seats"])  # type: ignore[operator]


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
    as_json: bool = JSON_OPTION,
) -> None:
    """Exact Banzhaf and Shapley–Shubik power of each group (or legislator) for a threshold.

    JSON: {composition, threshold: {votes, procedure, arithmetic, rule_id, article, sources}, players,
    rows: [{group|member, seats, banzhaf, banzhaf_absolute, shapley_shubik}]}. With --senate: + senate,
    senate_threshold, joint; rows carry chamber, or with --joint seats_first and seats_second.
    """
    comp = _composition(composition, data, habiles)
    quota = _quota(threshold, comp, date, chamber, present)
    key = "member" if members else "group"
    game = comp.member_game(quota.votes) if members else comp.game(quota.votes, split_unattached=not bloc)
    if senate is not None:
        if senate_threshold is None:
            raise CurulError("--senate needs --senate-threshold")
        other = _composition(senate, data)
        squota = _quota(senate_threshold, other, date, "senate")
        sgame = (
            other.member_game(squota.votes)
            if members
            else other.game(squota.votes, split_unattached=not bloc)
        )
        if joint:
            if members:
                raise CurulError("--joint joins groups across chambers; it cannot be used with --members")
            rows = joint_indices(game, sgame).rows(("first", "second"))
            players = len(rows)
        else:
            rows = bicameral_indices(game, sgame, names=(comp.id, other.id)).rows(key)
            players = game.n + sgame.n
        payload = {
            "composition": comp.id,
            "senate": other.id,
            "threshold": quota.as_dict(),
            "senate_threshold": squota.as_dict(),
            "players": players,
            "joint": joint,
            "rows": rows,
        }
    else:
        single = power_indices(game)
        rows = _grouped(game, comp, single) if members and by_group else single.rows(key)
        if members and not by_group:
            group_of = dict(comp.members)
            for row in rows:
                row["group"] = group_of[row["member"]]  # type: ignore[index]
        payload = {"composition": comp.id, "threshold": quota.as_dict(), "players": game.n, "rows": rows}
        key = "group" if by_group else key

    def render(console: Console) -> None:
        title = f"Power in {comp.label} — {quota.votes} votes needed"
        if quota.procedure:
            title += f" ({quota.procedure}: {quota.arithmetic})"
        table = Table(title=title)
        if senate is not None and not joint:
            table.add_column("chamber")
        table.add_column(key, style="bold")
        if joint:
            table.add_column("seats (first)", justify="right")
            table.add_column("seats (second)", justify="right")
        else:
            table.add_column("seats", justify="right")
        table.add_column("Banzhaf", justify="right")
        table.add_column("Banzhaf abs.", justify="right")
        table.add_column("Shapley–Shubik", justify="right")
        for row in rows:
            seats = [str(row["seats_first"]), str(row["seats_second"])] if joint else [str(row["seats"])]
            cells = [
                str(row[key]),
                *seats,
                _pct(row["banzhaf"]),  # type: ignore[arg-type]
                f"{row['banzhaf_absolute']:.4g}",
                _pct(row["shapley_shubik"]),
            ]  # type: ignore[arg-type]
            table.add_row(*([str(row["chamber"])] if senate is not None and not joint else []), *cells)
        console.print(table)
        console.print(f"[dim]source: {comp.source}[/]")

    emit(payload, as_json, render)


def coalitions_command(
    composition: str = COMPOSITION_OPT,
    threshold: str = THRESHOLD_OPT,
    limit: int = typer.Option(20, "--limit", min=0, help="List at most this many (0: all)."),
    habiles: bool = HABILES_OPT,
    bloc: bool = BLOC_OPT,
    date: str | None = DATE_OPT,
    chamber: str | None = CHAMBER_OPT,
    present: int | None = PRESENT_OPT,
    data: Path | None = DATA_OPT,
    as_json: bool = JSON_OPTION,
) -> None:
    """Minimal winning coalitions of groups, the smallest ones, and the pivotal groups.

    JSON: {composition, threshold, count, minimal_winning: [{groups, seats, surplus}], fewest_seats,
    fewest_groups, pivotal: [{group, in_minimal_winning}], veto, dummies, total_seats, groups}.
    """
    comp = _composition(composition, data, habiles)
    quota = _quota(threshold, comp, date, chamber, present)
    report = coalitions(comp.game(quota.votes, split_unattached=not bloc))
    payload = {"composition": comp.id} | report.as_dict(limit or None) | {"threshold": quota.as_dict()}

    def render(console: Console) -> None:
        console.print(
            f"[bold]{comp.label}[/]: {report.game.total} seats, {quota.votes} needed"
            + (f" ({quota.procedure}: {quota.arithmetic})" if quota.procedure else "")
        )
        console.print(f"{len(report.minimal)} minimal winning coalitions")
        table = Table(title="Smallest (fewest seats, then fewest groups)")
        table.add_column("groups")
        table.add_column("seats", justify="right")
        table.add_column("surplus", justify="right")
        shown = report.minimal if not limit else report.minimal[:limit]
        for c in shown:
            table.add_row(" + ".join(c.groups), str(c.seats), str(c.surplus))
        console.print(table)
        fewest = report.fewest_groups[0]
        console.print(f"fewest groups: {len(fewest.groups)} (e.g. {' + '.join(fewest.groups)})")
        piv = Table(title="Pivotal groups (decisive in how many minimal winning coalitions)")
        piv.add_column("group")
        piv.add_column("seats", justify="right")
        piv.add_column("in MWC", justify="right")
        for g in sorted(report.membership, key=lambda g: -report.membership[g]):
            piv.add_row(g, str(comp.seats.get(g, 1)), str(report.membership[g]))
        console.print(piv)
        if report.veto:
            console.print(f"veto groups (in every winning coalition): {', '.join(report.veto)}")
        if report.dummies:
            console.print(f"never decisive: {', '.join(report.dummies)}")

    emit(payload, as_json, render)


def list_compositions(as_json: bool = JSON_OPTION) -> None:
    """The bundled dated compositions (seats per group) and their sources.

    JSON: {compositions: [{id, date, label, chamber, legal_number, total, source, note, groups}]}.
    """
    items = [c.as_dict() for c in compositions()]

    def render(console: Console) -> None:
        for c in compositions():
            seats = ", ".join(f"{g.code} {g.seats}" for g in c.groups)
            console.print(f"[bold]{c.id}[/] ({c.date}) {c.label}: {seats}")
            console.print(f"  [dim]{c.source}[/]")

    emit({"compositions": items}, as_json, render)


def register(app: typer.Typer) -> None:
    app.command("power")(power)
    app.command("coalitions")(coalitions_command)
    app.command("compositions")(list_compositions)
