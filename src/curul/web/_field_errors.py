"""A user's mistake in one form field, and the mapping from the library's errors to the page's fields.

The library's ``ArgumentError`` names its argument, which :func:`form_fields` maps to the page's field;
an ``InputError`` in an uploaded file keeps its line, column and column name, under the upload's field;
any other ``CurulError`` falls on the field the page names as the default. ``_errors`` answers them.

The page shows a mistake as "field: message", so the message never starts with the field's name:
:class:`FieldError` drops such a prefix (the library's ``ArgumentError`` writes "name: ..." by default),
and :func:`validation_problem` names a refused parameter once, as the field, not again in its message.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from curul.errors import ArgumentError, CurulError, InputError


@dataclass
class FieldError(Exception):
    """A mistake in one form field (``field``), told in ``message``; answered with ``status``. A message
    that starts with the field's name ("fecha: ...") loses that prefix: the page names the field."""

    field: str | None
    message: str
    status: int = 422

    def __post_init__(self) -> None:
        if self.field:
            self.message = self.message.removeprefix(f"{self.field}: ")

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


@contextmanager
def form_fields(default: str | None = None, /, **names: str) -> Iterator[None]:
    """Name a library call's bad arguments by this page's form fields: ``names`` maps a library argument
    (or an input file's column) to the field; a ``CurulError`` that names nothing falls on ``default``."""
    try:
        yield
    except ArgumentError as exc:
        field = names.get(exc.argument, exc.argument)
        raise FieldError(field, exc.naming(field)) from None
    except InputError as exc:
        raise FieldError(names.get(exc.field or "", default), str(exc)) from None
    except CurulError as exc:
        raise FieldError(default, str(exc)) from None


def validation_problem(problems: Iterable[Mapping[str, Any]]) -> tuple[str | None, str]:
    """The field and the message of a request FastAPI refused (``RequestValidationError.errors()``): the
    field is the first refused parameter; each problem is told once, prefixed by its parameter's name
    only when that is not the field."""
    found = list(problems)
    location = [
        str(p) for p in (found[0].get("loc", ()) if found else ()) if p not in ("query", "path", "body")
    ]
    field = ".".join(location) or None
    told = []
    for problem in found:
        name = ".".join(str(p) for p in problem.get("loc", ())[1:])
        text = str(problem.get("msg", "invalid"))
        told.append(text if not name or name == field else f"{name}: {text}")
    return field, "; ".join(told)
