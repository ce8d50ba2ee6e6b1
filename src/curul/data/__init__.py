"""Bundled official figures, validated on load.

Each dataset is a CSV file inside the package described in ``catalog.toml`` (columns, types, key) with a
source on every row; cross-file checks (list votes sum to valid votes, valid + blank + null = emitted,
seats sum to district magnitudes) run whenever a dataset is loaded. ``load(name)`` gives typed records;
``Dataset.to_frame()`` a pandas DataFrame. ``members(chamber, on=date)`` gives the members of Congress
2026-2031 as typed records for the packages that build chamber compositions on them.
"""

from curul.data._catalog import Check, Column, DatasetSpec, catalog
from curul.data._dataset import Dataset, bundled_dir, load, names, spec_of
from curul.data._members import Member, Members, SecondSource, members
from curul.data._views import Checked, DatasetView, Listing, check, listing, show, summary
from curul.inputs import fold

__all__ = [
    "Check",
    "Checked",
    "Column",
    "Dataset",
    "DatasetSpec",
    "DatasetView",
    "Listing",
    "Member",
    "Members",
    "SecondSource",
    "bundled_dir",
    "catalog",
    "check",
    "fold",
    "listing",
    "load",
    "members",
    "names",
    "show",
    "spec_of",
    "summary",
]
