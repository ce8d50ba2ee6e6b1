"""What a system file may hold beyond districts and rules, checked when it loads: the districts its
threshold rules name, its contested readings (each choice must give valid rules, the defaults must be
the rules as written) and the parts of its chamber (``[components]``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from curul.elections._readings import Reading, apply_choices
from curul.elections._threshold_tables import parse_rule
from curul.elections._thresholds import Rule, SeatsInDistricts, VoteShare
from curul.errors import CurulError, InputError
from curul.inputs import TomlLocator


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


_PATH = re.compile(r"[a-z_]+(?:\[\d+\])?(?:\.[A-Za-z0-9_\-]+(?:\[\d+\])?)*")
_PLACE = re.compile(r"(?P<key>[a-z_]+)(?:\[(?P<index>\d+)\])?")


def locate_problem(exc: CurulError, where: str, locator: TomlLocator) -> InputError | None:
    """A problem found inside a table of a system file, placed at that table: the key or header its
    message starts with (``districts[3]`` at the fourth district's header, ``threshold`` at its own)."""
    message = str(exc)
    if not message.startswith(f"{where}: "):
        return None  # already placed (``file:line: ...``), or not about the file
    rest = message[len(where) + 2 :]
    match = _PLACE.match(rest)
    if match is None:
        return None
    key, index = match["key"], int(match["index"] or 0)
    line, column = locator.key("", 0, key)
    if line is None or index:
        line, column = locator.header(key, index)
    if line is None:
        line, column = locator.key("", 0, key)
    if line is None:
        return None
    place, sep, problem = rest.partition(": ")
    if sep and _PATH.fullmatch(place):
        return InputError(where, problem, line=line, column=column, field=place)
    return InputError(where, rest, line=line, column=column, field=key)
