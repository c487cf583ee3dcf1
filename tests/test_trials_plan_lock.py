"""The locked plan: canonical JSON (sorted keys) and a SHA-256 that never drifts."""

import hashlib
import json
from dataclasses import FrozenInstanceError, replace
from datetime import date

import pytest

from fibrolog.analysis.trials import Plan, make_plan


def _plan(**overrides) -> Plan:
    fields = {
        "pairs": 6,
        "tested": "Heat pad at night",
        "comparison": "No heat pad",
        "outcomes": ("pain", "fatigue"),
    }
    return make_plan("fast", date(2026, 3, 2), "fibrolog", **{**fields, **overrides})


def test_it_keeps_the_fingerprint_of_a_plan_stable():
    # Pinned: a change to the canonical form would orphan every hash already locked.
    plan = _plan()
    assert plan.sha256() == "53b5aae804e78f9defbb6e3a455d702e970984cecc36f1c60a7a8f7d5f8b04b3"
    assert plan.sha256() == hashlib.sha256(plan.to_json().encode()).hexdigest()


def test_it_writes_canonical_json_with_everything_fixed_before_the_start():
    text = _plan().to_json()
    data = json.loads(text)
    assert text == json.dumps(data, sort_keys=True, separators=(",", ":"))
    assert data["arms"] == {"A": "No heat pad", "B": "Heat pad at night"}
    assert data["outcomes"] == {"primary": "pain", "secondary": ["fatigue"]}
    assert data["schedule"]["order"] == ["AB", "AB", "AB", "BA", "AB", "AB"]
    assert data["schedule"]["seed"] == "fibrolog" and data["mcid"] == 1.0
    assert set(data["verdict_rule"]) >= {"likely_helps", "no_meaningful_difference"}


def test_it_rebuilds_the_same_plan_from_its_json():
    for plan in (_plan(), make_plan("slow", date(2026, 3, 2), 5, withdrawal=35)):
        again = Plan.from_json(plan.to_json())
        assert again == plan and again.sha256() == plan.sha256()


@pytest.mark.parametrize(
    "change", [{"pairs": 7}, {"mcid": 1.5}, {"tested": "Heat pad"}, {"outcomes": ("pain",)}]
)
def test_it_changes_the_fingerprint_when_anything_changes(change):
    assert _plan(**change).sha256() != _plan().sha256()
    assert replace(_plan(), seed="other").sha256() != _plan().sha256()


def test_it_is_frozen():
    with pytest.raises(FrozenInstanceError):
        _plan().pairs = 8
