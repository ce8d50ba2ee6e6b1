"""What a system file may hold beyond districts and rules, checked when it loads: the districts its
threshold rules name, its contested readings (each choice must give valid rules, the defaults must be
the rules as written) and the parts of its chamber (``[components]``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from curul.elections._readings import Reading, apply_choices
from curul.elections._threshold_tables import parse_rule
from curul.elections._thresholds import Rule, SeatsInDistricts, VoteShare
from curul.errors import CurulError


def check_rule_districts(rule: Rule, names: list[str], where: str) -> None:
    """Every district a threshold rule names is a district of the system (exact spelling)."""
    for leaf in rule.leaves():
        named: tuple[str, ...] = ()
        if isinstance(leaf, VoteShare):
            named = leaf.districts + leaf.except_districts
        elif isinstance(leaf, SeatsInDistricts):
            named = leaf.districts
        unknown = [d for d in named if d not in names]
        if unknown:
            raise CurulError(
                f"{where}: threshold rule {leaf.id} names unknown district(s) {', '.join(unknown)}"
            )


def check_readings(
    readings: tuple[Reading, ...], table: Any, threshold: Rule, names: list[str], where: str
) -> None:
    """Each choice gives valid rules; no two readings set the same key; the defaults are the file."""
    owner: dict[tuple[str, str], str] = {}
    for reading in readings:
        for choice in reading.choices:
            place = f"{where}: readings {reading.name}, choice {choice.value}"
            rule = parse_rule(apply_choices(table, [choice], place), f"{place}: threshold")
            check_rule_districts(rule, names, place)
            for rule_id, keys in choice.sets.items():
                for key in keys:
                    other = owner.setdefault((rule_id, key), reading.name)
                    if other != reading.name:
                        raise CurulError(
                            f"{where}: readings {other} and {reading.name} both set {rule_id}.{key}"
                        )
    defaults = [r.choice(r.default) for r in readings]
    as_default = parse_rule(apply_choices(table, defaults, where), f"{where}: threshold")
    if as_default.to_dict() != threshold.to_dict():
        raise CurulError(f"{where}: the default readings must give the [threshold] rules as written")


def parse_components(spec: Any, names: list[str], where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``[components]``: each part of the chamber with its districts; ``"*"`` takes the others."""
    if not isinstance(spec, Mapping):
        raise CurulError(f'{where}: components must be a table of name = [districts] or "*"')
    listed = {d for v in spec.values() if isinstance(v, list) for d in v}
    unknown = sorted(d for d in listed if d not in names)
    if unknown:
        raise CurulError(f"{where}: components name unknown district(s) {', '.join(unknown)}")
    rest = tuple(d for d in names if d not in listed)
    out = []
    for name, value in spec.items():
        if value == "*":
            out.append((str(name), rest))
        elif isinstance(value, list):
            out.append((str(name), tuple(value)))
        else:
            raise CurulError(f'{where}: components.{name}: a list of districts or "*"')
    covered = [d for _, members in out for d in members]
    if out and sorted(covered) != sorted(names):
        raise CurulError(f"{where}: components must hold every district exactly once")
    return tuple(out)
