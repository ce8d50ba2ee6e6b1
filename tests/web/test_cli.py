"""``curul db upgrade`` and ``curul serve``'s options, through the real command."""

from __future__ import annotations

import json


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
    for option in ("--host", "--port", "--db"):
        assert option in done.stdout
