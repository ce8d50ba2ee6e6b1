"""A long fuzzing campaign against the command line: mutated copies of valid files (one to three
mutations in a row), odd option values and special files, through the real entry point.

Prints the count of cases per category (crash, hang, partial output, accepted invalid input, error
without location, unescaped markup, ok-0, ok-2) and per command, then one example of each distinct
failure, and exits with status 1 if any case fell in a bad category. The engine is the suite's
(``tests/cli/fuzzing.py`` and ``tests/cli/fuzz_targets.py``); seeds are built from the bundled data and
``../shared/data``.

    .venv/bin/python benchmarks/fuzz_cli.py --cases 10000 --seed 1 [--jobs 2]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "cli"))

import fuzz_targets as ft
import fuzzing


def draw(rng: random.Random) -> ft.Case | None:
    """One case: 70% a mutated file (a third of them stacked), 20% an odd option value, 10% a special
    file; forecast, the slow target, one time in twenty."""
    targets = [t for t in ft.targets() if not (t.shared and not ft.SHARED.is_dir())]
    fast = [t for t in targets if not t.slow]
    slow = [t for t in targets if t.slow]
    target = rng.choice(slow) if slow and rng.random() < 0.05 else rng.choice(fast)
    names = ft.for_shape(target.shape)
    if target.slow:
        names = tuple(n for n in names if n in ft.SLOW_SUBSET)
    roll = rng.random()
    if roll < 0.7:
        if rng.random() < 1 / 3:
            return ft.stacked_case(target, [rng.choice(names) for _ in range(rng.randint(2, 3))], rng)
        return ft.file_case(target, rng.choice(names), rng)
    if roll < 0.9:
        if rng.random() < 0.3:
            command, _, values = rng.choice(ft.OPTION_ONLY)
            if command.startswith("rollcalls") and not ft.SHARED.is_dir():
                return None
            return ft.option_only_case(command, rng.choice(values)[0])
        if not target.options:
            return None
        return ft.option_case(target, rng.choice(target.options)[0])
    return ft.special_case(target, rng.choice(ft.SPECIALS))


Tally = tuple[Counter[str], dict[str, Counter[str]], dict[tuple[str, str, str], str]]


def campaign(seed: str, cases: int) -> Tally:
    """Run ``cases`` cases drawn from ``random.Random(seed)``; the counts and one example per failure."""
    rng = random.Random(seed)
    categories: Counter[str] = Counter()
    per_command: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, str, str], str] = {}
    done = 0
    while done < cases:
        case = draw(rng)
        if case is None:
            continue
        try:
            outcome, run = ft.execute(case)
        except Exception:  # the harness's own failure (not curul's): shown, and the case not counted
            import traceback

            print(
                f"harness error on {case.target} | {case.mutation}:\n{traceback.format_exc()}",
                file=sys.stderr,
            )
            continue
        done += 1
        categories[outcome.category] += 1
        per_command[case.command][outcome.category] += 1
        if outcome.category in fuzzing.BAD:
            family = case.mutation.split("@")[0] if "+" not in case.mutation else "stacked"
            key = (case.target, family, outcome.category)
            tail = (run.traceback.strip().splitlines() or [""])[-1] if run.traceback else outcome.detail
            examples.setdefault(key, f"{case.mutation}: {tail[:160]}")
        if done % 1000 == 0:
            print(f"... {seed}: {done:,} cases", file=sys.stderr)
    return categories, dict(per_command), examples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="number of cases (default 10,000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the campaign")
    parser.add_argument("--jobs", type=int, default=1, help="processes sharing the cases (default 1)")
    args = parser.parse_args()
    shares = [args.cases // args.jobs + (i < args.cases % args.jobs) for i in range(args.jobs)]
    seeds = [str(args.seed) if args.jobs == 1 else f"{args.seed}/{i}" for i in range(args.jobs)]
    start = time.perf_counter()
    if args.jobs == 1:
        tallies = [campaign(seeds[0], shares[0])]
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(args.jobs) as pool:
            tallies = list(pool.map(campaign, seeds, shares))
    categories: Counter[str] = Counter()
    per_command: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, str, str], str] = {}
    for cats, commands, found in tallies:
        categories += cats
        for command, counts in commands.items():
            per_command[command] += counts
        for key, example in found.items():
            examples.setdefault(key, example)
    elapsed = time.perf_counter() - start
    total = sum(categories.values())
    print(f"{total:,} cases in {elapsed:.0f} s (seed {args.seed}, {args.jobs} job(s))\n")
    print(f"{'category':<26}{'cases':>8}")
    for category in fuzzing.CATEGORIES:
        print(f"{category:<26}{categories[category]:>8,}")
    columns = fuzzing.CATEGORIES
    print(f"\n{'command':<18}" + "".join(f"{c[:13]:>15}" for c in columns))
    for command in sorted(per_command):
        print(f"{command:<18}" + "".join(f"{per_command[command][c]:>15,}" for c in columns))
    if examples:
        print(f"\n{len(examples)} distinct failures (target | mutation family | category: an example):")
        for (target, family, category), example in sorted(examples.items()):
            print(f"  {target} | {family} | {category}: {example}")
    bad = sum(categories[c] for c in fuzzing.BAD)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
