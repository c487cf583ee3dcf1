"""Logs never carry a request's path: paths hold dates and ids of health data."""

from __future__ import annotations

import logging


def test_it_logs_a_404_without_its_path(maya_client, caplog):
    with caplog.at_level(logging.INFO):
        response = maya_client.get("/treatments/918273/")
        bad = maya_client.get("/day/2026-13-45/")
    assert response.status_code == 404 and bad.status_code == 400
    records = [r for r in caplog.records if r.name == "django.request"]
    assert [r.getMessage() for r in records] == ["Not Found (404)", "Bad Request (400)"]
    assert "918273" not in caplog.text and "2026-13-45" not in caplog.text
    assert not any(hasattr(r, "request") for r in records)
