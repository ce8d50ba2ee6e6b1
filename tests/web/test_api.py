"""The JSON API: its index, English parameter names in errors, the same data as the pages, and the
whole schema fuzzed with schemathesis (every endpoint, generated parameters): never a 5xx."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from curul.web import create_app
from curul.web.pages.api import ENDPOINTS

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "rollcalls"


def test_the_index_lists_every_endpoint_and_the_schema_has_them(client):
    index = client.get("/api/", headers={"Accept": "application/json"}).json()
    assert [e["path"] for e in index["endpoints"]] == [p for p, _, _ in ENDPOINTS]
    paths = client.get("/openapi.json").json()["paths"]
    assert all(p in paths for p, _, _ in ENDPOINTS)


def test_the_api_gives_the_pages_data_with_english_names(client):
    assert (
        client.get("/api/power?composition=2021-07").json()
        == client.get("/poder.json?composicion=2021-07").json()
    )
    bad = client.get("/api/power?threshold=999")
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "threshold"
    bad = client.get("/api/forecast?sims=500&candidate=Nadie&points=1")
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "candidate"
    assert client.get("/api/forecast?sims=100").json()["error"]["field"] == "sims"


def test_a_refused_parameter_is_named_once_and_each_other_one_by_its_name(client):
    bad = client.get("/api/state?date=2026-12-021")
    assert bad.status_code == 422
    assert bad.json()["error"] == {
        "status": 422, "field": "date", "message": "String should have at most 10 characters"
    }  # fmt: skip
    two = client.get("/api/history?t=0&lang=xx").json()["error"]
    assert two["field"] == "t"
    assert two["message"].startswith("Input should be greater than or equal to 1; lang: ")


def _fuzzed_app():
    """The app the schema is read from and called on: a fresh SQLite file, the shared roll calls."""
    if DATA.is_dir():
        os.environ.setdefault("CURUL_ROLLCALLS", str(DATA.resolve()))
    return create_app(f"sqlite:///{Path(tempfile.mkdtemp(prefix='curul-api-')) / 'scenarios.sqlite3'}")


schema = schemathesis.openapi.from_asgi("/openapi.json", _fuzzed_app()).include(path_regex="^/api/")


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_api_request_is_a_server_error(case):
    response = case.call()
    assert response.status_code < 500, case.as_curl_command()
