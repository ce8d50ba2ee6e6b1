"""The vendored chart libraries are the files their checksums name (scripts/vendor_vega.sh), every one
the pages load is there, and the wrapped interpreter exposes what charts.js calls."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "src" / "curul" / "web"
VENDOR = WEB / "static" / "vendor" / "vega"


def test_every_vendored_file_matches_its_checksum():
    lines = (VENDOR / "SHA256SUMS").read_text().splitlines()
    listed = {}
    for line in lines:
        digest, name = line.split(maxsplit=1)
        listed[name] = digest
    assert set(listed) == {p.name for p in VENDOR.iterdir() if p.name != "SHA256SUMS"}
    for name, digest in listed.items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name


def test_the_pages_load_only_vendored_scripts_and_the_interpreter_is_a_global():
    scripts = re.findall(r'src="([^"]+)"', (WEB / "templates" / "_vega_scripts.html").read_text())
    assert scripts and all(s.startswith("/static/") for s in scripts)
    for src in scripts:
        assert (WEB / src.removeprefix("/")).is_file(), src
    wrapped = (VENDOR / "vega-interpreter-2.3.2.js").read_text()
    assert "globalThis.vegaInterpreter = { expressionInterpreter: expression };" in wrapped
    assert not re.search(r"^(import|export) ", wrapped, re.M)
