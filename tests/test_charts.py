"""Maya's timeline charts: well-formed SVG, honest about gaps, treatments and flares."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import pytest

from fibrolog.charts import (
    Band,
    Expected,
    LineChart,
    Marker,
    Scale,
    Series,
    line_chart,
    rolling_mean,
)

NS = {"s": "http://www.w3.org/2000/svg"}
START = date(2026, 10, 3)
CLASSES = set(
    [
        "chart",
        "chart-line",
        "chart-mean",
        "chart-dot",
        "chart-band",
        "chart-band-label",
        "chart-flare",
        "chart-marker",
        "chart-grid",
        "chart-axis",
        "chart-label",
        "chart-title",
    ]
)
POINT = re.compile(r"([ML])(-?[\d.]+) (-?[\d.]+)")


def chart(*, values=(5.0,) * 30, low=0, high=10, unit="", worse="higher", **kw):
    kw.setdefault("title", "Pain")
    scale = Scale(low, high, unit, worse)
    return line_chart(LineChart(series=Series(START, values), scale=scale, **kw))


def tree(**kw) -> ET.Element:
    return ET.fromstring(chart(**kw))


def find(root, cls, tag="*"):
    return root.findall(f".//s:{tag}[@class='{cls}']", NS)


def points(path) -> list[tuple[str, float, float]]:
    return [(cmd, float(x), float(y)) for cmd, x, y in POINT.findall(path.get("d"))]


def runs(values) -> int:
    return sum(1 for logged, _ in itertools.groupby(values, lambda v: v is not None) if logged)


def grid_ys(root) -> list[float]:
    return [y for _, _, y in points(find(root, "chart-grid")[0])]


def test_it_is_one_responsive_svg_element_labelled_for_screen_readers():
    root = tree(chart_id="chart-pain")
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 720 170"
    assert root.get("width") is None and root.get("height") is None
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-pain-title chart-pain-desc"
    assert root.find("s:title", NS).get("id") == "chart-pain-title"
    assert root.find("s:desc", NS).get("id") == "chart-pain-desc"


def test_it_makes_ids_that_are_safe_to_reference():
    root = tree(chart_id='pain "30" days')
    ids = root.get("aria-labelledby").split()
    assert ids == ["pain--30--days-title", "pain--30--days-desc"]


def test_it_summarises_maya_s_pain_in_plain_words():
    desc = tree(values=[3, 5, None, 8, 6]).find("s:desc", NS).text
    # 4 logged days: (3 + 5 + 8 + 6) / 4 = 5.5
    assert desc == (
        "Pain over 5 days from 3 Oct 2026: logged on 4 days, average 5.5, "
        "lowest 3, highest 8. Higher is worse."
    )


@pytest.mark.parametrize(
    ("worse", "ending"),
    [("higher", "Higher is worse."), ("lower", "Lower is worse."), ("neither", "highest 9 h.")],
)
def test_it_says_which_way_is_worse(worse, ending):
    desc = tree(values=[7, 9], worse=worse, unit="h", high=12).find("s:desc", NS).text
    assert "average 8 h, lowest 7 h, highest 9 h." in desc
    assert desc.endswith(ending)


def test_it_mentions_the_trend_treatments_flares_and_tags_in_the_summary():
    values = [6.0] * 20 + [4.0] * 20  # the last 7 days average 4
    ldn = Band(START, START + timedelta(days=99), "LDN 4.5 mg")
    flare = Band(START + timedelta(days=3), START + timedelta(days=5), "Severe flare")
    desc = tree(values=values, bands=[ldn], flares=[flare], markers=[Marker(START, "travel")])
    text = desc.find("s:desc", NS).text
    assert "The 7-day average went from 6 to 4." in text
    assert "Treatments: LDN 4.5 mg (3 Oct 2026 to 10 Jan 2027)." in text
    assert "1 flare marked. 1 tagged day marked along the top." in text


@pytest.mark.parametrize(
    "values",
    [
        [1, 2, None, 3, 4, 5, None, None, 6, 7],
        [None, 4, None, 4, None, 4, None],
        [None, None, 3, 3, 3, None],
        [5.0] * 12,
    ],
)
def test_it_breaks_the_line_at_every_missing_day(values):
    root = tree(values=values)
    (line,) = find(root, "chart-line")
    pts = points(line)
    assert [cmd for cmd, _, _ in pts].count("M") == runs(values)
    assert len(pts) == sum(v is not None for v in values)
    step = pts[1][1] - pts[0][1] if len(pts) > 1 else 0
    for (_, x0, _), (cmd, x1, _) in itertools.pairwise(pts):
        if cmd == "L":  # a drawn segment only ever joins neighbouring days
            assert x1 - x0 == pytest.approx(step, abs=0.21)  # both ends rounded to 0.1


def test_it_draws_a_dot_for_a_lone_day_even_on_a_year_long_chart():
    values = [5.0] * 365
    values[99] = values[101] = None  # day 100 stands alone
    values[200:204] = [None, 2.0, 3.0, None]
    root = tree(values=values)
    assert len(find(root, "chart-dot")) == 1


def test_it_dots_every_value_up_to_90_days_only():
    assert len(find(tree(values=[5.0] * 90), "chart-dot")) == 90
    assert len(find(tree(values=[5.0] * 91), "chart-dot")) == 0


def test_it_adds_the_seven_day_mean_only_beyond_30_days():
    assert not find(tree(values=[5.0] * 30), "chart-mean")
    assert len(find(tree(values=[5.0] * 31), "chart-mean")) == 1


def test_it_means_only_over_logged_days_and_needs_three_in_the_window():
    means = rolling_mean([2, None, 4, None, 6, 8, None, None, None, None, 1])
    assert means[:4] == [None, None, None, None]  # only two logged days so far
    assert means[4] == 4.0  # (2 + 4 + 6) / 3
    assert means[5] == 5.0  # (2 + 4 + 6 + 8) / 4
    assert means[7] == 6.0  # days 1-7: (4 + 6 + 8) / 3
    assert means[8] == 6.0  # days 2-8: the same three
    assert means[9] is None  # days 3-9: 6 and 8 only
    assert means[10] == 5.0  # days 4-10: (6 + 8 + 1) / 3


def test_it_breaks_the_mean_where_too_few_days_were_logged():
    values = [5.0] * 40 + [None] * 10 + [5.0] * 40
    (mean,) = find(tree(values=values), "chart-mean")
    assert [cmd for cmd, _, _ in points(mean)].count("M") == 2


def test_it_escapes_every_piece_of_text():
    svg = chart(
        title='Pain & "fog" <b>\'s',
        unit="<u>",
        bands=[Band(START, START + timedelta(days=29), "A&B <x>")],
        flares=[Band(START, START, 'flare "1"')],
        markers=[Marker(START, "tag <i>\x07")],
    )
    root = ET.fromstring(svg)
    assert root.find("s:title", NS).text == 'Pain & "fog" <b>\'s'
    assert find(root, "chart-band-label")[0].text == "A&B <x>"
    assert find(root, "chart-marker")[0].find("s:title", NS).text == "3 Oct 2026: tag <i>"
    assert not re.search(r"<(b|x|i|u)>", svg)


def test_it_colours_only_through_chart_classes_and_never_inline_styles():
    root = tree(
        values=[1.0, 2.0, None] * 20,
        bands=[Band(START, START + timedelta(days=50), "LDN 4.5 mg")],
        flares=[Band(START, START + timedelta(days=3), "Moderate flare")],
        markers=[Marker(START + timedelta(days=2), "poor sleep")],
    )
    elements = list(root.iter())
    assert not [e for e in elements if e.get("style") is not None or e.tag.endswith("style")]
    assert not [e for e in elements if e.get("fill", "none") != "none" or e.get("stroke")]
    used = {e.get("class") for e in elements if e.get("class")}
    assert used == CLASSES


def test_it_clips_bands_flares_and_tags_to_the_window():
    before = Band(START - timedelta(days=400), START + timedelta(days=4), "Vitamin D")
    after = Band(START + timedelta(days=50), START + timedelta(days=60), "later")
    across = Band(START + timedelta(days=25), START + timedelta(days=40), "Severe flare")
    markers = [Marker(START - timedelta(days=1), "early"), Marker(START + timedelta(30), "late")]
    root = tree(bands=[before, after], flares=[across, after], markers=markers)
    left, right = 46, 712  # the plot's edges: 720 wide, 8 to spare on the right
    (band,) = find(root, "chart-band")
    assert left <= float(band.get("x")) <= left + 1
    (flare,) = find(root, "chart-flare")
    assert float(flare.get("x")) + float(flare.get("width")) == pytest.approx(right, abs=0.15)
    assert not find(root, "chart-marker")
    assert band.find("s:title", NS).text == "Vitamin D, 29 Aug 2025 to 7 Oct 2026"


def test_it_keeps_a_titration_on_one_row_and_overlapping_treatments_on_another():
    day = lambda i: START + timedelta(days=i)  # noqa: E731
    ldn = [
        Band(day(0), day(9), "LDN 1.5 mg"),
        Band(day(10), day(19), "LDN 3 mg"),
        Band(day(20), day(60), "LDN 4.5 mg"),
    ]
    duloxetine = Band(day(5), day(14), "Duloxetine 30 mg")
    root = tree(bands=[*ldn, duloxetine])
    rows = {r.find("s:title", NS).text.split(",")[0]: r.get("y") for r in find(root, "chart-band")}
    assert rows["LDN 1.5 mg"] == rows["LDN 3 mg"] == rows["LDN 4.5 mg"]
    assert rows["Duloxetine 30 mg"] != rows["LDN 1.5 mg"]


def test_it_labels_a_band_only_where_the_label_fits():
    short = Band(START + timedelta(days=10), START + timedelta(days=11), "Low-dose naltrexone")
    long = Band(START + timedelta(days=100), START + timedelta(days=300), "Low-dose naltrexone")
    root = tree(values=[5.0] * 365, bands=[short, long])
    assert len(find(root, "chart-band")) == 2
    assert [t.text for t in find(root, "chart-band-label")] == ["Low-dose naltrexone"]


def test_it_gathers_the_tags_of_one_day_into_one_tick():
    markers = [Marker(START, "travel"), Marker(START, "poor sleep"), Marker(START, "travel")]
    (tick,) = find(tree(markers=markers), "chart-marker")
    assert tick.find("s:title", NS).text == "3 Oct 2026: travel, poor sleep"


def test_it_draws_the_frame_and_says_so_when_nothing_was_logged():
    root = tree(values=[None] * 30)
    assert len(grid_ys(root)) == 3
    assert [t.text for t in find(root, "chart-label")][-1] == "nothing logged in this period"
    assert root.find("s:desc", NS).text == (
        "Pain over 30 days from 3 Oct 2026: nothing logged in this period."
    )
    assert not find(root, "chart-line")


def test_it_draws_a_single_value_and_a_constant_series():
    assert len(find(tree(values=[4.0]), "chart-dot")) == 1
    (line,) = find(tree(values=[4.0] * 30), "chart-line")
    assert len({y for _, _, y in points(line)}) == 1


def test_it_clips_values_outside_the_scale_to_its_edges():
    root = tree(values=[-5, 20, 5])
    bottom, _, top = grid_ys(root)  # gridlines at low, middle, high
    ys = [y for _, _, y in points(find(root, "chart-line")[0])]
    assert ys[0] == bottom and ys[1] == top
    assert "lowest -5, highest 20" in root.find("s:desc", NS).text  # the summary does not clip


def test_it_names_an_untitled_chart_in_words():
    root = tree(title="")
    assert root.find("s:title", NS).text == "Daily values"
    assert not find(root, "chart-title")


def test_it_labels_the_scale_with_its_unit_or_moves_a_long_unit_to_the_title():
    labels = [t.text for t in find(tree(unit="h", high=12), "chart-label")]
    assert labels == ["0 h", "6 h", "12 h"]
    root = tree(title="Steps", unit="steps", high=20000)
    assert [t.text for t in find(root, "chart-label")] == ["0", "10000", "20000"]
    assert find(root, "chart-title")[0].text == "Steps (steps)"
    assert find(tree(title="Steps", high=20000), "chart-title")[0].text == "Steps"


@pytest.mark.parametrize(
    ("days", "first_labels"),
    [
        (30, ["5 Oct", "12 Oct", "19 Oct"]),  # Mondays
        (90, ["Nov 2026", "Dec"]),
        (365, ["Nov", "Dec", "2027", "Feb"]),
        (1825, ["2027", "2028", "2029"]),
    ],
)
def test_it_labels_the_x_axis_to_suit_the_span_without_overlap(days, first_labels):
    labels = find(tree(values=[5.0] * days), "chart-axis", "text")
    texts = [t.text for t in labels]
    assert texts[: len(first_labels)] == first_labels
    xs = [float(t.get("x")) for t in labels]
    for (a, xa), (b, xb) in itertools.pairwise(zip(texts, xs, strict=True)):
        assert xb - xa > (len(a) + len(b)) / 2 * 6.6  # ~0.6 em per character at 11px


def test_it_draws_five_years_of_days():
    values = [float(i % 11) if i % 9 else None for i in range(1826)]
    markers = [Marker(START + timedelta(days=i), "t") for i in range(0, 1826, 30)]
    root = tree(values=values, markers=markers)
    (line,) = find(root, "chart-line")
    assert [cmd for cmd, _, _ in points(line)].count("M") == runs(values)
    assert len(find(root, "chart-marker")) == 61
    assert "over 1826 days" in root.find("s:desc", NS).text


def test_it_rounds_every_coordinate_to_one_decimal():
    svg = chart(values=[10 / 3, None, 2 / 3] * 40, bands=[Band(START, START, "x")])
    numbers = re.findall(
        r"-?\d+\.\d+", " ".join(re.findall(r' (?:[xy]\d?|cx|cy|d|width|height)="([^"]*)"', svg))
    )
    assert numbers and all(len(n.split(".")[1]) == 1 for n in numbers)


def test_it_refuses_a_scale_without_room_or_an_unknown_direction():
    with pytest.raises(ValueError, match="high"):
        chart(low=5, high=5)
    with pytest.raises(ValueError, match="worse"):
        chart(worse="up")


def test_its_stylesheet_colours_only_through_the_page_s_custom_properties():
    css = (Path(__file__).parents[1] / "fibrolog/static/fibrolog/charts.css").read_text()
    allowed = "fg|muted|grid|line|accent|band|band-fg|flare|marker"
    for value in re.findall(r"(?<![-\w])(?:fill|stroke|color)\s*:\s*([^;}]+)", css):
        value = value.strip()
        assert value in ("none", "transparent") or re.fullmatch(rf"var\(--({allowed}),.+\)", value)
    screen, _, printed = css.partition("@media print")
    assert not re.search(r"--[\w-]+\s*:", screen)  # screen colours come from the page
    assert "stroke-dasharray" in printed  # the mean stays distinct in black and white


def test_it_draws_an_expected_line_dashed_and_says_what_it_is():
    svg = chart(values=[5.0, 6.0, None, 4.0], expected=Expected([6.0] * 4, "expected without LDN"))
    assert len(find(ET.fromstring(svg), "chart-expected")) == 1
    assert "The dashed line: expected without LDN." in svg
    assert "style=" not in svg
    assert not find(tree(values=[5.0] * 4), "chart-expected")


def test_its_spec_is_a_frozen_value_that_draws_the_same_chart_twice():
    spec = LineChart("Pain", Series(START, [5.0, float("nan"), None]), Scale(0, 10))
    assert spec.series.values == (5.0, None, None)  # NaN is a day not logged
    assert spec == LineChart("Pain", Series(START, (5.0, None, None)), Scale(0, 10))
    with pytest.raises(AttributeError):
        spec.title = "Fatigue"  # type: ignore[misc]
    assert line_chart(spec) == line_chart(spec)
    assert len(find(ET.fromstring(line_chart(spec)), "chart-dot")) == 1


def test_it_sizes_the_picture_as_its_spec_says():
    spec = LineChart("Pain", Series(START, [5.0] * 10), Scale(0, 10), size=(480, 190))
    assert ET.fromstring(line_chart(spec)).get("viewBox") == "0 0 480 190"


def test_it_draws_a_score_history_in_time_order_over_its_labelled_bands():
    from fibrolog.charts.scores import ScoreChart, score_chart

    later, earlier = (date(2026, 3, 1), 31.5), (date(2026, 1, 5), 40.0)
    spec = ScoreChart(
        "FIQR", [later, earlier], Scale(0, 100), [(0, 30, "remission"), (31, 45, "mild")]
    )
    assert spec.points == (earlier, later)
    root = ET.fromstring(score_chart(spec))
    dots = [d.find("s:title", NS).text for d in find(root, "chart-dot")]
    assert dots == ["5 Jan 2026: 40", "1 Mar 2026: 31.5"]
    labels = [t.text for t in find(root, "chart-label")]
    assert "remission" in labels and "mild" in labels
    assert "first 40, latest 31.5. Lower is better." in root.find("s:desc", NS).text
