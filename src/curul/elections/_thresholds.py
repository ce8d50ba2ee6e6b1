"""National thresholds ("valla electoral") as small composable rules, evaluated exactly.

A rule is data: a share of national valid votes (with an optional alliance surcharge), a minimum of seats
won in more than one district in a preliminary allocation over all lists (ONPE's procedure for EG 2016,
RJ 000376-2015-J/ONPE), or an AND/OR of other rules. Each rule carries the law it implements.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from curul.errors import CurulError


@dataclass(frozen=True)
class VoteShare:
    """At least ``share`` of the national valid votes; alliances need more (per extra member, or flat)."""

    share: Fraction
    alliance_extra_per_member: Fraction = Fraction(0)
    alliance_share: Fraction | None = None
    districts: tuple[str, ...] = ()  # count only these districts' votes (empty: every district)
    id: str = "vote-share"
    law: str = ""
    sources: tuple[str, ...] = ()

    def required(self, members: int) -> Fraction:
        """The share a list with ``members`` member parties needs (1 for a party)."""
        if members <= 1:
            return self.share
        if self.alliance_share is not None:
            return self.alliance_share
        return self.share + self.alliance_extra_per_member * (members - 1)

    def describe(self) -> str:
        text = f"≥ {_pct(self.share)} of national valid votes"
        if self.alliance_share is not None:
            text += f" ({_pct(self.alliance_share)} for an alliance)"
        elif self.alliance_extra_per_member:
            text += f" (+{_pct(self.alliance_extra_per_member)} per extra member party of an alliance)"
        if self.districts:
            text += f" (votes of {', '.join(self.districts)})"
        return text


@dataclass(frozen=True)
class SeatsInDistricts:
    """At least ``min_seats`` seats won in ``min_districts`` or more districts (preliminary allocation)."""

    min_seats: int
    min_districts: int = 2
    id: str = "seats-in-districts"
    law: str = ""
    sources: tuple[str, ...] = ()

    def describe(self) -> str:
        where = (
            "in more than one district"
            if self.min_districts == 2
            else (f"in at least {self.min_districts} districts" if self.min_districts > 1 else "in total")
        )
        return f"≥ {self.min_seats} seats {where} (preliminary allocation over all lists)"


@dataclass(frozen=True)
class AnyOf:
    rules: tuple[Rule, ...]
    id: str = "any-of"

    def describe(self) -> str:
        return " OR ".join(f"({r.describe()})" for r in self.rules)


@dataclass(frozen=True)
class AllOf:
    rules: tuple[Rule, ...]
    id: str = "all-of"

    def describe(self) -> str:
        return " AND ".join(f"({r.describe()})" for r in self.rules)


@dataclass(frozen=True)
class NoThreshold:
    id: str = "none"
    law: str = ""
    sources: tuple[str, ...] = ()

    def describe(self) -> str:
        return "no national threshold: every list takes part in each district's allocation"


Rule = VoteShare | SeatsInDistricts | AnyOf | AllOf | NoThreshold


@dataclass(frozen=True)
class Verdict:
    passed: bool
    why: str


@dataclass(frozen=True)
class ThresholdInput:
    """What a threshold looks at: votes per district and list, alliance sizes, a preliminary allocation."""

    votes: Mapping[str, Mapping[str, int]]
    members: Mapping[str, int]
    preliminary: Callable[[], Mapping[str, Mapping[str, int]]]


def _pct(x: Fraction) -> str:
    value = x * 100
    return f"{value.numerator}%" if value.denominator == 1 else f"{float(value):.3g}%"


def needs_preliminary(rule: Rule) -> bool:
    """Whether evaluating ``rule`` needs the preliminary allocation over all lists."""
    if isinstance(rule, SeatsInDistricts):
        return True
    if isinstance(rule, AnyOf | AllOf):
        return any(needs_preliminary(r) for r in rule.rules)
    return False


def rule_leaves(rule: Rule) -> list[Rule]:
    """The elementary rules of ``rule`` (for listing laws and sources)."""
    if isinstance(rule, AnyOf | AllOf):
        return [leaf for r in rule.rules for leaf in rule_leaves(r)]
    return [rule]


def evaluate(rule: Rule, data: ThresholdInput) -> dict[str, Verdict]:
    """Which lists pass ``rule``, each with the arithmetic that decided it."""
    parties = list(dict.fromkeys(p for d in data.votes.values() for p in d))
    if isinstance(rule, NoThreshold):
        return {p: Verdict(True, "no threshold") for p in parties}
    if isinstance(rule, VoteShare):
        wanted = set(rule.districts)
        totals = {p: 0 for p in parties}
        for district, row in data.votes.items():
            if wanted and district not in wanted:
                continue
            for p, v in row.items():
                totals[p] += v
        valid = sum(totals.values())
        out = {}
        for p in parties:
            need = rule.required(data.members.get(p, 1))
            ok = valid > 0 and Fraction(totals[p], valid) >= need
            share = f"{totals[p] / valid * 100:.3f}%" if valid else "no valid votes"
            out[p] = Verdict(ok, f"{share} of valid votes {'≥' if ok else '<'} {_pct(need)}")
        return out
    if isinstance(rule, SeatsInDistricts):
        prelim = data.preliminary()
        out = {}
        for p in parties:
            won = [prelim[d].get(p, 0) for d in prelim]
            seats, districts = sum(won), sum(1 for s in won if s > 0)
            ok = seats >= rule.min_seats and districts >= rule.min_districts
            out[p] = Verdict(
                ok,
                f"{seats} preliminary seats in {districts} district{'s' if districts != 1 else ''} "
                f"{'meets' if ok else 'misses'} ≥ {rule.min_seats} in ≥ {rule.min_districts}",
            )
        return out
    if isinstance(rule, AnyOf | AllOf):
        parts = [evaluate(r, data) for r in rule.rules]
        join, combine = (" OR ", any) if isinstance(rule, AnyOf) else (" AND ", all)
        return {
            p: Verdict(combine(v[p].passed for v in parts), join.join(v[p].why for v in parts))
            for p in parties
        }
    raise CurulError(f"unknown threshold rule {rule!r}")


def _fraction(value: object, where: str) -> Fraction:
    try:
        out = Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        raise CurulError(f'{where}: {value!r} is not a fraction such as "5/100"') from None
    if not 0 <= out <= 1:
        raise CurulError(f"{where}: share {value!r} must lie between 0 and 1")
    return out


def parse_rule(data: Mapping[str, object], where: str) -> Rule:
    """Build a rule from its TOML table (``kind = "vote_share" | "seats_in_districts" | "any_of" | ...``)."""
    kind = data.get("kind")
    law = str(data.get("law", ""))
    sources = tuple(str(s) for s in data.get("sources", ()))  # type: ignore[union-attr]
    known = {"kind", "id", "law", "sources"}
    if kind == "none":
        rule: Rule = NoThreshold(law=law, sources=sources)
    elif kind == "vote_share":
        known |= {"share", "alliance_extra_per_member", "alliance_share", "districts"}
        if "share" not in data:
            raise CurulError(f"{where}: vote_share needs a share")
        rule = VoteShare(
            share=_fraction(data["share"], f"{where}.share"),
            alliance_extra_per_member=_fraction(
                data.get("alliance_extra_per_member", 0), f"{where}.alliance_extra_per_member"
            ),
            alliance_share=(
                _fraction(data["alliance_share"], f"{where}.alliance_share")
                if "alliance_share" in data
                else None
            ),
            districts=tuple(str(d) for d in data.get("districts", ())),  # type: ignore[union-attr]
            id=str(data.get("id", "vote-share")),
            law=law,
            sources=sources,
        )
    elif kind == "seats_in_districts":
        known |= {"min_seats", "min_districts"}
        min_seats, min_districts = data.get("min_seats"), data.get("min_districts", 2)
        if (
            not isinstance(min_seats, int)
            or min_seats < 1
            or not isinstance(min_districts, int)
            or min_districts < 1
        ):
            raise CurulError(f"{where}: seats_in_districts needs positive integers min_seats, min_districts")
        rule = SeatsInDistricts(
            min_seats, min_districts, id=str(data.get("id", "seats-in-districts")), law=law, sources=sources
        )
    elif kind in ("any_of", "all_of"):
        known |= {"rules"}
        items = data.get("rules")
        if not isinstance(items, list) or not items:
            raise CurulError(f"{where}: {kind} needs a non-empty list of rules")
        rules = tuple(parse_rule(r, f"{where}.rules[{i}]") for i, r in enumerate(items))
        rule = AnyOf(rules) if kind == "any_of" else AllOf(rules)
    else:
        raise CurulError(
            f"{where}.kind: unknown rule {kind!r}; use vote_share, seats_in_districts, any_of, all_of or none"
        )
    extra = set(data) - known
    if extra:
        raise CurulError(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
    if not isinstance(rule, AnyOf | AllOf | NoThreshold) and not rule.law:
        raise CurulError(f'{where}: every rule must cite its law (law = "...")')
    return rule


def rule_to_dict(rule: Rule) -> dict[str, object]:
    """A JSON-ready description of ``rule``."""
    if isinstance(rule, AnyOf | AllOf):
        return {
            "kind": "any_of" if isinstance(rule, AnyOf) else "all_of",
            "rules": [rule_to_dict(r) for r in rule.rules],
            "text": rule.describe(),
        }
    out: dict[str, object] = {
        "kind": {VoteShare: "vote_share", SeatsInDistricts: "seats_in_districts", NoThreshold: "none"}[
            type(rule)
        ],
        "id": rule.id,
        "text": rule.describe(),
        "law": rule.law,
        "sources": list(rule.sources),
    }
    if isinstance(rule, VoteShare):
        out["share"] = str(rule.share)
        out["alliance_extra_per_member"] = str(rule.alliance_extra_per_member)
        out["alliance_share"] = None if rule.alliance_share is None else str(rule.alliance_share)
        out["districts"] = list(rule.districts)
    if isinstance(rule, SeatsInDistricts):
        out["min_seats"] = rule.min_seats
        out["min_districts"] = rule.min_districts
    return out
