"""The catalog of bundled datasets (``catalog.toml``): what each file holds and the checks that tie them."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ColumnType = Literal["year", "count", "percent", "name", "text", "source"]


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
    """A consistency rule between columns or datasets, run whenever a dataset is loaded."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: Literal["parts_sum", "group_sum"]
    dataset: str
    total: str
    parts: tuple[str, ...] = ()
    value: str | None = None
    against: str | None = None
    on: tuple[str, ...] = ()
    where: dict[str, str] = Field(default_factory=dict)
    optional: bool = False


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


@cache
def catalog() -> Catalog:
    """The bundled catalog, parsed and validated once."""
    text = resources.files("curul.data").joinpath("catalog.toml").read_text(encoding="utf-8")
    return Catalog.model_validate(tomllib.loads(text))
