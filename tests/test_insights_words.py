"""Insights read as plain answers: size in half points out of 10, one chance, names as written."""

from __future__ import annotations

import re

import pytest

from fibrolog.diary.services.demo import create_demo_account
from fibrolog.insights.services import compute, measures_same_thing, names_for
from fibrolog.insights.words import chance, halves, points, sure_words
from fibrolog.treatments.models import Treatment


def test_it_rounds_sizes_to_half_points():
    assert [halves(x) for x in (0.2, 0.26, 1.2, 1.3, -1.74)] == [0, 0.5, 1, 1.5, -1.5]
    assert points(1.4) == "1.5 points" and points(-1.1) == "1 point"
    assert points(0.1) == "less than half a point"


def test_it_says_a_chance_as_one_plain_number():
    assert chance(0.81) == "about 8 in 10"
    assert chance(0.99) == "more than 19 in 20" and chance(0.01) == "less than 1 in 20"
    assert sure_words(0.85) == "likely" and sure_words(0.5) == "could go either way"


def test_a_tag_that_measures_the_outcome_is_not_an_insight():
    assert measures_same_thing("tag:poor sleep", "sleep_quality")
    assert measures_same_thing("tag:Poor Sleep", "sleep_hours")
    assert not measures_same_thing("tag:poor sleep", "pain")
    assert not measures_same_thing("caffeine", "sleep_quality")


@pytest.fixture
def demo(db):
    demo = create_demo_account("demo", years=1.5, seed=4)
    Treatment.objects.filter(user=demo, key="ldn").update(name="LDN")
    return demo


def test_the_page_leads_with_answers_in_plain_words(demo, client):
    client.force_login(demo)
    compute(demo.pk)
    page = client.get("/insights/").content.decode()
    main = page[page.index("<main") :]
    assert main.index("How to read this") < main.index("What seems linked")
    assert "<summary>How to read this</summary>" in main
    assert re.search(r"LDN: [a-z ]+ your pain", main)  # the name as she wrote it
    assert "Ldn" not in main
    assert "out of 10" in main and "in 10" in main
    assert not re.search(r"\d\.\d\d", re.sub(r"<[^>]+>", " ", main))  # no two decimals
    assert "helps at all" not in main
    assert "Chance it helps by a meaningful amount" in main
    assert "Poor sleep and your sleep quality" not in main
    for banned in ("p-value", "p =", "significant", "%"):
        assert banned not in re.sub(r"<[^>]+>", " ", main).lower()


def test_built_in_names_read_mid_sentence_and_own_names_keep_their_case(demo):
    names = names_for(demo)
    assert names["sleep_quality"] == "sleep quality" and names["hrv_sdnn"].endswith("(SDNN)")
    assert names["ldn"] == "LDN"
