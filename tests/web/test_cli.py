"""``curul db upgrade`` and ``curul serve``'s options, through the real command."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request


def test_db_upgrade_creates_and_migrates(curul_cli, tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    done = curul_cli("db", "upgrade", "--db", url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "database at revision 0001"
    assert (tmp_path / "db.sqlite3").is_file()
    again = curul_cli("db", "upgrade", "--db", url, "--json")
    assert json.loads(again.stdout) == {"database": url, "revision": "0001"}


def test_a_bad_database_is_one_line_naming_the_option(curul_cli, tmp_path):
    done = curul_cli("db", "upgrade", "--db", f"sqlite:///{tmp_path}/missing/db.sqlite3")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"error: --db: the folder {tmp_path}/missing does not exist"]
    done = curul_cli("serve", "--db", "mysql://u@h/x")
    assert done.returncode == 2 and "--db: only sqlite" in done.stderr


def test_serve_help_names_its_options(curul_cli):
    done = curul_cli("serve", "--help")
    assert done.returncode == 0
    for option in ("--host", "--port", "--db", "--workers"):
        assert option in done.stdout
    refused = curul_cli("serve", "--workers", "0")
    assert refused.returncode == 2 and "--workers" in refused.stderr


def test_serve_with_two_workers_answers_from_a_migrated_database(tmp_path):
    """``--workers 2``: the parent migrates the database once, then both workers serve the same app."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = tmp_path / "db.sqlite3"
    command = [sys.executable, "-m", "curul", "serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen([*command, "--db", f"sqlite:///{db}"], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        assert "with 2 workers" in server.stdout.readline()
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/seats", timeout=30) as answer:
                    seats = json.load(answer)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        # peru-2016's official count: Fuerza Popular 73 of 130 seats (JNE, curul seats --official)
        assert seats["system"] == "peru-2016" and seats["seats"]["FUERZA POPULAR"] == 73
        assert db.is_file()
    finally:
        server.terminate()
        server.wait(timeout=30)
