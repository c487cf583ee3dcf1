"""The dashboard's table rows as HTML, written directly (like the charts' SVG).

Three hundred rows of about ten cells each cost the template engine a hundred milliseconds of
variable lookups; this writes the same markup with f-strings, escaping every text that comes
from a person (their name) or from data. The page around it stays a template
(templates/clinic/dashboard.html).
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from fibrolog.clinic.services.dashboard import Row

FLAG = '<span class="flag" aria-hidden="true">&#9873;</span>'


def _muted(text: str) -> str:
    return f'<span class="muted">{text}</span>'


def _not_shared(label: str, span: int = 1) -> str:
    colspan = f' colspan="{span}"' if span > 1 else ""
    return f'<td class="not-shared"{colspan} data-label="{label}">not shared</td>'


def _lines(lines: list[str], empty: str) -> str:
    return "<br>".join(escape(line) for line in lines) if lines else _muted(empty)


def _person(row: Row, link: str) -> str:
    cell = f'<a href="{link}">{escape(row.name)}</a>'
    if row.flag_day:
        cell += f' <strong class="flag-text">{FLAG} Item 9 above 0 on {row.flag_text}</strong>'
    elif row.worsening:
        cell += ' <span class="worse-tag">worsening</span>'
    if "report" in row.parts:
        cell += f'<br><a class="small" href="{link}#report">Report</a>'
    return f'<th scope="row" data-label="Person">{cell}</th>'


def _diary(row: Row) -> str:
    if "diary" not in row.parts:
        return _not_shared("Diary", 3)
    cells = [f'<td data-label="Last check-in">{row.checkin_text}</td>']
    for t in row.trends:
        inner = (
            f'{t.svg}<span class="change">{t.text}</span>'
            if t.recent is not None
            else (_muted("not logged"))
        )
        cells.append(f'<td data-label="{t.name}, 30 days" class="change-{t.word}">{inner}</td>')
    return "".join(cells)


def _scores(row: Row) -> str:
    if "questionnaires" not in row.parts:
        return _not_shared("Questionnaires", 2)
    cells = []
    for label, score in (("FIQR", row.fiqr), ("PHQ-9", row.phq9)):
        word = f' class="change-{score.word}"' if score and score.word else ""
        inner = escape(score.text) if score else _muted("none yet")
        cells.append(f'<td data-label="{label}"{word}>{inner}</td>')
    return "".join(cells)


def row_html(row: Row, people: str) -> str:
    """Return one person's <tr>."""
    kind = "flagged" if row.flag_day else "worsening" if row.worsening else ""
    treatments = (
        f'<td data-label="Treatments, 90 days">{_lines(row.treatment_lines, "no change")}</td>'
        if "diary" in row.parts
        else _not_shared("Treatments")
    )
    verdicts = (
        f'<td data-label="Self-experiments">{_lines(row.verdict_lines, "none ended")}</td>'
        if "insights" in row.parts
        else _not_shared("Self-experiments")
    )
    return (
        f'<tr class="{kind}">{_person(row, f"{people}{row.person.pk}/")}{_diary(row)}'
        f"{_scores(row)}{treatments}{verdicts}</tr>"
    )


def rows_html(rows: list[Row], people: str) -> SafeString:
    """Return the table body's rows; `people` is the person page's URL without the id."""
    return mark_safe("\n".join(row_html(row, people) for row in rows))
