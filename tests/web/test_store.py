"""Saved scenarios against SQLite and a throwaway PostgreSQL: the migration, save and fetch, the
recorded version and data checksum, and the /s/<hash> permalink both ways."""

from __future__ import annotations

import hashlib
import uuid
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text

from curul import __version__
from curul.web import create_app, upgrade
from curul.web._database import database_url as resolve
from curul.web._database import engine_for
from curul.web._store import ScenarioStore, data_checksum, scenario_hash


def test_migration_creates_the_table_and_is_idempotent(database_url):
    engine = engine_for(database_url)
    assert upgrade(engine) == "0001"
    assert upgrade(engine) == "0001"
    columns = {c["name"] for c in inspect(engine).get_columns("saved_scenarios")}
    assert columns == {"hash", "page", "params", "curul_version", "data_checksum", "created_at"}


def test_save_and_fetch_round_trip(database_url):
    engine = engine_for(database_url)
    upgrade(engine)
    store = ScenarioStore(engine)
    params = {"sistema": "peru-2016", "metodo": "hare", "run": uuid.uuid4().hex}  # unique per run
    saved = store.save("seats", params)
    assert saved.hash == scenario_hash("seats", params) and len(saved.hash) == 12
    assert store.save("seats", dict(reversed(params.items()))).hash == saved.hash  # same content, one row
    fetched = store.get(saved.hash)
    assert fetched is not None
    assert (fetched.page, fetched.params) == ("seats", params)
    assert (fetched.curul_version, fetched.data_checksum) == (__version__, data_checksum())
    assert fetched.current and fetched.created_at.tzinfo is not None
    assert store.get("0" * 12) is None
    # a typed select() gives the JSON column back as a mapping on both databases (WEB.md's pitfall
    # is raw text() on SQLite)
    with engine.connect() as connection:
        assert connection.execute(text("select count(*) from saved_scenarios")).scalar_one() >= 1


def test_data_checksum_covers_the_shipped_data_files():
    # recomputed independently: every CSV and TOML under curul/ outside curul/web, path then bytes
    root = Path(str(resources.files("curul")))
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".csv", ".toml") and p.is_file()):
        relative = path.relative_to(root)
        if relative.parts[0] == "web":
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes())
    assert data_checksum() == digest.hexdigest()


def test_permalink_saves_and_rebuilds_the_page(database_url):
    with TestClient(create_app(database_url), raise_server_exceptions=False) as client:
        run = uuid.uuid4().hex[:6]
        answer = client.post(
            "/s", data={"page": "seats", "sistema": "peru-2011", "metodo": "droop", "ignored": run},
            follow_redirects=False,
        )  # fmt: skip
        assert answer.status_code == 303
        link = answer.headers["location"]
        assert link == f"/s/{scenario_hash('seats', {'sistema': 'peru-2011', 'metodo': 'droop'})}"
        page = client.get(link)
        assert page.status_code == 200
        assert "peru-2011" in page.text and "Escenario guardado" in page.text
        twin = client.get(link + ".json").json()
        assert twin["saved"]["params"] == {"sistema": "peru-2011", "metodo": "droop"}
        assert twin["saved"]["curul_version"] == __version__
        assert twin["result"]["method"] == "droop" and twin["result"]["system"] == "peru-2011"
        json_save = client.post(
            "/s", data={"page": "history", "t": "3"}, headers={"Accept": "application/json"}
        )
        assert json_save.status_code == 201 and json_save.json()["url"].startswith("/s/")


def test_permalink_mistakes(client):
    assert client.get("/s/" + "0" * 12).status_code == 404
    assert client.get("/s/not-a-hash").status_code == 422
    unknown = client.post("/s", data={"page": "nope"}, headers={"Accept": "application/json"})
    assert unknown.status_code == 422 and unknown.json()["error"]["field"] == "page"


def test_database_url_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("CURUL_DATABASE_URL", raising=False)
    assert resolve().startswith("sqlite:///") and resolve().endswith("scenarios.sqlite3")
    monkeypatch.setenv("CURUL_DATABASE_URL", "postgresql+psycopg://u@127.0.0.1:1/x")
    assert resolve() == "postgresql+psycopg://u@127.0.0.1:1/x"
    assert resolve(f"sqlite:///{tmp_path}/a.db") == f"sqlite:///{tmp_path}/a.db"
    from curul.errors import ArgumentError

    with pytest.raises(ArgumentError, match="only sqlite"):
        resolve("mysql://u@h/db")
    with pytest.raises(ArgumentError, match="does not exist"):
        engine_for(f"sqlite:///{tmp_path}/missing/a.db")
