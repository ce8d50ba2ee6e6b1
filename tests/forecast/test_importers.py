from importlib import resources

import pytest

from curul.forecast import import_shared_polls, parse_polls


def test_bundled_polls_are_the_importer_output(shared_polls):
    result = import_shared_polls(shared_polls)
    for name, rows in result.files.items():
        text = resources.files("curul.forecast").joinpath("polls", name).read_text(encoding="utf-8")
        assert parse_polls(text, name) == rows, name


def test_post_blackout_and_undated_rows_are_dropped(shared_polls):
    result = import_shared_polls(shared_polls)
    reasons = {(d.file, d.reason.split(",")[0]) for d in result.dropped}
    # polls_2021_r1.csv flags two private polls as circulated after the blackout.
    assert ("polls_2021_r1.csv", "post-blackout private poll") in reasons
    assert not any(
        r.published is None and r.field_end is None for rows in result.files.values() for r in rows
    )


def test_2026_wave_dates_are_reconciled(shared_polls):
    rows = import_shared_polls(shared_polls).files["peru-2026-r1.csv"]
    # polls_2026_r1.csv dates this CPI wave as the whole of November; the waves file has 26-30 Nov, n=1200.
    cpi_nov = [r for r in rows if r.pollster == "CPI" and r.candidate == "Cesar Acuna" and r.share == 2.8]
    assert [(str(r.field_start), str(r.field_end), r.sample_n) for r in cpi_nov] == [
        ("2025-11-26", "2025-11-30", 1200)
    ]
    # The Datum wave published 8 March: fieldwork 27 Feb - 4 Mar, n=1,501 (waves file, Correo).
    datum = {
        (str(r.field_start), str(r.field_end), r.sample_n) for r in rows if str(r.published) == "2026-03-08"
    }
    assert datum == {("2026-02-27", "2026-03-04", 1501)}
    # IEP's January wave had no date at all; the waves file dates its publication 25 Jan.
    iep = {str(r.published) for r in rows if r.pollster == "IEP" and r.field_start is None}
    assert "2026-01-25" in iep


def test_waves_described_only_in_notes_are_imported(shared_polls):
    result = import_shared_polls(shared_polls)
    rows = result.files["peru-2026-r1.csv"]
    # waves file, "CPI 1-4 Apr 2026 simulacro":
    # "valid votes: KF 16.2 RLA 13.0 Alvarez 11.8 LC 8.3 Nieto 6.4 Belmont 5.9"
    cpi = {
        r.candidate: r.share
        for r in rows
        if r.pollster == "CPI" and r.poll_type == "simulated_ballot" and str(r.field_end) == "2026-04-04"
    }
    assert cpi == {
        "Keiko Fujimori": 16.2,
        "Rafael Lopez Aliaga": 13.0,
        "Carlos Alvarez": 11.8,
        "Alfonso Lopez Chau": 8.3,
        "Jorge Nieto": 6.4,
        "Ricardo Belmont": 5.9,
    }
    assert {r.basis for r in rows if r.pollster == "CPI" and str(r.field_end) == "2026-04-04"} == {
        "valid_votes"
    }
    # "Ipsos 1-2 Apr 2026 simulacro ... emitted: ...; blank/null 26"
    ipsos = [
        r
        for r in rows
        if r.pollster == "Ipsos" and r.poll_type == "simulated_ballot" and r.option != "candidate"
    ]
    assert [(str(r.field_end), r.basis, r.option, r.share) for r in ipsos] == [
        ("2026-04-02", "emitted_votes", "blank_null", 26.0)
    ]
    # "CPI Ene I 2026 ... blank/viciado/no vote 18.8; undecided 30.5" completes a wave of the poll file.
    jan = {r.option: r.share for r in rows if r.pollster == "CPI" and str(r.field_end) == "2026-01-16"}
    assert jan["blank_null"] == 18.8 and jan["undecided"] == 30.5
    # "Olivera" names no candidate of the poll file: left out, with a reason.
    assert any(d.candidate == "Olivera" for d in result.dropped)


def test_2026_runoff_polls_keep_their_bases_and_sources(shared_polls):
    """polls_2026_r2.csv writes its bases in words, names pollsters with their clients, gives the
    blank and undecided shares only in notes, and dates some waves only by their fieldwork."""
    from datetime import date

    from curul.forecast import group_polls

    rows = import_shared_polls(shared_polls).files["peru-2026-r2.csv"]
    shared = (shared_polls / "polls_2026_r2.csv").read_text(encoding="utf-8")
    assert all(r.source and r.source.split(" ; ")[0] in shared for r in rows)
    waves = {
        (p.pollster, str(p.first.field_start), str(p.first.field_end), p.basis): p for p in group_polls(rows)
    }
    # "Datum (El Comercio)" is Datum, the client kept in the population: its 26-30 May wave is one
    # wave on two bases, the raw one (all respondents) and the valid-vote one (Datum's own report).
    raw = waves["Datum", "2026-05-26", "2026-05-30", "all_respondents"]
    valid = waves["Datum", "2026-05-26", "2026-05-30", "valid_votes"]
    assert valid.first.population == "for El Comercio" and raw.candidates() == {
        "Keiko Fujimori": 39.7,
        "Roberto Sanchez Palomino": 35.4,
    }
    assert valid.candidates() == {"Keiko Fujimori": 52.9, "Roberto Sanchez Palomino": 47.1}
    # "2026-05-31 (PDF timestamp 260531)": the date, the remark kept in the note.
    assert valid.first.published == date(2026, 5, 31) and "PDF timestamp 260531" in valid.first.note
    # Ipsos's last publishable poll (29-30 May) has no publication date; the file holds only polls
    # published before the blackout, so it is dated the last legal day, 31 May, not 1 June.
    ipsos = waves["Ipsos", "2026-05-29", "2026-05-30", "valid_votes"]
    assert ipsos.first.published == date(2026, 5, 31) and "last legal day" in ipsos.first.note
    # CIT 26-29 May: field end + 2 days is already 31 May, so no date is invented.
    assert waves["CIT", "2026-05-26", "2026-05-29", "all_respondents"].first.published is None
    # "blank/null 17, undecided 7" in the note of Ipsos 23-24 Apr become its non-choice rows.
    april = waves["Ipsos", "2026-04-23", "2026-04-24", "all_respondents"]
    assert {r.option: r.share for r in april.rows if r.option != "candidate"} == {
        "blank_null": 17.0,
        "undecided": 7.0,
    }
    # The flagged IEP wave's note names no figure ("blank/null not read as an option"): no row added.
    flagged = waves["IEP", "2026-05-22", "2026-05-26", "all_respondents"]
    assert all(r.option == "candidate" for r in flagged.rows) and "no primary source" in flagged.first.note


def test_cli_import_writes_all_files_or_none(cli, shared_polls, tmp_path):
    import shutil

    out = tmp_path / "out"
    code, _, err = cli("polls", "import", str(shared_polls), "--out", str(out))
    assert code == 2 and err.strip() == f"error: --out: {out}: no such folder (create it first)"
    out.mkdir()
    code, _, err = cli("polls", "import", str(shared_polls), "--out", str(out))
    assert code == 0, err
    for name in ("peru-2016-r1.csv", "peru-2021-r1.csv", "peru-2026-r1.csv", "peru-2026-r2.csv"):
        bundled = resources.files("curul.forecast").joinpath("polls", name).read_text(encoding="utf-8")
        assert (out / name).read_text(encoding="utf-8") == bundled
    broken = tmp_path / "broken"
    shutil.copytree(shared_polls, broken)
    path = broken / "polls_2026_r1.csv"
    text = path.read_text(encoding="utf-8").replace(",14.6,", ",146,", 1)
    path.write_text(text, encoding="utf-8")
    out2 = tmp_path / "out2"
    out2.mkdir()
    code, stdout, err = cli("polls", "import", str(broken), "--out", str(out2))
    assert code == 2 and stdout == ""
    header = (shared_polls / "polls_2026_r1.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    line = next(i for i, row in enumerate(text.splitlines(), start=1) if ",146," in row)
    where = f"{path}:{line}:{header.index('pct') + 1}: pct"
    assert err.strip() == f"error: {where}: 146.0 is not a percentage between 0 and 100"
    assert list(out2.iterdir()) == []


def test_import_refuses_renamed_columns_bad_bytes_and_impossible_dates(cli, shared_polls, tmp_path):
    """Each was a traceback (KeyError, UnicodeDecodeError, ValueError) before the import read through
    curul.inputs; now one line at the place, and nothing written."""
    import shutil

    original = (shared_polls / "polls_2016_r1.csv").read_bytes()
    header = original.split(b"\n", 1)[0].decode().split(",")
    first = original.split(b"\n")[1].decode()
    cases = [
        (original.replace(b",pct,", b",share,", 1),
         f"1:{header.index('pct') + 1}: unknown column 'share' (expected: pollster, poll_type, candidate"),
        (original.replace(b"candidate,", b"", 1).replace(first.encode(), b"", 1),
         f"1:{len(header)}: header lacks column 'candidate' (expected: pollster"),
        (original.replace(first.encode(), first.encode().replace(b"Keiko", b"K\xe9iko"), 1),
         f"2:{first.index('Keiko') + 2}: not UTF-8 text: byte 0xe9 cannot be read"),
        (original.replace(first.encode(), first.replace(first.split(",")[4], "2016-02-31").encode(), 1),
         "2:5: field_end: '2016-02-31' is not a date (YYYY-MM-DD)"),
        (original.replace(first.encode(), first.replace(first.split(",")[4], "1e30").encode(), 1),
         "2:5: field_end: '1e30' is not a date (YYYY-MM-DD, optionally with a remark in parentheses, "
         "or YYYY-MM)"),
        (original.replace(first.encode(), first.replace(first.split(",")[4], "2016-13").encode(), 1),
         "2:5: field_end: '2016-13-01' is not a date (YYYY-MM-DD)"),
        (original.replace(first.encode(), (first + "\n" + first).encode(), 1),
         f"3:{header.index('candidate') + 1}: candidate: duplicate row (candidate=Keiko Fujimori, "),
        (original.split(b"\n", 1)[0] + b"\n",
         "2:1: no poll rows (only a header)"),
    ]  # fmt: skip
    assert "Keiko" in first and header[4] == "field_end" and ",1800.0," in first
    for number, (text, message) in enumerate(cases):
        broken = tmp_path / f"broken{number}"
        shutil.copytree(shared_polls, broken)
        (broken / "polls_2016_r1.csv").write_bytes(text)
        out = tmp_path / f"out{number}"
        out.mkdir()
        code, stdout, err = cli("polls", "import", str(broken), "--out", str(out))
        assert code == 2 and stdout == "" and list(out.iterdir()) == []
        (line,) = err.strip().splitlines()
        assert line.startswith(f"error: {broken / 'polls_2016_r1.csv'}:{message}"), line


def test_an_import_is_a_result_written_only_when_asked(tmp_path):
    from curul.forecast import ImportResult, bundled_rows, format_polls
    from curul.forecast._shared_files import Dropped

    rows = bundled_rows("peru-2021", 2)
    result = ImportResult({"peru-2021-r2.csv": rows}, (Dropped("polls_2021_r2.csv", 7, "X", "a reason"),))
    assert result.as_dict() == {
        "files": {"peru-2021-r2.csv": len(rows)},
        "dropped": [{"file": "polls_2021_r2.csv", "line": 7, "candidate": "X", "reason": "a reason"}],
    }
    assert result.report().to_text().splitlines() == [
        f"peru-2021-r2.csv: {len(rows)} rows",
        "1 rows left out (use --json to list them)",
    ]
    assert not any(tmp_path.iterdir())
    with pytest.raises(FileNotFoundError):
        result.write(tmp_path / "out")  # no folder is created for a mistyped path
    (tmp_path / "out").mkdir()
    result.write(tmp_path / "out")
    assert (tmp_path / "out" / "peru-2021-r2.csv").read_text(encoding="utf-8") == format_polls(rows)
    lines = result.report(folder=tmp_path / "out").to_text().splitlines()
    assert lines[0] == f"{tmp_path / 'out' / 'peru-2021-r2.csv'}: {len(rows)} rows"
    assert list(result.to_frame().columns) == ["file", "line", "candidate", "reason"]
    assert result.to_frame("files").loc["peru-2021-r2.csv", "rows"] == len(rows)
    assert "1 rows left out" in result._repr_html_()


def test_a_date_may_carry_a_remark_but_a_partial_date_is_no_date():
    from datetime import date

    from curul.forecast._shared_files import iso_date

    assert iso_date("2026-05-31 (PDF timestamp 260531)") == date(2026, 5, 31)
    assert iso_date(" 2026-05-31 ") == date(2026, 5, 31)
    assert iso_date("2026-01") is None and iso_date("") is None and iso_date("31 May 2026") is None
