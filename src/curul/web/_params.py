"""GET parameters every page shares, declared once so the OpenAPI schema (and its fuzzing) knows them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from curul.web._i18n import LangCode

Lang = Annotated[LangCode, Query(description="Language of the page: es (default) or en.")]
Table = Annotated[
    str | None,
    Query(max_length=40, pattern=r"^[a-z_]+$", description="With .csv: which of the page's tables."),
]
