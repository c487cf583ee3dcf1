"""Neutralise CSV text cells a spreadsheet would run as a formula (CSV injection).

Excel, LibreOffice and Google Sheets treat a cell that starts with ``=``, ``+``, ``-`` or ``@``
as a formula, and some strip a leading tab, carriage return or NUL first; OWASP's "CSV
Injection" page recommends prefixing such cells with a single quote. A cell that is a plain
number ("-3", "+1.5", "2e-3") is left alone so that it still reads as a number. A cell that
already starts with a quote gets one more, so one leading quote can always be taken off again
(`unguard`) to give back exactly what was written.
"""

from __future__ import annotations

import re

__all__ = ["FORMULA_STARTS", "guard", "unguard"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0", "'")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def guard(text: str) -> str:
    """Return `text` with a quote before it when a spreadsheet could run it as a formula."""
    if text.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(text):
        return "'" + text
    return text


def unguard(text: str) -> str:
    """Return the text `guard` was given: without the one leading quote it may have added."""
    return text[1:] if text.startswith("'") else text
