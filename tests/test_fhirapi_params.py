"""FHIR search parameters as the R4 spec defines them (https://hl7.org/fhir/R4/search.html):
date prefixes against a day or a period, tokens with and without a system, page cursors."""

from __future__ import annotations

from datetime import date

import pytest

from fibrolog.fhirapi.services.search import (
    SearchError,
    decode_cursor,
    encode_cursor,
    page,
    parse_date,
    parse_observation,
    parse_token,
)

D = date


@pytest.mark.parametrize(
    ("param", "start", "end", "expected"),
    [
        ("2026-03-05", D(2026, 3, 5), D(2026, 3, 5), True),
        ("eq2026-03", D(2026, 3, 5), D(2026, 3, 5), True),
        ("2026-03", D(2026, 3, 30), D(2026, 4, 2), False),  # eq: wholly within March
        ("ne2026-03", D(2026, 3, 30), D(2026, 4, 2), True),
        ("ge2026-04-01", D(2026, 3, 30), D(2026, 4, 2), True),  # reaches into April
        ("ge2026-04-01", D(2026, 3, 31), D(2026, 3, 31), False),
        ("gt2026-04-01", D(2026, 4, 1), D(2026, 4, 1), False),
        ("gt2026-04", D(2026, 5, 1), D(2026, 5, 1), True),
        ("le2026-03-31", D(2026, 3, 31), D(2026, 3, 31), True),
        ("le2026-03-31", D(2026, 4, 1), D(2026, 4, 1), False),
        ("lt2026", D(2025, 12, 31), D(2026, 1, 3), True),
        ("lt2026-01-01", D(2026, 1, 1), D(2026, 1, 1), False),
        ("2024-02", D(2024, 2, 29), D(2024, 2, 29), True),  # a leap February
    ],
)
def test_it_compares_dates_by_the_specs_prefix_rules(param, start, end, expected):
    assert parse_date(param).matches(start, end) is expected


def test_it_reads_tokens_with_a_system_without_one_and_with_none():
    (loinc,) = parse_token("http://loinc.org|72514-3")
    assert loinc.matches({"system": "http://loinc.org", "code": "72514-3"})
    assert not loinc.matches(
        {"system": "https://fibrolog.org/fhir/CodeSystem/metric", "code": "72514-3"}
    )
    (bare,) = parse_token("|pain")
    assert bare.matches({"code": "pain"}) and not bare.matches({"system": "x", "code": "pain"})
    assert len(parse_token("fog,fatigue")) == 2


def test_it_narrows_the_days_to_read_from_the_date_parameters():
    query = parse_observation(
        [("patient", "Patient/abc"), ("date", "ge2026-01"), ("date", "lt2026-04-01")]
    )
    assert query.patient == "abc"
    assert (query.since, query.until) == (D(2026, 1, 1), D(2026, 3, 31))


def test_it_refuses_a_reference_to_something_other_than_a_patient():
    with pytest.raises(SearchError, match="refer to a Patient"):
        parse_observation([("patient", "Group/abc")])


def test_it_round_trips_a_cursor_and_pages_after_it():
    rows = [
        {
            "resourceType": "Observation",
            "id": f"id{i % 3}{i}",
            "effectiveDateTime": f"2026-01-0{1 + i // 3}",
        }
        for i in range(9)
    ]
    assert decode_cursor(encode_cursor(("2026-01-02", "id14"))) == ("2026-01-02", "id14")
    seen, cursor = [], None
    while True:
        p = page(rows, 2, cursor)
        seen += [r["id"] for r in p.items]
        if p.next_cursor is None:
            break
        cursor = decode_cursor(p.next_cursor)
    assert sorted(seen) == sorted(r["id"] for r in rows) and len(seen) == 9
