"""Every source a bundled dataset or composition gives is a citation someone can follow.

The forms a source may take are documented in ``src/curul/data/catalog.toml`` (column type
``source``): one URL; several, separated by `` ; ``; a URL followed by a note in parentheses; or a
text citation (a resolution, a law, a repository at a commit, pages named by their URLs) in which any
URL is itself well formed.
The 2021-07 composition's source was two URLs glued into one (an unrelated Andina article, then
``/www.instagram.com/img/``, then the JNE report): the rule below rejects that shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

import curul.data
from curul.congress import compositions

URL = re.compile(r"https?://\S+")
HOST = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
# A path that goes on after a page (x.aspx/...) or names another host is two addresses run together.
GLUED = re.compile(r"://|(^|/)www\.|\.(aspx|html?|php|pdf)/", re.IGNORECASE)


def url_problem(url: str) -> str | None:
    """Why ``url`` is not one well-formed address, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "not http(s)"
    if not parts.hostname or not HOST.match(parts.hostname):
        return f"bad host {parts.hostname!r}"
    rest = url[len(f"{parts.scheme}://{parts.netloc}") :]
    if GLUED.search(rest):
        return "two addresses run together"
    return None


def source_problem(text: str) -> str | None:
    """Why a source field is not one of the documented citation forms, or None."""
    if not text.strip():
        return "empty"
    for part in text.split(" ; "):
        part = part.strip()
        if len(URL.findall(part)) > 1 and not URL.sub("", part).strip():
            return f"{part!r}: several URLs not separated by ' ; '"
        for url in URL.findall(part):
            problem = url_problem(url.rstrip(").,;"))
            if problem:
                return f"{url!r}: {problem}"
    return None


def _sources(value: Any, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _sources(v, k)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _sources(v, key)
    elif isinstance(value, str) and "source" in key and value:
        yield value


def test_the_rule_rejects_the_glued_2021_url_and_accepts_its_repair():
    # The stored page and its canonical address: Andina, 12 Jun 2021, "JNE oficializa distribución de
    # escaños en el Congreso para periodo 2021-2026" (Res. 0602-2021-JNE).
    glued = (
        "https://andina.pe/agencia/noticia-agencias-viajes-y-turismo-se-suman-a-lucha-contra-lavado-"
        "activos-685680.aspx/www.instagram.com/img/noticia-jne-oficializa-distribucion-escanos-el-"
        "congreso-para-periodo-20212026-848958.aspx"
    )
    fixed = "https://andina.pe/agencia/noticia-jne-oficializa-distribucion-escanos-el-congreso-para-periodo-20212026-848958.aspx"
    assert source_problem(glued) == f"{glued!r}: two addresses run together"
    assert source_problem(f"Andina report of JNE Resolucion 0602-2021-JNE, {glued}") is not None
    assert source_problem("https://a.pe/x https://b.pe/y") is not None  # two URLs, no separator
    assert source_problem(fixed) is None and source_problem(f"{fixed} ; https://b.pe/y (mirror)") is None
    assert source_problem("JNE Res. 0053-2025-JNE: 1 per district") is None


@pytest.mark.parametrize("name", curul.data.names())
def test_every_dataset_source_is_a_documented_citation(name):
    spec = curul.data.spec_of(name)
    columns = [c.name for c in spec.columns if c.type == "source" or c.name == "second_source"]
    assert columns
    bad = {
        (column, getattr(row, column), source_problem(getattr(row, column)))
        for row in curul.data.load(name).rows
        for column in columns
        if getattr(row, column) and source_problem(getattr(row, column))
    }
    assert not bad


def test_every_composition_source_is_a_documented_citation():
    found = [s for c in compositions() for s in _sources(c.as_dict())]
    assert len(found) >= len(compositions())  # every composition has one
    assert {s: source_problem(s) for s in found if source_problem(s)} == {}
    by_id = {c.id: c for c in compositions()}
    assert by_id["2021-07"].source.startswith("https://andina.pe/agencia/noticia-jne-oficializa-")
