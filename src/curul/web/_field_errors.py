"""A user's mistake in one form field, and the mapping from the library's errors to the page's fields.

The library's ``ArgumentError`` names its argument, which :func:`form_fields` maps to the page's field;
an ``InputError`` in an uploaded file keeps its line, column and column name, under the upload's field;
any other ``CurulError`` falls on the field the page names as the default. ``_errors`` answers them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from curul.errors import ArgumentError, CurulError, InputError


@dataclass
class FieldError(Exception):
    """A mistake in one form field (``field``), told in ``message``; answered with ``status``."""

    field: str | None
    message: str
    status: int = 422

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
