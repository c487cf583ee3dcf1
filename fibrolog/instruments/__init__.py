"""Clinical questionnaires and criteria declared as data, each with one versioned `score()`.

Pure Python, no Django: the web forms, the `fibrolog score` command and exports are generated
from these declarations. Item keys are a public contract (docs/instruments.md).

Example::

    from fibrolog import instruments

    result = instruments.get("phq9").score({f"q{n}": 1 for n in range(1, 10)})
    result.total, result.band, result.flags  # (9, 'mild', ('self_harm_risk',))
"""

from __future__ import annotations

from fibrolog.instruments.acr import ACR2010, ACR2011, ACR2016
from fibrolog.instruments.base import Band, Flag, Instrument, Item, Option, Score
from fibrolog.instruments.fiqr import FIQR
from fibrolog.instruments.gad7 import GAD7
from fibrolog.instruments.peg import PEG
from fibrolog.instruments.phq9 import PHQ9
from fibrolog.instruments.phq15 import PHQ15

__all__ = ["Band", "Flag", "Instrument", "Item", "Option", "Score", "get", "names"]

# The registry, in the order people are offered the instruments.
_REGISTRY = {
    instrument.name: instrument
    for instrument in (ACR2010, ACR2011, ACR2016, FIQR, PHQ9, GAD7, PHQ15, PEG)
}


def names() -> tuple[str, ...]:
    """Return the available instrument names, in a stable order."""
    return tuple(_REGISTRY)


def get(name: str) -> Instrument:
    """Return the instrument with this name (case-insensitive); raise LookupError if unknown."""
    try:
        return _REGISTRY[name.lower()]
    except KeyError:
        choices = ", ".join(names())
        raise LookupError(f"unknown instrument {name!r}; choose one of: {choices}") from None
