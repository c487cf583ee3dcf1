"""Render a report as a standalone HTML file or as a PDF (WeasyPrint), from the same templates."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from fibrolog.reports.services import Report

STATIC = Path(settings.BASE_DIR) / "static" / "fibrolog"
_SVG_OPEN = re.compile(r"(<svg\b[^>]*>)")
# WeasyPrint draws inline SVG without the page's CSS custom properties: each chart gets the
# black-and-white print colours of charts.css written out.
CHART_PRINT_STYLE = (
    "<style>"
    ".chart-title{fill:#000}.chart-label,.chart-axis{fill:#333}"
    ".chart-grid{stroke:#bbb;fill:none}path.chart-axis{stroke:#333;fill:none}"
    ".chart-line{stroke:#555;fill:none}.chart-dot{fill:#555}"
    ".chart-mean{stroke:#000;fill:none;stroke-dasharray:6 3}"
    ".chart-band{fill:#eee;stroke:#000;stroke-width:.75}.chart-band-label{fill:#000}"
    ".chart-grid-band{fill:none}.chart-flare{fill:#e4e4e4;stroke:#333;stroke-width:.75;"
    "stroke-dasharray:2 2}.chart-marker{stroke:#000}"
    'svg[id^="report-score"] .chart-band{fill:#ececec;stroke:none}'
    "</style>"
)


@cache
def _css(*names: str) -> str:
    return "\n".join((STATIC / name).read_text(encoding="utf-8") for name in names)


def render_html(report: Report) -> str:
    """Return the report as one self-contained HTML document (its CSS inline)."""
    css = _css("charts.css", "report.css")
    return render_to_string("reports/document.html", {"report": report, "css": css})


def render_pdf(report: Report) -> bytes:
    """Return the report as a PDF."""
    from weasyprint import HTML

    html = render_to_string("reports/document.html", {"report": report, "css": _css("report.css")})
    html = _SVG_OPEN.sub(lambda m: m.group(1) + CHART_PRINT_STYLE, html)
    return HTML(string=html, url_fetcher=_refuse).write_pdf()


def _refuse(url: str, *args, **kwargs):
    """Fetch nothing: a report never loads anything from outside (no network, no files)."""
    raise ValueError(f"the report does not load {url}")
