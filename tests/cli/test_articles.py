"""``curul articles``: the article index on the command line."""

from __future__ import annotations

import json


def test_articles_for_one_article(curul_cli) -> None:
    result = curul_cli("articles", "113")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Const. Art. 113\n  code: src/curul/constitution/procedures/vacancy.py")
    data = json.loads(curul_cli("articles", "113", "--json").stdout)
    assert [a["article"] for a in data["articles"]] == ["Const. Art. 113"]


def test_every_article_and_an_unknown_one(curul_cli) -> None:
    every = json.loads(curul_cli("articles", "--json").stdout)["articles"]
    assert {"Const. Art. 113", "Const. Art. 134", "Reglamento del Congreso Art. 12"} <= {
        a["article"] for a in every
    }
    unknown = curul_cli("articles", "999")
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert (
        unknown.stderr.strip()
        == "error: no rule or handler cites article '999' (curul articles lists them all)"
    )
    assert "articles" in curul_cli("--help").stdout
