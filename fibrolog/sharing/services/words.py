"""Say a share in plain words: "Dr Chen can see your report and diary until 3 June 2027"."""

from __future__ import annotations

from django.utils import timezone
from django.utils.formats import date_format

from fibrolog.sharing.models import Share

PART_WORDS = {
    "report": "report",
    "diary": "diary",
    "questionnaires": "questionnaires",
    "insights": "insights",
}


def display_name(user) -> str:
    """Return the account's full name when it has one, else its user name."""
    return user.get_full_name() or user.get_username()


def parts_words(parts: list[str]) -> str:
    """Return "report, diary and questionnaires" for these parts."""
    words = [PART_WORDS.get(p, p) for p in parts]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _day(moment) -> str:
    return date_format(timezone.localtime(moment), "j F Y")


def sentence(share: Share) -> str:
    """Return what the share lets the clinician do, or did, in the person's words."""
    who = display_name(share.clinician)
    what = parts_words(share.parts)
    if share.revoked_at is not None:
        return f"{who} saw your {what} until you stopped sharing on {_day(share.revoked_at)}"
    if share.expires_at <= timezone.now():
        return f"{who} saw your {what} until {_day(share.expires_at)}"
    return f"{who} can see your {what} until {_day(share.expires_at)}"


def for_clinician(share: Share) -> str:
    """Return what the clinician may see of this person, in the clinician's words."""
    who = display_name(share.person)
    return f"{who} shares their {parts_words(share.parts)} with you until {_day(share.expires_at)}"
