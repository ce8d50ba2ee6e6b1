"""The catalog of bundled datasets (``catalog.toml``): what each file holds and the checks that tie them."""

from __future__ import annotations

import tomllib
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ColumnType = Literal["year", "count", "percent", "name", "text", "source", "date"]
CheckKind = Literal["parts_sum", "group_sum", "group_count", "lookup", "percent_of"]
Selection = dict[str, str | tuple[str, ...]]  # column -> the value (or one of the values) a row must hold


class Column(BaseModel):
    """One column of a dataset: its name, its type and whether a file may leave it out."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str
    type: ColumnType
    required: bool = True


class DatasetSpec(BaseModel):
    """What a dataset is: the file it lives in, its columns and the key that makes a row unique."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str
    file: str
    description: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]

    @model_validator(mode="after")
    def _key_is_columns(self) -> DatasetSpec:
        names = [c.name for c in self.columns]
        missing = [k for k in self.key if k not in names]
        if missing:
            raise ValueError(f"dataset {self.name}: key columns {missing} are not columns")
        if "source" not in names:
            raise ValueError(f"dataset {self.name}: every dataset needs a source column")
        return self

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


class Check(BaseModel):
    """A consistency rule between columns or datasets, run whenever a dataset is loaded.

    ``parts_sum``: in every row the ``parts`` columns add up to ``total``. ``group_sum``: ``value``
    summed per ``on`` key equals ``total`` in ``against``; ``group_count``: the number of rows per ``on``
    key does. ``lookup``: every row's ``value`` equals ``total`` in the ``against`` row of its ``on`` key.
    ``percent_of``: every row's ``percent`` is ``value`` / ``total`` in percent, within ``tolerance``.
    ``filter`` selects the rows of ``dataset``, ``where`` those of ``against``; ``replace`` counts a row
    under another column's value where that one is not empty (a second source's party, say);
    ``complete`` also requires every selected ``against`` row to be matched (a group of no rows sums
    to 0); ``optional`` lets a group have no ``against`` row.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: CheckKind
    dataset: str
    total: str
    parts: tuple[str, ...] = ()
    value: str | None = None
    against: str | None = None
    on: tuple[str, ...] = ()
    where: Selection = Field(default_factory=dict)
    filter: Selection = Field(default_factory=dict)
    replace: dict[str, str] = Field(default_factory=dict)
    percent: str | None = None
    tolerance: str | None = None
    optional: bool = False
    complete: bool = False

    @model_validator(mode="after")
    def _fields_of_kind(self) -> Check:
        needs = {
            "parts_sum": ("parts",),
            "group_sum": ("value", "against", "on"),
            "group_count": ("against", "on"),
            "lookup": ("value", "against", "on"),
            "percent_of": ("value", "percent", "tolerance"),
        }[self.kind]
        missing = [name for name in needs if not getattr(self, name)]
        if missing:
            raise ValueError(f"a {self.kind} check on {self.dataset} needs {', '.join(missing)}")
        if self.tolerance is not None:
            try:
                Fraction(self.tolerance)
            except ValueError:
                raise ValueError(f"tolerance {self.tolerance!r} is not a number") from None
        return self

    def columns_of_dataset(self) -> tuple[str, ...]:
        """The columns of ``dataset`` the check reads."""
        named = (self.total,) if self.kind in ("parts_sum", "percent_of") else ()
        return (
            named
            + self.parts
            + tuple(c for c in (self.value, self.percent) if c)
            + self.on
            + tuple(self.filter)
            + tuple(self.replace.values())
        )

    def columns_of_against(self) -> tuple[str, ...]:
        """The columns of ``against`` the check reads."""
        return () if self.against is None else (self.total, *self.on, *self.where)


class Catalog(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    dataset: tuple[DatasetSpec, ...]
    check: tuple[Check, ...] = ()

    def spec(self, name: str) -> DatasetSpec:
        for spec in self.dataset:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def spec_for_file(self, file_name: str) -> DatasetSpec | None:
        return next((s for s in self.dataset if s.file == file_name), None)

    def checks_involving(self, name: str) -> tuple[Check, ...]:
        return tuple(c for c in self.check if name in (c.dataset, c.against))

    @model_validator(mode="after")
    def _checks_name_columns(self) -> Catalog:
        specs = {spec.name: spec for spec in self.dataset}
        for check in self.check:
            for role, name, wanted in (
                ("dataset", check.dataset, check.columns_of_dataset()),
                ("against", check.against, check.columns_of_against()),
            ):
                if name is None:
                    continue
                if name not in specs:
                    raise ValueError(f"a {check.kind} check names unknown {role} {name!r}")
                unknown = [c for c in wanted if c not in specs[name].column_names]
                if unknown:
                    raise ValueError(f"a {check.kind} check names unknown columns {unknown} of {name}")
        return self


@cache
def catalog() -> Catalog:
    """The bundled catalog, parsed and validated once."""
    text = resources.files("curul.data").joinpath("catalog.toml").read_text(encoding="utf-8")
    return Catalog.model_validate(tomllib.loads(text))
