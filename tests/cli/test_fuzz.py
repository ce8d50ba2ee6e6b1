"""Fuzzing the command line (issue 11): mutated copies of valid files and odd option values, through
the real entry point, for every command that reads a file.

Each case must end with exit status 0 or 2, no traceback, no hang; on 2 with one ``error: `` line
naming the file (at ``FILE:LINE:COLUMN:`` where the problem has a place) and nothing left in the working
folder; and with 2 for every mutation the documentation rejects. The engine is ``fuzzing.py`` (the
mutations, the runner, the categories) and ``fuzz_targets.py`` (the commands and their seeds);
``benchmarks/fuzz_cli.py`` runs the long campaign.

``KNOWN`` lists what fails today, each marked ``xfail(strict=True)`` with what happens: the readers of
those files are being rebuilt on ``curul.inputs``, and when one is fixed its cases pass, strict xfail
turns them into failures, and the entry must be removed from ``KNOWN``.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
from fnmatch import fnmatch
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))

import fuzz_targets as ft
from fuzzing import OK0, OK2, classify, snapshot

# What fails today: (target, mutation or option case) -> what happens (category: detail).
KNOWN_BY_TARGET: dict[str, dict[str, str]] = {
    "seats --votes": {},
    "seats --system FILE.toml": {},
    "power -c FILE": {},
    "power -c FILE --members": {},
    "coalitions -c FILE": {},
    "apportion --electorate": {},
    "polls check": {},
    "polls import": {},
    "forecast --polls": {},
    "scenario run": {},
    "scenario run (regime TOML)": {},
    "rollcalls import (votes)": {},
    "rollcalls import (ballots)": {},
}
KNOWN = {(t, m): why for t, cases in KNOWN_BY_TARGET.items() for m, why in cases.items()}


def known(target: str, case: str) -> str | None:
    """Why ``case`` of ``target`` fails today (a key may be a pattern: ``cell:*@votes``), or None."""
    if (target, case) in KNOWN:
        return KNOWN[target, case]
    return next((why for (t, m), why in KNOWN.items() if t == target and fnmatch(case, m)), None)


BY_NAME = {t.name: t for t in ft.targets()}


def _marked(target: str, case: str) -> pytest.ParameterSet:
    reason = known(target, case)
    marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)] if reason else []
    return pytest.param(target, case, id=f"{target}|{case}", marks=marks)


def _check(case: ft.Case) -> None:
    outcome, done = ft.execute(case)
    assert outcome.category in (OK0, OK2), (
        f"{case.target} | {case.mutation}: {outcome.category}: {outcome.detail}\n"
        f"{done.traceback or done.stderr[:2000]}"
    )


def test_known_failures_name_real_cases():
    """Every entry of KNOWN is a case the suite runs (a stale entry would hide nothing, silently)."""
    cases = {(t.name, m) for t, m in ft.grid()}
    cases |= {(t.name, o[0]) for t in ft.targets() for o in t.options}
    cases |= {(t.name, f"special:{k}") for t in ft.targets() for k in ft.SPECIALS}
    cases |= {(c, v[0]) for c, _, values in ft.OPTION_ONLY for v in values}
    assert {k for k in KNOWN if not any(t == k[0] and fnmatch(m, k[1]) for t, m in cases)} == set()


@pytest.mark.parametrize("target", sorted(BY_NAME))
def test_seed_runs_clean(target, request):
    """The unmutated seed of every target is valid: exit 0, so each mutation is what a case tests."""
    if BY_NAME[target].shared:
        request.getfixturevalue("shared_data")
    t = BY_NAME[target]
    case = ft.Case(
        t.name, t.command, "seed", dict(t.seeds()[0]), ft._argv(t), t.folders, False, None, (t.mutated,)
    )
    outcome, done = ft.execute(case)
    assert outcome.category == OK0, done.traceback or done.stderr


@pytest.mark.parametrize(("target", "mutation"), [_marked(t.name, m) for t, m in ft.grid()])
def test_mutated_file(target, mutation):
    """Each mutation of each target's file, once, from a fixed random state."""
    case = ft.file_case(BY_NAME[target], mutation, random.Random(f"{target}/{mutation}"))
    assert case is not None
    _check(case)


@pytest.mark.parametrize(
    ("target", "label"), [_marked(t.name, o[0]) for t in ft.targets() if not t.shared for o in t.options]
)
def test_odd_option_value(target, label):
    _check(ft.option_case(BY_NAME[target], label))


@pytest.mark.parametrize(
    ("command", "label"), [_marked(c, v[0]) for c, _, values in ft.OPTION_ONLY for v in values]
)
def test_odd_option_value_of_other_commands(command, label, request):
    if command.startswith("rollcalls"):
        request.getfixturevalue("shared_data")
    _check(ft.option_only_case(command, label))


@pytest.mark.parametrize(
    ("target", "kind"),
    [_marked(t.name, f"special:{k}") for t in ft.targets() if not t.shared for k in ft.SPECIALS],
)
def test_special_file_is_refused(target, kind):
    """A FIFO, a folder or a device where a file is expected: refused at once (a FIFO is never opened)."""
    _check(ft.special_case(BY_NAME[target], kind.split(":", 1)[1]))


@pytest.mark.parametrize("target", [t.name for t in ft.targets() if t.shared])
def test_shared_targets(target, shared_data):
    """The roll-call and poll-import targets (seeds from ../shared/data): options and special files."""
    t = BY_NAME[target]
    failures = []
    cases = [ft.option_case(t, o[0]) for o in t.options] + [ft.special_case(t, k) for k in ft.SPECIALS]
    for case in cases:
        outcome, _ = ft.execute(case)
        if outcome.category not in (OK0, OK2) and known(target, case.mutation) is None:
            failures.append(f"{case.mutation}: {outcome.category}: {outcome.detail}")
    assert failures == []


SHUFFLES = ("flip-bytes", "random-bytes", "truncate", "toml:swap-lines", "toml:delete-line")

#: Failures found by random runs (hypothesis, the campaign), pinned with the random state that showed
#: them: (target, mutation, random seed, what happened). All are fixed; they stay as regression tests.
FOUND = [
    ("seats --system FILE.toml", "toml:swap-lines", 1148,
     "crash: TypeError: normalize() argument 2 must be str, not list (a list moved under a string key)"),
    ("scenario run", "toml:type-table@type", 1, "crash: TypeError: unhashable type: 'dict' (type = {})"),
    ("scenario run", "toml:deep-nesting@type", 1, "crash: TypeError: unhashable type: 'list' (type = [[…]])"),
    ("scenario run", "toml:bare-datetime@date", 1, "accepted invalid input: a TOML datetime taken as a date"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("target", "mutation", "seed"),
    [
        # each was a failure (``r``, what happened) and is now a regression test of its fix
        pytest.param(t, m, n, id=f"{t}|{m}|{n}")
        for t, m, n, r in FOUND
    ],
)
def test_found_by_random_runs(target, mutation, seed):
    case = ft.file_case(BY_NAME[target], mutation, random.Random(seed))
    assert case is not None
    _check(case)


def _allowed(target: ft.Target) -> list[str]:
    """The mutations hypothesis may combine on ``target``: those that pass today (byte noise only where
    the reader handles a bad byte, as noise makes bad bytes; the shuffles of lines and bytes only where
    the reader has no known crash, as they reach its crashes from random places: those are pinned in
    FOUND instead)."""
    names = [n for n in ft.for_shape(target.shape) if not target.slow or n in ft.SLOW_SUBSET]
    names = [n for n in names if known(target.name, n) is None]
    names = [n for n in names if (target.name, n) not in {(t, m) for t, m, _, _ in FOUND}]
    if known(target.name, "bad-utf8") or known(target.name, "nul-byte"):
        names = [n for n in names if n not in ("flip-bytes", "random-bytes")]
    if any(t == target.name and why.startswith("crash") for (t, _), why in KNOWN.items()):
        names = [n for n in names if n not in SHUFFLES]
    return names


FAST = [t.name for t in ft.targets() if not t.slow]


@pytest.mark.parametrize("target", FAST)
@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_mutations(target, data, request):
    """One to three mutations in a row from a drawn random state; one alone keeps its classification."""
    t = BY_NAME[target]
    if t.shared and not ft.SHARED.is_dir():
        request.getfixturevalue("shared_data")
    allowed = _allowed(t)
    chosen = data.draw(st.lists(st.sampled_from(allowed), min_size=1, max_size=3), label="mutations")
    rng = random.Random(data.draw(st.integers(0, 2**32 - 1), label="seed"))
    case = ft.file_case(t, chosen[0], rng) if len(chosen) == 1 else ft.stacked_case(t, chosen, rng)
    if case is not None:
        _check(case)


@settings(max_examples=4)
@given(data=st.data())
def test_random_mutations_forecast(data):
    t = BY_NAME["forecast --polls"]
    mutation = data.draw(st.sampled_from(_allowed(t)), label="mutation")
    case = ft.file_case(t, mutation, random.Random(data.draw(st.integers(0, 2**32 - 1), label="seed")))
    if case is not None:
        _check(case)


# ---- a handful through `python -m curul`, as a user runs it ----------------------------------------
def _subprocess(case: ft.Case, link: str | None = None) -> str:
    """Run ``case`` in a fresh folder through ``python -m curul`` (at most 2 GB of memory, 60 s), the
    mutated file optionally a link to a device; return the category."""
    import resource

    def bound() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, resource.RLIM_INFINITY))

    with tempfile.TemporaryDirectory(prefix="curul-fuzz-") as tmp:
        folder = Path(tmp)
        for name, data in case.files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        if link is not None:
            (folder / case.names[0]).unlink(missing_ok=True)
            os.symlink(link, folder / case.names[0])
        before = snapshot(folder)
        env = {**os.environ, "CURUL_CACHE_DIR": str(folder / ".cache"), "PYTHONPATH": str(ft.REPO / "src")}
        try:
            done = subprocess.run(
                [sys.executable, "-m", "curul", *case.argv], cwd=folder, capture_output=True, text=True,
                timeout=60, env=env, preexec_fn=bound,
            )  # fmt: skip
            run = ft.fuzzing.Run(done.returncode, done.stdout, done.stderr)
        except subprocess.TimeoutExpired:
            run = ft.fuzzing.Run(None, "", "")
        outcome = classify(run, must_reject=case.must_reject, where=case.where, names=case.names,
                           before=before, after=snapshot(folder))  # fmt: skip
    return f"{outcome.category}: {outcome.detail}"


def test_through_python_m_curul():
    """The same checks on a few cases run as a user runs them: a valid seed, a located error, an output
    path in a missing folder, too many simulations, and /dev/zero given to a reader that refuses it."""
    seats, check = BY_NAME["seats --votes"], BY_NAME["data check --as district-magnitudes"]
    cases = [
        ft.Case(
            check.name,
            "data check",
            "seed",
            dict(check.seeds()[0]),
            ft._argv(check),
            (),
            False,
            None,
            ("d.csv",),
        ),
        ft.file_case(check, "extra-cell", random.Random(3)),
        ft.option_case(seats, "--svg missing folder"),
        ft.option_only_case("backtest", "--sims '1000000000000'"),
    ]
    results = [_subprocess(c) for c in cases if c is not None]
    results.append(_subprocess(ft.special_case(check, "dev-null"), link="/dev/zero"))
    assert [r.split(":")[0] for r in results] == [OK0, OK2, OK2, OK2, OK2], results


def test_a_device_given_as_votes_through_python_m_curul():
    """/dev/zero given as a votes file once hung (read to the end); a device is now refused unread."""
    result = _subprocess(ft.special_case(BY_NAME["seats --votes"], "dev-null"), link="/dev/zero")
    assert result.split(":")[0] == OK2, result
