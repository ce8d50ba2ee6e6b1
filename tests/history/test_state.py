"""Who holds power on a date (curul.history.state, curul state) against the record, and the state,
regime and terms following the date for any date 2016-2031."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from curul.constitution import regime_for_date
from curul.history import PowerState, history_events, presidents, state
from curul.report import Presentable

DAY = dt.date(2026, 12, 2)


def test_the_state_on_2_december_2026_names_every_office_with_its_sources() -> None:
    # peru-2026-record.md §2 and §4.1: Fujimori sworn in 28 Jul; Galarreta 1st VP and PCM (R.S.
    # 223-2026-PCM); Torres 2nd VP and President of Congress/Senate (first news 29 Jul); Reto President
    # of the Chamber of Deputies (first news 30 Jul).
    result = state(DAY)
    assert isinstance(result, PowerState) and isinstance(result, Presentable)
    data = result.as_dict()
    offices = data["offices"]
    expected = {
        "president": ("Keiko Fujimori", dt.date(2026, 7, 28)),
        "first_vp": ("Luis Galarreta", dt.date(2026, 7, 28)),
        "second_vp": ("Miguel Torres", dt.date(2026, 7, 28)),
        "pcm": ("Luis Galarreta", dt.date(2026, 7, 28)),
        "president_of_congress": ("Miguel Torres", dt.date(2026, 7, 29)),
        "president_of_senate": ("Miguel Torres", dt.date(2026, 7, 29)),
        "president_of_deputies": ("Oscar Reto", dt.date(2026, 7, 30)),
    }
    assert {k: (v["person"], v["since"]) for k, v in offices.items()} == expected
    assert all(v["sources"] for v in offices.values())
    assert offices["pcm"]["full_name"] == "Luis Fernando Galarreta Velarde"  # cabinet-2026
    assert any(r["dataset"] == "congress-2026-officers" for r in offices["president_of_deputies"]["records"])
    assert "busquedas.elperuano.pe/dispositivo/EX/2538529-1" in " ".join(offices["pcm"]["sources"])
    assert data["regime"] == {
        "id": "peru-2026-bicameral",
        "title": result.regime.title,
        "file": "curul/constitution/regimes/peru-2026-bicameral.toml",
    }
    chambers = data["chambers"]
    # peru-2026-record.md §3.1: Senate FP 22, JPP 14, RP 8, PBG 7, Obras 5, AN 4; Deputies 41/32/18/15/14/10.
    assert (chambers["senate"]["total"], chambers["deputies"]["total"]) == (60, 130)
    assert chambers["senate"]["seats"] == {"FP": 22, "JPP": 14, "RP": 8, "PBG": 7, "Obras": 5, "AN": 4}
    assert chambers["deputies"]["composition"] == "2026-07-deputies" and chambers["deputies"]["source"]
    assert data["record_ends"] == dt.date(2026, 8, 20)
    assert result.to_frame().loc["president", "person"] == "Keiko Fujimori"
    assert "Keiko Fujimori" in result._repr_html_()


def test_lines_of_succession_cite_their_rule_and_article() -> None:
    lines = state(DAY).as_dict()["succession"]
    president = lines["president"]
    assert (president["rule"], president["article"]) == ("B8", "Const. Art. 115 (unchanged by Law 31988)")
    assert [(s["role"], s["person"]) for s in president["order"]] == [
        ("1st Vice President", "Luis Galarreta"),
        ("2nd Vice President", "Miguel Torres"),
        ("President of Congress", "Miguel Torres"),
    ]
    assert {r["name"] for r in president["readings"]} == {"election_call_scope", "interim_vacancy_successor"}
    assert lines["first_vp"]["article"] == "Const. Art. 111"
    assert lines["pcm"]["rule"] == "R11" and "without a confidence question" in lines["pcm"]["says"]
    assert "Councils fallen this term: 0" in lines["pcm"]["says"]
    assert lines["president_of_congress"]["rule"] == "B8" and not lines["president_of_congress"]["confirmed"]
    assert "name not found" in lines["president_of_deputies"]["says"]  # the 1st VP of the Chamber


def test_the_people_in_two_offices_and_what_the_rules_say() -> None:
    dual = {d["person"]: d for d in state(DAY).as_dict()["dual_offices"]}
    assert dual["Luis Galarreta"]["offices"] == ["first_vp", "pcm"]
    assert "silent" in " ".join(dual["Luis Galarreta"]["says"])
    torres = dual["Miguel Torres"]
    assert torres["offices"] == ["second_vp", "president_of_congress", "president_of_senate", "senator"]
    assert "Const. Art. 90" in torres["rules"] and torres["readings"]
    # cabinet-2026 and congress-2026-members: the Interior Minister is an FP senator (national list)
    minister = dual["César Augusto Astudillo Salcedo"]
    assert minister["offices"] == ["minister", "senator"] and "Const. Art. 92" in minister["rules"]
    assert "Oscar Reto" not in dual  # a deputy presiding over his chamber holds no second office


def test_before_the_2026_installation_the_unicameral_composition_and_offices() -> None:
    data = state(dt.date(2026, 3, 1)).as_dict()
    assert data["regime"]["id"] == "peru-1993-unicameral"
    assert data["offices"]["president"]["person"] == "José María Balcázar"
    assert data["offices"]["pcm"]["person"] == "Denisse Miralles"
    assert list(data["chambers"]) == ["congress"] and data["chambers"]["congress"]["composition"] == "2025-07"
    assert "president_of_senate" not in data["offices"]


def test_after_the_record_the_calendar_ends_the_terms() -> None:
    # Arts. 112, 116: Fujimori's term ends on 28 Jul 2031; the boards of 2026-27 end on 26 Jul 2027.
    mid = state(dt.date(2027, 8, 1)).as_dict()
    assert mid["offices"]["president"]["person"] == "Keiko Fujimori"
    assert mid["offices"]["president_of_congress"]["person"] is None  # the 2027-28 board is not recorded
    assert any("annual period that ended 2027-07-26" in s["text"] for s in mid["calendar"])
    late = state(dt.date(2031, 8, 1)).as_dict()
    assert late["offices"]["president"]["person"] is None
    assert late["pending_successor"] == "president-elect (not in the sources)"
    assert late["chambers"]["senate"]["composition"] is None


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=dt.date(2016, 1, 1), max_value=dt.date(2031, 12, 31)))
def test_state_regime_and_terms_follow_the_date(day: dt.date) -> None:
    result = state(day)
    assert result.date == day and result.regime.id == regime_for_date(day).id
    # Independently: the president is the one in the presidents table on that day, if their
    # five-year term (from the regime in force when it began) has not ended.
    expected = None
    for row in presidents():
        since = dt.date.fromisoformat(row.since)
        until = dt.date.fromisoformat(row.until) if row.until else None
        in_office = since <= day and (until is None or day < until)
        if in_office and day < regime_for_date(since).presidential_term_end(since):
            expected = row.name
    assert result.office("president").person == expected
    for office in result.offices:
        assert office.person is None or (office.since is not None and office.since <= day)
    for chamber in result.chambers:
        assert chamber.composition is None or chamber.total == chamber.legal_number
    board_posts = [o for o in result.offices if o.office.startswith("president_of_") and o.person]
    if day.year >= 2028 or (day.year == 2027 and day >= dt.date(2027, 7, 27)):
        assert not board_posts  # no board elected after 2026-27 is in the record


def test_curul_state_cli(curul_cli) -> None:
    result = curul_cli("state", "--date", "2026-12-02", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    names = {k: v["person"] for k, v in data["offices"].items()}
    assert {"Keiko Fujimori", "Luis Galarreta", "Miguel Torres", "Oscar Reto"} <= set(names.values())
    assert sum(data["chambers"]["senate"]["seats"].values()) == 60
    assert sum(data["chambers"]["deputies"]["seats"].values()) == 130
    today = json.loads(curul_cli("state", "--json").stdout)
    assert today["date"] == dt.date.today().isoformat()
    text = curul_cli("state", "--date", "2026-12-02").stdout
    assert "Who holds power on 2026-12-02" in text and "Oscar Reto" in text
    bad = curul_cli("state", "--date", "2026-02-30")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "--date" in bad.stderr


def test_how_each_office_was_filled_in_spanish_is_the_events_spanish_title() -> None:
    """``via_es`` is the Spanish title of the event that filled the office (``label_es`` in events.toml),
    prefixed as ``via`` is when the office is vacant; a calendar step has no Spanish, so it stays empty
    and a Spanish page shows the English words rather than a mixed line."""
    by_title = {e.title: e.title_es for e in history_events()}
    data = state(dt.date(2023, 1, 1)).as_dict()["offices"]
    boluarte, first_vp = data["president"], data["first_vp"]
    assert boluarte["via_es"] == by_title[boluarte["via"]] and boluarte["via_es"] != boluarte["via"]
    assert first_vp["person"] is None and first_vp["via"].startswith("vacant since 2022-12-07: ")
    cause = first_vp["via"].removeprefix("vacant since 2022-12-07: ")
    assert first_vp["via_es"] == f"vacante desde 2022-12-07: {by_title[cause]}"
    late = state(dt.date(2031, 8, 1))
    assert late.office("president").via.startswith("vacant since 2031-07-28: ")
    assert late.office("president").via_es == ""  # the end of the term is a calendar step
