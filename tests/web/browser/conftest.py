"""Browser fixtures: the dashboard served by ``curul serve`` in a subprocess on a free loopback port,
Debian's Chromium driven by Playwright (``playwright install`` would download a browser: not here),
a guard that fails a test if the page requests anything from another origin, screenshots kept under
tests/web/artifacts/, and an axe check."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = os.environ.get("CURUL_CHROMIUM", "/usr/bin/chromium")
REQUIRE = os.environ.get("CURUL_REQUIRE_SHARED") == "1"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/web/browser" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not shutil.which(CHROMIUM):
        if REQUIRE:
            pytest.fail(f"{CHROMIUM} is absent (CURUL_REQUIRE_SHARED=1: apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium fonts-noto-core)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a ``curul serve`` subprocess over a fresh SQLite file."""
    port = _free_port()
    db = tmp_path_factory.mktemp("web") / "scenarios.sqlite3"
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "curul", "serve", "--port", str(port), "--db", f"sqlite:///{db}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/static/curul.css", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.stdout else ""
                    pytest.fail(f"curul serve did not start: {output[-2000:]}")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def open_page(browser, server) -> Iterator[Callable[..., object]]:
    """``open_page(path, scheme="light", width=1280)``: a page in a new context; every request it makes
    is recorded, and the test fails if one leaves the server."""
    contexts = []
    outside: list[str] = []

    def opening(path: str, scheme: str = "light", width: int = 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "request",
            lambda request: None if request.url.startswith(server + "/") else outside.append(request.url),
        )
        page.goto(server + path)
        return page

    yield opening
    for context in contexts:
        context.close()
    assert outside == [], f"requests left the server: {outside}"


@pytest.fixture
def shot(request: pytest.FixtureRequest) -> Callable[[object, str], Path]:
    """Keep a full-page screenshot as a test artefact (tests/web/artifacts/, git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()

    def check(page) -> None:
        results = checker.run(page)
        assert results.violations_count == 0, results.generate_report()

    return check
