"""``curul rollcalls …``: import the plenary roll calls, cohesion, ideal points and motion outcomes.

The roll-call modules (pandas, scipy) are imported inside the commands that use them, so that every
other ``curul`` command starts without them.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from curul.cli._options import JSON_OPTION, parse_date
from curul.cli._output import emit, err_console, progress
from curul.cli.congress import DATA_OPT
from curul.data import fold
from curul.errors import CurulError

rollcalls_app = typer.Typer(
    help="Plenary roll calls: import, cohesion, members, ideal points, predictions.", no_args_is_help=True
)


@rollcalls_app.command("import")
def import_command(
    path: Path = typer.Argument(..., help="Folder with votes.csv, ballots.csv (and groups.csv)."),
    out: Path | None = typer.Option(None, "--out", help="Cache file to write (default: user cache dir)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Read, normalise and check the roll calls, and cache them for the other subcommands.

    JSON: {source, cache, votes, ballots, members, groups, first_date, last_date, ballot_categories,
    contradictions: [{vote_id, field, recorded, from_ballots}]}.
    """
    from curul.rollcalls import import_rollcalls, save_rollcalls

    rc = import_rollcalls(path)
    cache = save_rollcalls(rc, out)
    cats = rc.ballots["category"].value_counts().to_dict()
    payload = {
        "source": rc.source,
        "cache": str(cache),
        "votes": rc.n_votes,
        "ballots": len(rc.ballots),
        "members": int(rc.ballots["member"].nunique()),
        "groups": sorted(rc.ballots["group"].astype(str).unique()),
        "first_date": rc.votes["date"].min().date(),
        "last_date": rc.votes["date"].max().date(),
        "ballot_categories": {str(k): int(v) for k, v in cats.items()},
        "contradictions": [c.as_dict() for c in rc.contradictions],
    }

    def render(console: Console) -> None:
        console.print(
            f"imported {rc.n_votes} votes, {len(rc.ballots)} ballots, {payload['members']} members "
            f"({payload['first_date']} – {payload['last_date']}) → {cache}"
        )
        if rc.contradictions:
            table = Table(title=f"{len(rc.contradictions)} recorded totals that differ from the ballots")
            for col in ("vote", "total", "recorded", "from ballots"):
                table.add_column(col)
            for c in rc.contradictions:
                table.add_row(c.vote_id, c.field, str(c.recorded), str(c.from_ballots))
            console.print(table)
        else:
            console.print("every recorded total equals the sum of its ballots")

    emit(payload, as_json, render)


def _window(rc, start: str | None, end: str | None):
    a, b = parse_date(start, "--from"), parse_date(end, "--to")
    if a is None and b is None:
        return rc
    return rc.between(a, b + dt.timedelta(days=1) if b else None)


FROM_OPT = typer.Option(None, "--from", help="First date (YYYY-MM-DD) of the votes used.")
TO_OPT = typer.Option(None, "--to", help="Last date (YYYY-MM-DD) of the votes used.")


@contextmanager
def _busy(message: str, quiet: bool):
    """A spinner on stderr for a fit whose length is not known in advance (silent with --json)."""
    if quiet:
        yield
        return
    with err_console().status(message):
        yield


@rollcalls_app.command("cohesion")
def cohesion_command(
    freq: str = typer.Option("quarter", "--freq", help="Period: month, quarter or year."),
    index: str = typer.Option("rice", "--index", help="Index to plot: rice or agreement."),
    plot: Path | None = typer.Option(None, "--plot", help="Write a chart (.png or .svg)."),
    start: str | None = FROM_OPT,
    end: str | None = TO_OPT,
    data: Path | None = DATA_OPT,
    as_json: bool = JSON_OPTION,
) -> None:
    """Group cohesion (Rice and agreement indices) overall and per period.

    JSON: {votes, summary: [{group, rice, agreement, votes, members}],
    over_time: [{period, group, rice, agreement, votes}], plot}.
    """
    from curul._files import write_atomic
    from curul.cli._options import options
    from curul.rollcalls import FREQUENCIES, cohesion_over_time, cohesion_summary, load_rollcalls
    from curul.viz import cohesion_chart, plot_format

    if freq not in FREQUENCIES:
        raise CurulError(f"--freq: use one of {', '.join(FREQUENCIES)}, not {freq!r}")
    if index not in ("rice", "agreement"):
        raise CurulError(f"--index: use rice or agreement, not {index!r}")
    rc = _window(load_rollcalls(data), start, end)
    if rc.n_votes == 0:
        raise CurulError("no votes in that date range")
    summary = cohesion_summary(rc)
    over = cohesion_over_time(rc, freq=freq)
    written = None
    if plot:
        with options(path="--plot"):
            fmt = plot_format(plot)
        write_atomic(plot, cohesion_chart(over, format=fmt, index=index))
        written = str(plot)
    payload = {
        "votes": rc.n_votes,
        "summary": summary.to_dict("records"),
        "over_time": over.to_dict("records"),
        "plot": written,
    }

    def render(console: Console) -> None:
        table = Table(title=f"Cohesion over {rc.n_votes} votes (NA = non-attached, not a group)")
        for col in ("group", "members", "votes", "Rice", "agreement"):
            table.add_column(col, justify="left" if col == "group" else "right")
        for r in summary.itertuples():
            table.add_row(r.group, str(r.members), str(r.votes), f"{r.rice:.3f}", f"{r.agreement:.3f}")
        console.print(table)
        if written:
            console.print(f"chart: {written}")

    emit(payload, as_json, render)


@rollcalls_app.command("members")
def members_command(
    group: str | None = typer.Option(None, "--group", help="Only members whose last group is this code."),
    member: str | None = typer.Option(None, "--member", help="Only members whose name contains this text."),
    start: str | None = FROM_OPT,
    end: str | None = TO_OPT,
    data: Path | None = DATA_OPT,
    as_json: bool = JSON_OPTION,
) -> None:
    """Attendance of each member and agreement with each group.

    JSON: {members: [{member, group, votes, present, absent, leave, suspended, yes, no, abstain,
    attendance, agreement_own_group, agreement: {GROUP: share}}]}.
    """
    import pandas as pd

    from curul.rollcalls import attendance, load_rollcalls, member_group_agreement

    rc = _window(load_rollcalls(data), start, end)
    att = attendance(rc)
    agree = member_group_agreement(rc)
    if group:
        att = att[att["group"] == group]
    if member:
        needle = fold(member)
        att = att[att["member"].map(lambda m: needle in fold(m))]
    if att.empty:
        raise CurulError("no member matches --group/--member")
    rows = []
    for r in att.to_dict("records"):
        shares = agree.loc[r["member"]] if r["member"] in agree.index else pd.Series(dtype=float)
        r["agreement_own_group"] = float(shares.get(r["group"], float("nan")))
        r["agreement"] = {g: round(float(v), 4) for g, v in shares.dropna().items()}
        rows.append(r)
    rows.sort(key=lambda r: (r["group"], r["member"]))

    def render(console: Console) -> None:
        table = Table(title=f"Members over {rc.n_votes} votes")
        for col in ("member", "group", "votes", "attendance", "with own group", "closest other group"):
            table.add_column(col, justify="left" if col in ("member", "group") else "right")
        for r in rows:
            others = {g: v for g, v in r["agreement"].items() if g not in (r["group"], "NA")}
            best = max(others, key=others.get) if others else "-"
            table.add_row(
                r["member"], r["group"], str(r["votes"]), f"{r['attendance']:.1%}",
                f"{r['agreement_own_group']:.1%}", f"{best} {others.get(best, 0):.1%}" if others else "-",
            )  # fmt: skip
        console.print(table)

    emit({"members": rows}, as_json, render)


@rollcalls_app.command("ideal")
def ideal_command(
    dims: int = typer.Option(1, "--dims", help="1 or 2 dimensions."),
    anchor: str | None = typer.Option(
        None, "--anchor", help="Member placed on the positive side (default: first name alphabetically)."
    ),
    plot: Path | None = typer.Option(None, "--plot", help="Write a chart (.png or .svg)."),
    start: str | None = FROM_OPT,
    end: str | None = TO_OPT,
    data: Path | None = DATA_OPT,
    as_json: bool = JSON_OPTION,
) -> None:
    """Ideal points (probit IRT, lopsided votes excluded) of every member.

    JSON: {dims, anchor, votes_used, lopsided_excluded, iterations,
    members: [{member, group, dim1[, dim2]}], group_means: {GROUP: [dim1, ...]}, plot}.
    """
    from curul._files import write_atomic
    from curul.cli._options import options
    from curul.rollcalls import IdealPoints, attendance, load_rollcalls
    from curul.viz import ideal_points_chart, plot_format

    _check_dims(dims)
    rc = _window(load_rollcalls(data), start, end)
    if anchor is not None:
        anchor = _find_member(rc, anchor)
    with _busy(f"fitting {dims}-D ideal points on {rc.n_votes} votes…", as_json):
        model = IdealPoints(dims=dims, anchor=anchor).fit(rc)
    groups = attendance(rc).set_index("member")["group"]
    frame = model.frame(groups)
    written = None
    if plot:
        with options(path="--plot"):
            fmt = plot_format(plot)
        write_atomic(plot, ideal_points_chart(frame, format=fmt, anchor=model.anchor))
        written = str(plot)
    dim_cols = [f"dim{k + 1}" for k in range(dims)]
    means = frame.groupby("group")[dim_cols].mean().sort_values("dim1")
    payload = {
        "dims": dims,
        "anchor": model.anchor,
        "votes_used": len(model.votes_),
        "lopsided_excluded": model.excluded_lopsided_,
        "iterations": model.n_iter_,
        "members": frame.to_dict("records"),
        "group_means": {g: [float(v) for v in row] for g, row in means.iterrows()},
        "plot": written,
    }

    def render(console: Console) -> None:
        console.print(
            f"{len(model.members_)} members, {len(model.votes_)} contested votes "
            f"({model.excluded_lopsided_} lopsided excluded); positive = side of {model.anchor}"
        )
        table = Table(title="Group means")
        table.add_column("group")
        for c in dim_cols:
            table.add_column(c, justify="right")
        for g, row in means.iterrows():
            table.add_row(str(g), *(f"{v:+.2f}" for v in row))
        console.print(table)
        if written:
            console.print(f"chart: {written}")

    emit(payload, as_json, render)


def _check_dims(dims: int) -> None:
    if dims not in (1, 2):
        raise CurulError(f"--dims must be 1 or 2, not {dims}")


def _find_member(rc, text: str) -> str:
    names = sorted(rc.ballots["member"].unique())
    exact = [n for n in names if fold(n) == fold(text)]
    if exact:
        return exact[0]
    hits = [n for n in names if fold(text) in fold(n)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise CurulError(f"--anchor: no member matches {text!r}")
    raise CurulError(f"--anchor: {text!r} matches {len(hits)} members: {'; '.join(hits[:5])}")


@rollcalls_app.command("votes")
def votes_command(
    search: str | None = typer.Option(None, "--search", help="Only subjects containing this text."),
    kind: str | None = typer.Option(None, "--kind", help="Only this kind (vacancy, control, bill, …)."),
    limit: int = typer.Option(30, "--limit", min=0, help="Show at most this many (0: all)."),
    start: str | None = FROM_OPT,
    end: str | None = TO_OPT,
    data: Path | None = DATA_OPT,
    as_json: bool = JSON_OPTION,
) -> None:
    """Find votes (ids for `predict --vote`).

    JSON: {count, votes: [{vote_id, date, kind, yes, no, abstain, subject}]}.
    """
    from curul.rollcalls import load_rollcalls, motion_kind

    rc = _window(load_rollcalls(data), start, end)
    v = rc.votes.assign(kind=[motion_kind(s) for s in rc.votes["subject"]])
    if search:
        needle = fold(search)
        v = v[v["subject"].map(lambda s: needle in fold(s))]
    if kind:
        v = v[v["kind"] == kind]
    shown = v if not limit else v.head(limit)
    rows = [
        {"vote_id": r.vote_id, "date": r.date.date(), "kind": r.kind, "yes": r.yes, "no": r.no,
         "abstain": r.abstain, "subject": " ".join(r.subject.split())}
        for r in shown.itertuples()
    ]  # fmt: skip

    def render(console: Console) -> None:
        table = Table(title=f"{len(v)} votes")
        for col in ("vote", "kind", "yes-no-abst", "subject"):
            table.add_column(col)
        for r in rows:
            subject = str(r["subject"])
            table.add_row(str(r["vote_id"]), str(r["kind"]), f"{r['yes']}-{r['no']}-{r['abstain']}",
                          subject[:90] + ("…" if len(subject) > 90 else ""))  # fmt: skip
        console.print(table)

    emit({"count": len(v), "votes": rows}, as_json, render)


@rollcalls_app.command("predict")
def predict_command(
    vote: str | None = typer.Option(None, "--vote", help="Predict this recorded vote (fit on earlier days)."),
    threshold: str | None = typer.Option(
        None, "--threshold", "-t", help="With --vote: votes needed or procedure id (default: yes > no)."
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
    dims: int = typer.Option(1, "--dims", help="Ideal-point dimensions of the model."),
    anchor: str | None = typer.Option(None, "--anchor", help="Anchor member for the ideal points."),
    basis: str = typer.Option(
        "ideal", "--basis", help="Members' positions: ideal (ideal points) or groups (group yes shares)."
    ),
    data: Path | None = DATA_OPT,
    as_json: bool = JSON_OPTION,
) -> None:
    """Motion outcomes: yes-count distribution and P(pass), out of sample.

    JSON (--vote): {vote_id, date, kind, voters, threshold, expected_yes, yes_low, yes_high, p_pass,
    recorded_yes, recorded_no, recorded_abstain, passed, baseline_yes, baseline_pass}.
    JSON (--evaluate): {cutoff, votes, brier_model, brier_baseline, mae_model, mae_baseline,
    accuracy_model, accuracy_baseline, predictions: [...]}.
    JSON (--vacancies): {vacancies: [{procedure, habiles, arithmetic, ...prediction keys}]}.
    JSON (--kind): {kind, on, habiles, threshold, expected_yes, yes_low, yes_high, p_pass,
    yes_distribution}.
    """
    from curul.congress import resolve_threshold
    from curul.rollcalls import (
        NOT_HABIL,
        MotionModel,
        evaluate,
        forecast_motion,
        load_rollcalls,
        predict_vacancies,
        vacancy_votes,
        vote_on,
    )

    _check_dims(dims)
    if basis not in ("ideal", "groups"):
        raise CurulError(f"--basis: use ideal or groups, not {basis!r}")
    chosen = sum(x is not None and x is not False for x in (vote, cutoff, vacancies or None, kind))
    if chosen != 1:
        raise CurulError("give exactly one of --vote VOTE_ID, --evaluate DATE, --vacancies or --kind KIND")
    rc = load_rollcalls(data)
    if anchor is not None:
        anchor = _find_member(rc, anchor)
    if vote is not None:
        rows = rc.votes[rc.votes["vote_id"] == vote]
        if rows.empty:
            raise CurulError(f"--vote: no vote {vote!r} in the roll calls (see `curul rollcalls votes`)")
        day = rows["date"].iloc[0].date()
        quota = None
        if threshold is not None:
            ballots = rc.ballots[rc.ballots["vote_id"] == vote]
            habiles = int((~ballots["category"].isin(list(NOT_HABIL))).sum())
            quota = resolve_threshold(threshold, date=day, habiles=habiles).votes
        with _busy(f"fitting the model on the votes before {day}…", as_json):
            model = MotionModel(dims=dims, anchor=anchor, basis=basis).fit(rc, before=day)
        pred = model.predict_vote(rc, vote, quota)
        payload: dict[str, object] = pred.as_dict()

        def render(console: Console) -> None:
            _prediction_table(console, [pred], f"Vote {vote} (model fitted on votes before {day})")

    elif kind is not None:
        when = parse_date(on, "--on")
        quota = None
        if threshold is not None:
            day = when or rc.votes["date"].max().date() + dt.timedelta(days=1)
            ballots = rc.ballots[rc.ballots["vote_id"] == vote_on(rc, day - dt.timedelta(days=1))]
            habiles = int((~ballots["category"].isin(list(NOT_HABIL))).sum())
            quota = resolve_threshold(threshold, date=day, habiles=habiles).votes
        with _busy("fitting the model…", as_json):
            fc = forecast_motion(
                rc, kind, on=when, threshold=quota, model=MotionModel(dims=dims, anchor=anchor, basis=basis)
            )
        payload = fc.as_dict()

        def render(console: Console) -> None:
            needed = "yes > no" if fc.threshold is None else f"{fc.threshold} yes"
            console.print(
                f"A new {fc.kind} motion on {fc.on} among {fc.habiles} hábiles (needs {needed}): "
                f"E(yes) {fc.expected_yes:.1f} (90 %: {fc.yes_low}–{fc.yes_high}), P(pass) {fc.p_pass:.2f}"
            )

    elif cutoff is not None:
        day = parse_date(cutoff, "--evaluate")
        end = parse_date(until, "--until")
        later = rc.between(day, end + dt.timedelta(days=1) if end else None).n_votes
        with progress(later, "predicting", not as_json) as tick:
            ev = evaluate(
                rc, day, until=end + dt.timedelta(days=1) if end else None,
                model=MotionModel(dims=dims, anchor=anchor, basis=basis), progress=tick,
            )  # fmt: skip
        payload = ev.as_dict(with_votes=True)

        def render(console: Console) -> None:
            table = Table(title=f"Out of sample: fit before {day}, {ev.votes} later votes")
            for col in ("", "model", "baseline (previous vote)"):
                table.add_column(col, justify="right")
            table.add_row("Brier (pass/fail)", f"{ev.brier_model:.4f}", f"{ev.brier_baseline:.4f}")
            table.add_row("MAE yes count", f"{ev.mae_model:.2f}", f"{ev.mae_baseline:.2f}")
            table.add_row("accuracy", f"{ev.accuracy_model:.1%}", f"{ev.accuracy_baseline:.1%}")
            console.print(table)

    else:
        n = len(vacancy_votes(rc))
        with progress(n, "vacancy votes", not as_json) as tick:
            results = predict_vacancies(rc, dims=dims, anchor=anchor, basis=basis, progress=tick)
        payload = {
            "vacancies": [
                {"procedure": v.procedure, "habiles": v.habiles, "arithmetic": v.arithmetic} | p.as_dict()
                for v, p in results
            ]
        }

        def render(console: Console) -> None:
            _prediction_table(console, [p for _, p in results], "Presidential-vacancy votes, predicted "
                              "by a model fitted on the votes before each day")  # fmt: skip
            for v, _ in results:
                console.print(f"[dim]{v.vote_id}: {v.procedure}, {v.arithmetic} ({v.habiles} hábiles)[/]")

    emit(payload, as_json, render)


def _prediction_table(console: Console, preds, title: str) -> None:
    table = Table(title=title)
    for col in ("vote", "kind", "needed", "E(yes) (90%)", "P(pass)", "recorded", "passed", "baseline yes"):
        table.add_column(col, justify="left" if col in ("vote", "kind") else "right")
    for p in preds:
        table.add_row(
            p.vote_id, p.kind, "yes>no" if p.threshold is None else str(p.threshold),
            f"{p.expected_yes:.1f} ({p.yes_low}–{p.yes_high})", f"{p.p_pass:.2f}",
            f"{p.recorded_yes}-{p.recorded_no}-{p.recorded_abstain}", "yes" if p.passed else "no",
            f"{p.baseline_yes} ({'pass' if p.baseline_pass else 'fail'})",
        )  # fmt: skip
    console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(rollcalls_app, name="rollcalls")
