"""Hardening: security headers with a strict CSP, body limits, a generic 500 without a stack trace,
and vendored assets only (checksums checked; no template loads a script, style or image from afar)."""

from __future__ import annotations

import re
import subprocess
from importlib import resources
from pathlib import Path

from fastapi.testclient import TestClient

from curul.web import create_app
from curul.web._security import CSP, MAX_BODY_BYTES

REPO = Path(__file__).resolve().parents[2]
WEB = Path(str(resources.files("curul.web")))


def test_every_response_has_the_security_headers(client):
    for url in ("/historia", "/escanos.json", "/static/curul.css", "/nope"):
        headers = client.get(url).headers
        assert headers["content-security-policy"] == CSP, url
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
    assert "'unsafe-inline'" not in CSP and "'unsafe-eval'" not in CSP
    assert "script-src 'self'" in CSP and "default-src 'none'" in CSP


def test_pages_have_no_inline_script_or_style(client):
    for url in ("/", "/historia?t=1", "/escanos", "/escanos?sistema=peru-2026-senate"):
        html = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
        assert "<style" not in html and " style=" not in html and " on" + "click=" not in html, url


def test_a_body_over_the_limit_is_refused_before_it_is_read(client):
    big = b"district,party,votes\n" + b"x" * (MAX_BODY_BYTES + 1)
    answer = client.post("/escanos", data={"sistema": "peru-2016"}, files={"archivo": ("big.csv", big)})
    assert answer.status_code == 413


def test_a_server_error_is_a_generic_page_without_the_trace(tmp_path):
    app = create_app(f"sqlite:///{tmp_path / 'db.sqlite3'}")

    def broken() -> None:
        raise RuntimeError("secret internals /etc/passwd")

    app.add_api_route("/broken", broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        page = client.get("/broken")
        assert page.status_code == 500
        assert "secret internals" not in page.text and "Traceback" not in page.text
        assert "Error del servidor" in page.text
        twin = client.get("/broken", headers={"Accept": "application/json"})
        assert twin.status_code == 500 and "secret" not in twin.text


def test_vendored_files_match_their_checksums():
    done = subprocess.run(
        [str(REPO / "scripts" / "vendor_web_assets.sh"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    names = (WEB / "static" / "vendor" / "SHA256SUMS").read_text().split()[1::2]
    assert "htmx-2.0.11.min.js" in names and "htmx-2.0.11.LICENSE.txt" in names


def test_no_template_loads_a_script_style_or_image_from_another_site():
    remote = re.compile(r"""<(script|link|img|source|image|use)\b[^>]*\b(src|href)=["']?(https?:)?//""", re.I)
    offenders = [
        f"{path.name}: {m.group(0)}"
        for path in (WEB / "templates").glob("*.html")
        for m in remote.finditer(path.read_text(encoding="utf-8"))
    ]
    css = (WEB / "static" / "curul.css").read_text(encoding="utf-8")
    assert offenders == [] and "url(" not in css and "@import" not in css


def test_every_template_script_is_vendored_or_ours():
    base = (WEB / "templates" / "base.html").read_text(encoding="utf-8")
    for src in re.findall(r'<script src="([^"]+)"', base):
        assert (WEB / src.removeprefix("/")).is_file(), src
