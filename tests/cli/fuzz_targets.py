"""The commands the fuzzer drives, each with its valid seed files and the odd values of its options.

Seeds are built when a test or the campaign runs, from the bundled data (``curul.data``, the bundled
systems, regimes, compositions and polls, ``examples/scenarios``) and from ``../shared/data`` (the poll
research files, the first votes of the roll calls); nothing of the shared data is committed here.
"""

from __future__ import annotations

import csv
import io
import os
import random
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import fuzzing
from fuzzing import Outcome, Shape, classify, for_shape, run, snapshot

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src" / "curul"
SHARED = REPO.parent / "shared" / "data"
SCENARIOS = REPO / "examples" / "scenarios"
ROOT = os.geteuid() == 0  # root writes into read-only folders: "not writable" cannot be tried


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def _columns(path: Path, names: tuple[str, ...], keep: Callable[[dict[str, str]], bool] = bool) -> bytes:
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if keep(r)]
    return _csv([list(names), *([r[n] for n in names] for r in rows)])


# ---- seeds: {file name: bytes}, built once per process -------------------------------------------------
@cache
def votes_2016() -> bytes:
    return _columns(
        SRC / "data" / "files" / "congress_2016_district_votes.csv", ("district", "party", "votes")
    )


@cache
def composition() -> bytes:
    from curul.congress import resolve_composition

    seats = resolve_composition("2021-07").seats
    return _csv([["group", "seats"], *([g, str(n)] for g, n in seats.items())])


@cache
def members() -> bytes:
    path = SRC / "data" / "files" / "congress_2026_members.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = [[r["name"], r["party"]] for r in csv.DictReader(f) if r["chamber"] == "deputies"]
    return _csv([["member", "group"], *rows])


@cache
def electorate() -> bytes:
    # TUMBES and UCAYALI have no sourced figure; the values are docs/elections.md's example for --set.
    given = {"TUMBES": "170000", "UCAYALI": "420000"}
    path = SRC / "elections" / "electorate_2026.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = [[r["district"], r["electors"] or given[r["district"]]] for r in csv.DictReader(f)]
    return _csv([["district", "electors"], *rows])


@cache
def rollcall_folder() -> dict[str, bytes]:
    """The first three votes of ``../shared/data/rollcalls`` and their ballots."""
    folder = SHARED / "rollcalls"
    with (folder / "votes.csv").open(encoding="utf-8", newline="") as f:
        votes = list(csv.reader(f))[:4]
    ids = {row[0] for row in votes[1:]}
    with (folder / "ballots.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        ballots = [next(reader)]
        for row in reader:
            if row[0] in ids:
                ballots.append(row)
            elif len(ballots) > 1:
                break
    return {
        "votes.csv": _csv(votes),
        "ballots.csv": _csv(ballots),
        "groups.csv": (folder / "groups.csv").read_bytes(),
    }


def _file(path: Path) -> bytes:
    return path.read_bytes()


# ---- targets ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Target:
    """A command reading a file: its seed files (several alternatives), the file that is mutated, the
    command line (``FILE`` is replaced by the mutated file's path), folders made before the run, and
    odd values of its options (``(label, extra arguments, must reject, option named)``)."""

    name: str
    command: str
    seeds: Callable[[], list[dict[str, bytes]]]
    mutated: str
    shape: Shape
    argv: tuple[str, ...]
    folders: tuple[str, ...] = ()
    options: tuple[tuple[str, tuple[str, ...], bool, str], ...] = ()
    shared: bool = False
    slow: bool = False

    @property
    def format(self) -> str:
        return self.shape.format


def _outputs(
    option: str, suffix: str, extension_matters: bool = True
) -> tuple[tuple[str, tuple[str, ...], bool, str], ...]:
    """Odd output paths for ``option``: a folder, too long a name, a missing folder, the wrong
    extension, a folder that cannot be written."""
    cases = [
        (f"{option} a folder", (option, "afolder" + suffix), True, option),
        (f"{option} too long", (option, "x" * 300 + suffix), True, option),
        (f"{option} missing folder", (option, "missing/sub/out" + suffix), True, option),
        (f"{option} wrong extension", (option, "out.txt"), extension_matters, option),
    ]
    if not ROOT:
        cases.append((f"{option} not writable", (option, "readonly/out" + suffix), True, option))
    return tuple(cases)


DATES = (("0000-01-01", True), ("2026-02-30", True), ("yesterday", True), ("2026-13-01", True))
NUMBERS = (("-1", True), ("1.5", True), ("1e30", True), ("x", True), ("", True), ("nan", True))


def _values(
    option: str, values: tuple[tuple[str, bool], ...]
) -> tuple[tuple[str, tuple[str, ...], bool, str], ...]:
    return tuple((f"{option} {v!r}"[:60], (option, v), must, option) for v, must in values)


def _one(data: Callable[[], bytes], name: str) -> Callable[[], list[dict[str, bytes]]]:
    return lambda: [{name: data()}]


VOTES = Shape("csv", {"district": "name", "party": "name", "votes": "count"}, ("district", "party", "votes"))
GROUPS = Shape("csv", {"group": "name", "seats": "count"}, ("group", "seats"))
MEMBERS = Shape("csv", {"member": "name", "group": "name"}, ("member", "group"))
ELECTORS = Shape("csv", {"district": "name", "electors": "count"}, ("district", "electors"))
POLLS = Shape(
    "csv",
    {
        "round": "count",
        "pollster": "name",
        "field_start": "date?",
        "field_end": "date?",
        "published": "date?",
        "sample_n": "count?",
        "candidate": "name",
        "share": "percent",
        "source": "source",
        "note": "text",
    },
    ("election", "round", "pollster", "poll_type", "basis", "option", "candidate", "share", "source"),
)
SHARED_POLLS = Shape(
    "csv",
    {
        "round": "count",
        "pollster": "name",
        "field_start": "date?",
        "field_end": "date?",
        "published": "date?",
        "sample_n": "count?",
        "candidate": "name",
        "pct": "percent",
    },
    ("pollster", "poll_type", "round", "candidate", "pct"),
)
ROLLCALL_VOTES = Shape(
    "csv",
    {
        "vote_id": "name",
        "date": "date",
        "quorum": "count",
        "legal_number": "count",
        "yes": "count",
        "no": "count",
        "abstain": "count",
        "absent": "count",
        "on_leave": "count",
    },
    ("vote_id", "date", "yes", "no", "abstain"),
)
BALLOTS = Shape(
    "csv", {"vote_id": "name", "group": "name", "member": "name"}, ("vote_id", "group", "member", "ballot")
)
SCENARIO = Shape(
    "toml",
    {
        "date": "date",
        "until": "date",
        "yes": "count",
        "no": "count",
        "abstain": "count",
        "name": "name",
        "title": "text",
    },
)
SYSTEM = Shape("toml", {"year": "year", "total_seats": "count", "min_seats": "count", "name": "name"})
REGIME = Shape(
    "toml",
    {
        "valid_from": "date",
        "valid_until": "date",
        "congress_term_start": "date",
        "congress_term_years": "count",
        "presidential_term_start": "date",
        "legal_number": "count",
        "id": "name",
    },
)

SIMS = (
    ("1e30", True),
    ("-1", True),
    ("0", True),
    ("99", True),
    ("1" + "0" * 40, True),
    ("1000000000000", True),
    ("x", True),
    ("", True),
)


def _scenarios() -> list[dict[str, bytes]]:
    return [{"scenario.toml": p.read_bytes()} for p in sorted(SCENARIOS.glob("*.toml"))]


def _regime_seeds() -> list[dict[str, bytes]]:
    base = (SCENARIOS / "dissolution-last-year.toml").read_text(encoding="utf-8")
    scenario = base.replace('until = "2025-09-30"\n', 'until = "2025-09-30"\nregimes = ["reform.toml"]\n')
    regime = _file(SRC / "constitution" / "regimes" / "peru-1993-unicameral.toml")
    return [{"scenario.toml": scenario.encode(), "reform.toml": regime}]


def _polls_source() -> list[dict[str, bytes]]:
    return [{f"src/{p.name}": p.read_bytes() for p in sorted((SHARED / "polls").glob("*.csv"))}]


def _data_check(name: str) -> Target:
    from curul.data import spec_of

    spec = spec_of(name)
    shape = Shape(
        "csv",
        {
            c.name: c.type if c.required else c.type.rstrip("?") + "?"
            for c in spec.columns
            if c.type != "text"
        },
        tuple(c.name for c in spec.columns if c.required),
    )
    return Target(
        f"data check --as {name}",
        "data check",
        _one(lambda: _file(SRC / "data" / "files" / spec.file), "d.csv"),
        "d.csv",
        shape,
        ("data", "check", "FILE", "--as", name),
        options=_values("--as", (("nope", True), ("", True))),
    )


@cache
def targets() -> tuple[Target, ...]:
    rc = rollcall_folder if SHARED.is_dir() else dict
    return (
        Target(
            "seats --votes",
            "seats",
            _one(votes_2016, "votes.csv"),
            "votes.csv",
            VOTES,
            ("seats", "--system", "peru-2016", "--votes", "FILE"),
            folders=("afolder.svg", "readonly"),
            options=(
                *_values("--method", (("foo", True), ("", True), ("DHONDT", False))),
                *_values(
                    "--tie-break", (("x", True), ("1e30", True), ("-1", False), ("1" + "0" * 40, False))
                ),
                *_values("--system", (("nope", True), ("", True), ("missing.toml", True))),
                *_values("--reading", (("foo", True), ("seat_test=nope", True), ("=", True))),
                *_outputs("--svg", ".svg"),
            ),
        ),
        Target(
            "seats --system FILE.toml",
            "seats",
            lambda: [
                {
                    "system.toml": _file(SRC / "elections" / "systems" / "peru-2016.toml"),
                    "votes.csv": votes_2016(),
                }
            ],
            "system.toml",
            SYSTEM,
            ("seats", "--system", "FILE", "--votes", "votes.csv"),
        ),
        Target(
            "power -c FILE",
            "power",
            _one(composition, "groups.csv"),
            "groups.csv",
            GROUPS,
            ("power", "-c", "FILE", "-t", "66"),
            options=(
                *_values(
                    "-t", (*NUMBERS, ("1" + "0" * 40, True), ("foo.bar", True), ("0", False), ("999", False))
                ),
                *_values("--date", DATES),
                *_values("--present", (("-1", True), ("x", True), ("1" + "0" * 40, False))),
                *_values("--chamber", (("nope", False),)),
            ),
        ),
        Target(
            "power -c FILE --members",
            "power",
            _one(members, "members.csv"),
            "members.csv",
            MEMBERS,
            ("power", "-c", "FILE", "-t", "66", "--members"),
        ),
        Target(
            "coalitions -c FILE",
            "coalitions",
            _one(composition, "groups.csv"),
            "groups.csv",
            GROUPS,
            ("coalitions", "-c", "FILE", "-t", "66", "--limit", "5"),
            options=(
                *_values("--limit", (("-1", True), ("1e30", True), ("x", True), ("1" + "0" * 40, False))),
                *_values("-t", (("-1", True), ("1e30", True), ("vacancy.nope", True))),
            ),
        ),
        Target(
            "apportion --electorate",
            "apportion",
            _one(electorate, "electorate.csv"),
            "electorate.csv",
            ELECTORS,
            ("apportion", "--electorate", "FILE"),
            options=_values(
                "--set",
                tuple(
                    (v, True)
                    for v in (
                        "TUMBES=-1",
                        "TUMBES=" + "1" * 40,
                        "TUMBES=1e30",
                        "TUMBES=1_0",
                        "TUMBES=\u0661\u0660",
                        "TUMBES=\uff11\uff10",
                        "TUMBES=inf",
                        "NOWHERE=5",
                        "TUMBES",
                        "TUMBES=",
                        "=5",
                        "TUMBES=1.5",
                    )
                ),
            ),
        ),
        Target(
            "polls check",
            "polls check",
            _one(lambda: _file(SRC / "forecast" / "polls" / "peru-2026-r1.csv"), "polls.csv"),
            "polls.csv",
            POLLS,
            ("polls", "check", "FILE"),
        ),
        Target(
            "polls import",
            "polls import",
            _polls_source,
            "src/polls_2021_r1.csv",
            SHARED_POLLS,
            ("polls", "import", "src", "--out", "out"),
            folders=("out",),
            shared=True,
            options=(
                ("--out missing folder", ("--out", "missing/out"), True, "--out"),
                ("--out a file", ("--out", "src/polls_2016_r1.csv"), True, "--out"),
                ("--out too long", ("--out", "x" * 300), True, "--out"),
            ),
        ),
        Target(
            "forecast --polls",
            "forecast",
            _one(lambda: _file(SRC / "forecast" / "polls" / "peru-2026-r1.csv"), "polls.csv"),
            "polls.csv",
            POLLS,
            ("forecast", "--election", "peru-2026", "--polls", "FILE", "--sims", "100", "--no-congress"),
            folders=("afolder.png", "readonly"),
            slow=True,
            options=(
                *_values("--sims", SIMS),
                *_values("--seed", (("x", True), ("1e30", True), ("-1", False), ("1" + "0" * 40, False))),
                *_values("--cutoff", DATES),
                *_values("--round", (("3", True), ("-1", True), ("x", True))),
                *_values("--election", (("peru-1990", True), ("", True))),
                *_values("--bloc", (("x", True), ("A=", True), ("=Fuerza Popular", True))),
                *_outputs("--chart", ".png"),
            ),
        ),
        Target(
            "scenario run", "scenario run", _scenarios, "scenario.toml", SCENARIO, ("scenario", "run", "FILE")
        ),
        Target(
            "scenario run (regime TOML)",
            "scenario run",
            _regime_seeds,
            "reform.toml",
            REGIME,
            ("scenario", "run", "scenario.toml"),
        ),
        Target(
            "rollcalls import (votes)",
            "rollcalls import",
            lambda: [{f"rc/{k}": v for k, v in rc().items()}],
            "rc/votes.csv",
            ROLLCALL_VOTES,
            ("rollcalls", "import", "rc", "--out", "rollcalls.npz"),
            folders=("afolder.pkl", "readonly"),
            shared=True,
            options=_outputs("--out", ".pkl", extension_matters=False),
        ),
        Target(
            "rollcalls import (ballots)",
            "rollcalls import",
            lambda: [{f"rc/{k}": v for k, v in rc().items()}],
            "rc/ballots.csv",
            BALLOTS,
            ("rollcalls", "import", "rc", "--out", "rollcalls.npz"),
            shared=True,
        ),
        _data_check("district-magnitudes"),
        _data_check("presidential-runoffs"),
    )


#: Commands whose options take values but read no mutated file: only their options are fuzzed.
OPTION_ONLY: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, tuple[str, ...], bool, str], ...]], ...] = (
    (
        "threshold",
        ("threshold", "vacancy.approval"),
        (
            *_values("--date", DATES),
            *_values("--habiles", (("-1", True), ("x", True), ("1" + "0" * 40, True))),
            *_values("--present", (("-1", True), ("x", True))),
            *_values("--chamber", (("nope", True),)),
            *_values("--regime", (("nope", True), ("", True))),
        ),
    ),
    (
        "backtest",
        ("backtest", "--election", "peru-2016", "--sims", "100", "--no-congress"),
        (
            *_values("--sims", SIMS),
            *_values("--cutoff", DATES[:3]),
            *_values("--round", (("0", True),)),
        ),
    ),
    ("data list", ("data", "list"), _outputs("--csv", ".csv")),
    (
        "data show",
        ("data", "show", "district-magnitudes"),
        (
            *_values("--limit", (("-1", True), ("x", True))),
            *_outputs("--csv", ".csv"),
        ),
    ),
    (
        "rollcalls ideal",
        ("rollcalls", "ideal", "--data", "rc"),
        (
            *_values("--dims", (("0", True), ("3", True), ("-1", True), ("x", True), ("1" + "0" * 40, True))),
            *_values("--from", DATES[:2]),
            *_values("--to", DATES[:2]),
            *_outputs("--plot", ".png"),
        ),
    ),
    (
        "rollcalls votes",
        ("rollcalls", "votes", "--data", "rc"),
        (
            *_values("--limit", (("-1", True), ("x", True))),
            *_values("--from", DATES[:2]),
        ),
    ),
)


# ---- cases --------------------------------------------------------------------------------------------
SPECIALS = ("fifo", "folder", "dev-null")
TIMEOUT, SPECIAL_TIMEOUT = 30.0, 3.0  # generous: the machines running the suite are shared


@dataclass(frozen=True)
class Case:
    """One run: the files of the working folder, the command line, and what the outcome must be."""

    target: str
    command: str
    mutation: str
    files: dict[str, bytes]
    argv: tuple[str, ...]
    folders: tuple[str, ...]
    must_reject: bool
    where: str | None
    names: tuple[str, ...]
    special: str | None = None  # the mutated file is a FIFO, a folder or a link to /dev/null
    timeout: float = TIMEOUT


def _argv(target: Target) -> tuple[str, ...]:
    return tuple(target.mutated if a == "FILE" else a for a in target.argv)


#: Mutations that remove rows: the error may then be about what is missing (a threshold above the seats
#: left in play), with no file to name; only its form is checked, as for stacked mutations.
UNNAMED = ("truncate", "delete-row")


def file_case(target: Target, mutation: str, rng: random.Random) -> Case | None:
    """``target``'s seed with ``mutation`` applied to its file (None where it does not apply)."""
    files = dict(rng.choice(target.seeds()))
    done = fuzzing.mutation(mutation).apply(files[target.mutated], rng, target.shape)
    if done is None:
        return None
    files[target.mutated] = done.data
    return Case(
        target.name,
        target.command,
        mutation,
        files,
        _argv(target),
        target.folders,
        done.must_reject,
        done.where,
        () if mutation in UNNAMED else _names(target, files),
    )


def stacked_case(target: Target, mutations: list[str], rng: random.Random) -> Case | None:
    """Several mutations in a row: may pass (a later one can undo an earlier one), must fail cleanly."""
    files = dict(rng.choice(target.seeds()))
    data = files[target.mutated]
    for name in mutations:
        try:
            done = fuzzing.mutation(name).apply(data, rng, target.shape)
        except (UnicodeDecodeError, csv.Error, IndexError, ValueError):
            continue  # an earlier mutation left no text, rows or lines for this one to work on
        if done is not None:
            data = done.data
    files[target.mutated] = data
    return Case(
        target.name,
        target.command,
        "+".join(mutations),
        files,
        _argv(target),
        target.folders,
        False,
        None,
        (),
    )


def _names(target: Target, files: dict[str, bytes]) -> tuple[str, ...]:
    """The mutated file, then the other files given (an error may be about another file it affects)."""
    return (target.mutated, *sorted(set(files) - {target.mutated}))


def option_case(target: Target, label: str) -> Case:
    """``target``'s valid seed with one option given an odd value (appended: the last one counts)."""
    _, extra, must, option = next(o for o in target.options if o[0] == label)
    files = dict(target.seeds()[0])
    return Case(
        target.name,
        target.command,
        label,
        files,
        (*_argv(target), *extra),
        target.folders,
        must,
        None,
        _option_names(option, extra[-1]),
    )


def _option_names(option: str, value: str) -> tuple[str, ...]:
    """An error about an option value names the option, or the value (or, for NAME=VALUE, one part)."""
    parts = [value, *value.split("=")] if len(value) < 100 else []
    return (option, *(p if p else repr(p) for p in parts))


def option_only_case(command: str, label: str) -> Case:
    _, argv, values = next(o for o in OPTION_ONLY if o[0] == command)
    _, extra, must, option = next(v for v in values if v[0] == label)
    files = {f"rc/{k}": v for k, v in rollcall_folder().items()} if command.startswith("rollcalls") else {}
    folders = ("afolder.csv", "afolder.png", "readonly")
    return Case(
        command, command, label, files, (*argv, *extra), folders, must, None, _option_names(option, extra[-1])
    )


def special_case(target: Target, kind: str) -> Case:
    """``target``'s file replaced by a FIFO, a folder or a link to /dev/null: refused, never read."""
    files = dict(target.seeds()[0])
    del files[target.mutated]
    return Case(
        target.name,
        target.command,
        f"special:{kind}",
        files,
        _argv(target),
        target.folders,
        True,
        "file",
        (target.mutated,),
        special=kind,
        timeout=SPECIAL_TIMEOUT,
    )


def execute(case: Case) -> tuple[Outcome, fuzzing.Run]:
    """Run ``case`` in a fresh working folder and classify what happened."""
    with tempfile.TemporaryDirectory(prefix="curul-fuzz-") as tmp:
        folder = Path(tmp)
        for sub in case.folders:
            (folder / sub).mkdir(parents=True, exist_ok=True)
        for name, data in case.files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        if case.special is not None:
            path = folder / case.names[0]
            path.parent.mkdir(parents=True, exist_ok=True)
            {"fifo": os.mkfifo, "folder": os.mkdir, "dev-null": lambda p: os.symlink("/dev/null", p)}[
                case.special
            ](path)
        readonly = folder / "readonly"
        if readonly.is_dir():
            readonly.chmod(0o555)
        before = snapshot(folder)
        done = run(list(case.argv), folder, case.timeout, env={"CURUL_CACHE_DIR": str(folder / ".cache")})
        after = snapshot(folder)
        if readonly.is_dir():
            readonly.chmod(0o755)
        outcome = classify(
            done, must_reject=case.must_reject, where=case.where, names=case.names, before=before, after=after
        )
        shutil.rmtree(folder / ".cache", ignore_errors=True)
    return outcome, done


@cache
def grid() -> list[tuple[Target, str]]:
    """Every (target, mutation) pair that applies to the target's seed, the slow targets on a subset."""
    pairs = []
    for target in targets():
        if target.shared and not SHARED.is_dir():
            continue
        for mutation in for_shape(target.shape):
            if target.slow and mutation not in SLOW_SUBSET:
                continue
            if file_case(target, mutation, random.Random(f"{target.name}/{mutation}")) is not None:
                pairs.append((target, mutation))
    return pairs


#: The mutations tried on the slow targets (forecast): one of each kind.
SLOW_SUBSET = (
    "bad-utf8",
    "nul-byte",
    "truncate",
    "duplicate-row",
    "header-again",
    "missing-column",
    "unknown-column",
    "extra-cell",
    "missing-cell",
    "cell:long@candidate",
    "cell:negative@share",
    "cell:exponent@share",
    "cell:date-feb30@published",
    "cell:markup@candidate",
    "cell:underscore@sample_n",
)
