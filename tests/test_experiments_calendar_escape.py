"""A name with line breaks cannot add lines to the calendar file (RFC 5545 escaping)."""

from __future__ import annotations

import pytest

from fibrolog.diary.services.checkin_page import today_for
from fibrolog.experiments import services
from tests._trial import draft


@pytest.mark.parametrize("brk", ["\r", "\n", "\r\n", "\u2028"], ids=["CR", "LF", "CRLF", "LS"])
def test_it_keeps_a_line_break_in_a_name_inside_its_line(maya, maya_client, brk):
    today = today_for(maya)
    exp = draft(maya, today, tested=f"Magnesium{brk}BEGIN:VEVENT{brk}SUMMARY:injected")
    services.start(exp, today)
    text = maya_client.get(f"/experiments/{exp.pk}/schedule.ics").content.decode()
    body = text.replace("\r\n", "")
    assert "\r" not in body and "\n" not in body and "\u2028" not in body
    lines = text.replace("\r\n ", "").split("\r\n")
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 1 + 4 * 2
    assert not any(line.startswith("SUMMARY:injected") for line in lines)
    assert "Magnesium\\nBEGIN:VEVENT\\nSUMMARY:injected" in text.replace("\r\n ", "")


def test_it_escapes_backslash_comma_and_semicolon(maya, maya_client):
    today = today_for(maya)
    exp = draft(maya, today, tested="a\\b, c; d")
    services.start(exp, today)
    text = maya_client.get(f"/experiments/{exp.pk}/schedule.ics").content.decode()
    assert "a\\\\b\\, c\\; d" in text.replace("\r\n ", "")
