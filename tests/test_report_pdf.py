"""A year of the demo diary makes a two-to-four page PDF with every section in it."""

import re
import shutil
import subprocess
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from fibrolog.cli import main
from fibrolog.diary.services.demo import create_demo_account
from fibrolog.insights.services import compute
from fibrolog.reports.services.demo import add_demo_responses

HEADINGS = (
    "Fibromyalgia diary report",
    "Symptom trends",
    "Questionnaires and criteria",
    "What seems linked, and tested effects",
)
pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


@pytest.fixture
def demo_year(db):
    user = create_demo_account("demo", years=1, seed=1)
    add_demo_responses(user, seed=1)
    compute(user.pk)  # the insights the report quotes
    return user


def _pdf(tmp_path, *args):
    out = tmp_path / "report.pdf"
    result = CliRunner().invoke(main, ["report", "--user", "demo", "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    last = subprocess.run(
        ["pdftotext", "-f", str(pages), "-l", str(pages), str(out), "-"],
        capture_output=True,
        text=True,
    ).stdout
    # The methods appendix is a page of its own at the end; the report itself is 2-4 pages.
    assert last.lstrip().startswith("Appendix: methods"), last[:200]
    assert "Appendix: methods" not in text.stdout.split("\f")[pages - 2]
    return text.stdout, pages - 1


def test_it_fits_a_year_on_two_to_four_pages_and_a_methods_page(demo_year, tmp_path):
    today = date.today()  # the demo diary ends today
    days = ("--from", (today - timedelta(days=364)).isoformat(), "--to", today.isoformat())
    text, pages = _pdf(tmp_path, *days, "--notes")
    for heading in (*HEADINGS, "Treatments", "Notes"):
        assert heading in text, heading
    assert 2 <= pages <= 4, pages
    text, pages = _pdf(tmp_path, *days)
    assert "Notes" not in text.split("Treatments")[-1]
    assert 2 <= pages <= 4, pages


def test_it_words_the_criteria_and_changes_honestly(demo_year, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--user", "demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text()
    flat = " ".join(re.sub(r"<[^>]+>", " ", html.split("<body", 1)[1]).split())
    assert "meets the 2016 criteria thresholds; a clinician confirms a diagnosis" in flat
    assert "you have fibromyalgia" not in flat.lower()
    assert "p-value" not in flat.lower() and "p =" not in flat and "significant" not in flat
    assert "7-day mean" in flat and "Flares:" in flat
    assert "not that the treatment caused it" in flat
    assert "<script" not in html and "<link" not in html and "<img" not in html  # self-contained
