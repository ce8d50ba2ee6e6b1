"""The terms timeline: one bar per term on a shared axis, proportional to the days in office."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from curul.viz import TimelineSpan, timeline_svg

NS = "{http://www.w3.org/2000/svg}"


def _spans():
    # Two real terms (curul history): Kuczynski 2016-07-28 to 2018-03-23, Vizcarra to 2020-11-09,
    # and Merino's five days, which still get a visible bar.
    return [
        TimelineSpan("Kuczynski", dt.date(2016, 7, 28), dt.date(2018, 3, 23), "1"),
        TimelineSpan("Vizcarra", dt.date(2018, 3, 23), dt.date(2020, 11, 9), "2"),
        TimelineSpan("Merino", dt.date(2020, 11, 10), dt.date(2020, 11, 15), "3"),
    ]


def test_one_labelled_bar_per_term_with_title_and_role():
    root = ET.fromstring(timeline_svg(_spans(), title="Presidents", description="three terms", highlight="2"))
    assert root.get("role") == "img"
    assert root.find(f"{NS}title").text == "Presidents"
    assert root.find(f"{NS}desc").text == "three terms"
    terms = [g for g in root.iter(f"{NS}g") if "term" in (g.get("class") or "")]
    assert [g.find(f"{NS}text").text for g in terms] == ["Kuczynski", "Vizcarra", "Merino"]
    assert [g.get("class") for g in terms] == ["term", "term current", "term"]
    assert not any(el.get("style") for el in root.iter())  # CSP-safe: attributes only


def test_bar_widths_are_proportional_to_days_in_office():
    root = ET.fromstring(timeline_svg(_spans(), title="t"))
    widths = [float(r.get("width")) for r in root.iter(f"{NS}rect")]
    # 603 and 962 days of a 1571-day axis (2016-07-28 to 2020-11-15), over 400 - 2*8 units
    assert widths[0] == pytest.approx(384 * 603 / 1571, abs=0.06)
    assert widths[1] == pytest.approx(384 * 962 / 1571, abs=0.06)
    assert widths[2] == pytest.approx(2.5)  # 5 days would be 1.2 units: the minimum bar


def test_no_spans_is_an_error():
    with pytest.raises(ValueError):
        timeline_svg([], title="t")
