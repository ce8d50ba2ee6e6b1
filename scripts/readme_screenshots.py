"""Take the README's screenshots of the dashboard (docs/img/hoy.png, docs/img/que-pasaria.png): a
``curul serve`` on a free loopback port, Debian's Chromium through Playwright, a 1100 x 760 viewport,
the PNG reduced to a 64-colour palette so it stays small. Run: .venv/bin/python scripts/readme_screenshots.py
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SHOTS = {
    "hoy": ("/?fecha=2026-12-02#camaras", 0),
    "que-pasaria": (
        "/que-pasaria?fecha=2026-12-14&e1_tipo=vacancy_vote&e1_fecha=2026-12-15&e1_cargo=president"
        "&e1_camara=deputies&e1_si=90&e1_no=35&e2_tipo=vacancy_vote&e2_fecha=2026-12-16&e2_cargo=president"
        "&e2_camara=senate&e2_si=41&e2_no=17",
        0,
    ),
}


def main() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    folder = tempfile.mkdtemp(prefix="curul-shots-")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "curul",
            "serve",
            "--port",
            str(port),
            "--db",
            f"sqlite:///{folder}/s.sqlite3",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/static/curul.css", timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=os.environ.get("CURUL_CHROMIUM", "/usr/bin/chromium"),
                args=["--no-sandbox", "--disable-gpu"],
            )
            for name, (path, _) in SHOTS.items():
                page = browser.new_page(viewport={"width": 1100, "height": 760})
                page.goto(base + path)
                if name == "que-pasaria":
                    page.locator("#resultado").scroll_into_view_if_needed()
                png = page.screenshot()
                image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=64)
                target = ROOT / "docs" / "img" / f"{name}.png"
                target.parent.mkdir(exist_ok=True)
                image.save(target, optimize=True)
                print(f"{target.relative_to(ROOT)}: {target.stat().st_size:,} bytes")
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
