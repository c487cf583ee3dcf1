"""Say a check-in question for the day it is about: "today", "yesterday" or "on Tue 1 Dec"."""

from __future__ import annotations

import re
from datetime import date, timedelta

_PRESENT_TO_PAST = (
    (re.compile(r"\bis\b"), "was"),
    (re.compile(r"\bare you\b"), "were you"),
    (re.compile(r"\bdo you\b"), "did you"),
)


def when_words(day: date, today: date) -> str:
    """Return how a question names `day`: "today", "yesterday" or "on Tue 1 Dec"."""
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    return f"on {day:%a} {day.day} {day:%b}" + ("" if day.year == today.year else f" {day.year}")


def question_for(question: str, day: date, today: date) -> str:
    """Return `question` worded for `day` ("How much pain today?" -> "... yesterday?")."""
    when = when_words(day, today)
    if not question or when == "today":
        return question
    if re.search(r"\btoday\b", question):
        return re.sub(r"\btoday\b", when, question)
    if "last night" in question:
        return question.replace("last night", f"the night before {when.removeprefix('on ')}")
    past = question
    for pattern, word in _PRESENT_TO_PAST:
        past = pattern.sub(word, past, count=1)
    head, comma, tail = past.rstrip("?").partition(",")
    return f"{head} {when}{comma}{tail}?"
