"""Threshold rules read from a system file's ``[threshold]`` table, validated with the place of each problem.

One entry of :data:`KINDS` per rule kind: how to build it from its table, the keys it reads, and whether
it must cite its law (every elementary rule does; ``any_of`` / ``all_of`` take theirs from their parts).
Shares are exact fractions; unknown keys are refused.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from fractions import Fraction
from typing import Any

from curul.elections._thresholds import AllOf, AnyOf, NoThreshold, Rule, SeatsInDistricts, VoteShare
from curul.errors import CurulError

Table = Mapping[str, Any]


def _fraction(value: object, where: str) -> Fraction:
    try:
        out = Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        raise CurulError(f'{where}: {value!r} is not a fraction such as "5/100"') from None
    if not 0 <= out <= 1:
        raise CurulError(f"{where}: share {value!r} must lie between 0 and 1")
    return out


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise CurulError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(str(v) for v in value)


def _vote_share(data: Table, where: str, law: str, sources: tuple[str, ...]) -> Rule:
    if "share" not in data:
        raise CurulError(f"{where}: vote_share needs a share")
    return VoteShare(
        share=_fraction(data["share"], f"{where}.share"),
        alliance_extra_per_member=_fraction(
            data.get("alliance_extra_per_member", 0), f"{where}.alliance_extra_per_member"
        ),
        alliance_share=(
            _fraction(data["alliance_share"], f"{where}.alliance_share") if "alliance_share" in data else None
        ),
        districts=_strings(data.get("districts", ()), f"{where}.districts"),
        except_districts=_strings(data.get("except_districts", ()), f"{where}.except_districts"),
        id=str(data.get("id", "vote-share")),
        law=law,
        sources=sources,
    )


#: The most seats or districts a threshold can ask for (no chamber has had more than a few thousand).
MAX_SEATS = 10_000


def _seats_in_districts(data: Table, where: str, law: str, sources: tuple[str, ...]) -> Rule:
    min_seats, min_districts = data.get("min_seats"), data.get("min_districts", 2)
    if (
        not isinstance(min_seats, int)
        or not 1 <= min_seats <= MAX_SEATS
        or not isinstance(min_districts, int)
        or not 1 <= min_districts <= MAX_SEATS
    ):
        raise CurulError(
            f"{where}: seats_in_districts needs whole numbers min_seats, min_districts in 1..{MAX_SEATS:,}"
        )
    among = data.get("among", "")
    if not isinstance(among, str):
        raise CurulError(f'{where}.among: the id of a rule beside this one, or "" for all lists')
    return SeatsInDistricts(
        min_seats,
        min_districts,
        id=str(data.get("id", "seats-in-districts")),
        law=law,
        sources=sources,
        districts=_strings(data.get("districts", ()), f"{where}.districts"),
        among_id=among,
    )


def _none(data: Table, where: str, law: str, sources: tuple[str, ...]) -> Rule:
    return NoThreshold(law=law, sources=sources)


def _combined(kind: type[AnyOf] | type[AllOf]) -> Callable[[Table, str, str, tuple[str, ...]], Rule]:
    def build(data: Table, where: str, law: str, sources: tuple[str, ...]) -> Rule:
        items = data.get("rules")
        if not isinstance(items, list) or not items:
            raise CurulError(f"{where}: {kind.kind} needs a non-empty list of rules")
        rules = [parse_rule(r, f"{where}.rules[{i}]") for i, r in enumerate(items)]
        ids = [r.id for r in rules]
        for i, rule in enumerate(rules):  # a seat test run among the lists a sibling rule lets pass
            if isinstance(rule, SeatsInDistricts) and rule.among_id:
                if rule.among_id not in ids or rule.among_id == rule.id:
                    raise CurulError(
                        f"{where}.rules[{i}].among: no rule {rule.among_id!r} beside it "
                        f"(rules: {', '.join(ids)})"
                    )
                rules[i] = replace(rule, among=rules[ids.index(rule.among_id)])
        return kind(tuple(rules), id=str(data.get("id", kind.kind.replace("_", "-"))))

    return build


# kind -> (builder from the table, the keys it reads besides kind/id/law/sources, whether it cites a law)
KINDS: dict[str, tuple[Callable[[Table, str, str, tuple[str, ...]], Rule], frozenset[str], bool]] = {
    "vote_share": (
        _vote_share,
        frozenset({"share", "alliance_extra_per_member", "alliance_share", "districts", "except_districts"}),
        True,
    ),
    "seats_in_districts": (
        _seats_in_districts,
        frozenset({"min_seats", "min_districts", "districts", "among"}),
        True,
    ),
    "any_of": (_combined(AnyOf), frozenset({"rules"}), False),
    "all_of": (_combined(AllOf), frozenset({"rules"}), False),
    "none": (_none, frozenset(), False),
}


def parse_rule(data: object, where: str) -> Rule:
    """Build a rule from its TOML table (``kind = "vote_share" | "seats_in_districts" | "any_of" | ...``)."""
    if not isinstance(data, Mapping):
        raise CurulError(f"{where}: a rule is a table with a kind, got {data!r}")
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        raise CurulError(
            f"{where}.kind: unknown rule {kind!r}; use vote_share, seats_in_districts, any_of, all_of or none"
        )
    build, keys, cites_law = KINDS[kind]
    rule = build(data, where, str(data.get("law", "")), _strings(data.get("sources", ()), f"{where}.sources"))
    extra = set(data) - {"kind", "id", "law", "sources"} - keys
    if extra:
        raise CurulError(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
    if cites_law and not rule.law:
        raise CurulError(f'{where}: every rule must cite its law (law = "...")')
    return rule
