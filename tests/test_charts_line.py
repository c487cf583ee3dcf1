"""The SVG line chart: well-formed, accessible, gaps kept, bands clipped, no inline styles."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

from fibrolog.charts import Band, Marker, line_chart, rolling_mean

NS = {"s": "http://www.w3.org/2000/svg"}
START = date(2026, 1, 1)


def _svg(**kw):
    args = {"title": "Pain", "start": START, "values": [5.0] * 10, "low": 0, "high": 10}
    return line_chart(**{**args, **kw})


def _tree(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_it_is_well_formed_and_labelled_for_screen_readers():
    root = _tree(_svg(chart_id="c-pain", values=[3, 5, None, 8]))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c-pain-title c-pain-desc"
    desc = root.find("s:desc", NS).text
    assert desc == (
        "Pain over 4 days from 1 Jan 2026: logged on 3 days, average 5.3, "
        "lowest 3, highest 8. Higher is worse."
    )


def test_it_breaks_the_line_at_every_missing_day():
    values = [1, 2, None, 3, 4, 5, None, None, 6, 7]
    path = _tree(_svg(values=values)).find("s:path[@class='chart-line']", NS)
    assert path.get("d").count("M") == 3  # three runs of logged days


def test_it_draws_a_lone_day_as_a_dot_even_on_a_long_chart():
    values = [None] * 200
    values[100] = 4.0
    root = _tree(_svg(values=values))
    assert len(root.findall("s:circle[@class='chart-dot']", NS)) == 1


def test_it_escapes_titles_and_labels():
    svg = _svg(
        title='Pain & "fog" <b>',
        bands=[Band(START, START, "A&B <x>")],
        markers=[Marker(START, "tag <i>")],
    )
    root = _tree(svg)
    assert root.find("s:title", NS).text == 'Pain & "fog" <b>'
    assert "<b>" not in svg and "<x>" not in svg and "<i>" not in svg


def test_it_uses_classes_never_inline_styles():
    svg = _svg(
        values=[1.0] * 100,
        bands=[Band(START, START + timedelta(days=50), "LDN 4.5 mg")],
        flares=[Band(START, START + timedelta(days=3), "flare")],
    )
    assert "style=" not in svg and "<style" not in svg
    classes = set(re.findall(r'class="([^"]+)"', svg))
    assert {"chart-line", "chart-mean", "chart-band", "chart-flare", "chart-grid"} <= classes


def test_it_adds_a_seven_day_mean_only_beyond_30_days():
    assert "chart-mean" not in _svg(values=[5.0] * 30)
    assert "chart-mean" in _svg(values=[5.0] * 31)


def test_it_means_only_over_logged_days_and_needs_three():
    means = rolling_mean([2, None, 4, None, 6, None, None, None, None, None])
    assert means[:4] == [None, None, None, None]
    assert means[4] == 4.0  # (2 + 4 + 6) / 3 logged days
    assert means[9] is None  # only one logged day left in the window


def test_it_clips_bands_and_flares_to_the_window():
    long_before = Band(START - timedelta(days=400), START + timedelta(days=4), "Vitamin D")
    after = Band(START + timedelta(days=50), START + timedelta(days=60), "later")
    root = _tree(_svg(bands=[long_before, after], flares=[after]))
    rects = root.findall("s:rect[@class='chart-band']", NS)
    assert len(rects) == 1 and float(rects[0].get("x")) >= 46
    assert not root.findall("s:rect[@class='chart-flare']", NS)


def test_it_puts_overlapping_treatments_on_separate_rows():
    a = Band(START, START + timedelta(days=9), "A")
    b = Band(START + timedelta(days=2), START + timedelta(days=9), "B")
    c = Band(START + timedelta(days=10), START + timedelta(days=20), "C")  # follows A: A's row
    ys = [
        r.get("y")
        for r in _tree(_svg(values=[5.0] * 30, bands=[a, b, c])).findall(
            "s:rect[@class='chart-band']", NS
        )
    ]
    assert len(set(ys)) == 2


def test_it_says_when_nothing_was_logged():
    svg = _svg(values=[None] * 30)
    assert "nothing logged in this period" in svg
    assert _tree(svg).find("s:desc", NS).text.endswith("nothing logged in this period.")


def test_it_clips_values_outside_the_scale_and_handles_a_constant_series():
    root = _tree(_svg(values=[-5, 20, 5, 5]))
    ys = [float(c.get("cy")) for c in root.findall("s:circle", NS)]
    assert min(ys) >= 14 and max(ys) <= 190


def test_it_draws_five_years_of_days():
    values = [float(i % 11) if i % 9 else None for i in range(1826)]
    root = _tree(
        _svg(
            values=values,
            markers=[Marker(START + timedelta(days=i), "t") for i in range(0, 1826, 30)],
        )
    )
    labels = [t.text for t in root.findall("s:text[@class='chart-axis']", NS)]
    assert labels == ["2026", "2027", "2028", "2029", "2030"]  # years, beyond ~13 months
