"""The electorate behind the 2026 Chamber of Deputies magnitudes, and the apportionment it gives.

The rule (one seat per district, two abroad, 102 by electorate) lives in the ``[apportionment]`` table of
``systems/peru-2026-deputies.toml``; the electorate figures in ``electorate_2026.csv``, each with its
source, two of them not found (they must be given, never guessed).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from curul.elections._apportionment import Apportionment
from curul.elections._systems import ElectoralSystem, load_system
from curul.errors import ArgumentError

DEPUTIES_2026 = "peru-2026-deputies"


@dataclass(frozen=True)
class Electorate:
    electors: Mapping[str, int | None]
    sources: Mapping[str, str]

    @property
    def missing(self) -> list[str]:
        return [d for d, n in self.electors.items() if n is None]


def electorate_2026() -> Electorate:
    """The electorate per district behind the 2026 apportionment, as far as it could be sourced."""
    text = resources.files("curul.elections").joinpath("electorate_2026.csv").read_text(encoding="utf-8")
    electors: dict[str, int | None] = {}
    sources: dict[str, str] = {}
    for row in csv.DictReader(text.splitlines()):
        electors[row["district"]] = int(row["electors"]) if row["electors"] else None
        sources[row["district"]] = row["source"]
    return Electorate(electors, sources)


def _system(system: ElectoralSystem | str) -> ElectoralSystem:
    loaded = load_system(system) if isinstance(system, str) else system
    if loaded.apportionment is None:
        raise ArgumentError("system", f"{loaded.name} has no [apportionment] table")
    return loaded


def apportion_deputies_2026(
    electorate: Mapping[str, int], *, system: ElectoralSystem | str = DEPUTIES_2026
) -> Apportionment:
    """2026 Deputies: 1 seat per district (abroad 2), then 102 by electorate (Hare largest remainder).

    ``electorate`` maps the 26 domestic districts to their electors; the abroad district takes no part
    in the proportional step. The rule is read from ``system``'s ``[apportionment]`` table (the bundled
    ``peru-2026-deputies``, or an edited copy of it).
    """
    rule = _system(system).apportionment
    assert rule is not None
    return rule.apply(electorate)
