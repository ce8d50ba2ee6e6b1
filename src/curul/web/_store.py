"""Saved scenarios: a page's controls kept under a short hash, so ``/s/<hash>`` rebuilds the page.

A saved scenario is the page's key and its GET parameters (every control of a page is one), stored
with the curul version and the checksum of the data it was computed with (:func:`data_checksum`), so
a permalink opened after an upgrade can say that the figures may differ. The hash is derived from the
content (page and sorted parameters), so saving the same scenario twice gives the same link.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, DateTime, Engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from curul import __version__
from curul.errors import CurulError

HASH_LENGTH = 12  # hex digits: 48 bits, and a collision is detected, not overwritten
DATA_SUFFIXES = (".csv", ".toml")


class Base(DeclarativeBase):
    pass


class SavedRow(Base):
    """The ``saved_scenarios`` table, as migration 0001 creates it."""

    __tablename__ = "saved_scenarios"

    hash: Mapped[str] = mapped_column(String(32), primary_key=True)
    page: Mapped[str] = mapped_column(String(64))
    params: Mapped[dict[str, Any]] = mapped_column(JSON)
    curul_version: Mapped[str] = mapped_column(String(32))
    data_checksum: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


@cache
def data_checksum() -> str:
    """SHA-256 over every data file the package ships (CSV and TOML under ``curul/``, the dashboard's own
    words excepted), each as its relative path and bytes, in path order."""
    root = Path(str(resources.files("curul")))
    digest = hashlib.sha256()
    files = sorted(
        p
        for p in root.rglob("*")
        if p.suffix in DATA_SUFFIXES and p.is_file() and "web" not in p.relative_to(root).parts[:1]
    )
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def scenario_hash(page: str, params: Mapping[str, str | list[str]]) -> str:
    """The content hash of a scenario: page and parameters, keys sorted, as canonical JSON."""
    canonical = json.dumps({"page": page, "params": dict(sorted(params.items()))}, sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class SavedScenario:
    """One saved scenario as stored; ``current`` says whether this curul and its data made it."""

    hash: str
    page: str
    params: dict[str, Any]
    curul_version: str
    data_checksum: str
    created_at: dt.datetime

    @property
    def current(self) -> bool:
        return self.curul_version == __version__ and self.data_checksum == data_checksum()

    def as_dict(self) -> dict[str, Any]:
        return {
            "hash": self.hash,
            "page": self.page,
            "params": self.params,
            "curul_version": self.curul_version,
            "data_checksum": self.data_checksum,
            "created_at": self.created_at.isoformat(),
            "current": self.current,
        }

    @classmethod
    def of(cls, row: SavedRow) -> SavedScenario:
        created = row.created_at
        if created.tzinfo is None:  # SQLite keeps no zone: the value was written in UTC
            created = created.replace(tzinfo=dt.UTC)
        return cls(row.hash, row.page, dict(row.params), row.curul_version, row.data_checksum, created)


class ScenarioStore:
    """Save and fetch scenarios in the database behind ``engine`` (migrated with ``_database.upgrade``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def save(self, page: str, params: Mapping[str, str | list[str]]) -> SavedScenario:
        """Store the scenario (once: the same content gives the same hash) and return it."""
        key = scenario_hash(page, params)
        with Session(self.engine) as session, session.begin():
            found = session.get(SavedRow, key)
            if found is not None:
                if found.page != page or found.params != dict(params):
                    raise CurulError(f"hash collision on {key}: not saved")
                return SavedScenario.of(found)
            row = SavedRow(
                hash=key,
                page=page,
                params=dict(params),
                curul_version=__version__,
                data_checksum=data_checksum(),
                created_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
            )
            session.add(row)
            session.flush()
            return SavedScenario.of(row)

    def get(self, key: str) -> SavedScenario | None:
        """The scenario saved under ``key``, or ``None``."""
        with Session(self.engine) as session:
            row = session.scalars(select(SavedRow).where(SavedRow.hash == key)).first()
            return SavedScenario.of(row) if row is not None else None

    def count(self) -> int:
        with Session(self.engine) as session:
            return len(session.scalars(select(SavedRow.hash)).all())
