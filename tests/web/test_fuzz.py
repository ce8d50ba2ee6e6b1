"""The JSON and CSV routes fuzzed from their OpenAPI schema (schemathesis, in-process): whatever the
parameters, no answer is a server error."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from curul.web import create_app

_folder = Path(tempfile.mkdtemp(prefix="curul-fuzz-"))
app = create_app(f"sqlite:///{_folder / 'fuzz.sqlite3'}")
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error(case):
    case.call_and_validate(checks=[not_a_server_error])
