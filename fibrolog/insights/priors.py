"""One registry of priors: apps above insights offer a person's treatment priors here.

The engine takes a prior per (outcome, treatment) (`InsightsModel.priors`); which prior a
person gets is asked here, once, by the refit (`services.compute`) and by the treatment page
(its words). An app above registers a provider from its `apps.py` (the cohort app: the
pooled results of a clinic, for people who consented); with none, the engine's default
applies and nothing on the pages changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fibrolog.analysis.treatment import EffectPrior

__all__ = ["Source", "for_user", "register", "unregister"]


@dataclass(frozen=True)
class Source:
    """A prior for one person's treatment on one outcome, and where it comes from.

    Attributes
    ----------
    outcome, treatment
        The outcome and the treatment's column (its catalogue key).
    prior
        The prior of the full effect, in points of a 0-10 outcome.
    lines
        Plain sentences saying where it comes from (the page shows them above "your own data").
    """

    outcome: str
    treatment: str
    prior: EffectPrior
    lines: tuple[str, ...]


Provider = Callable[[object], list[Source]]
_providers: list[Provider] = []


def register(provider: Provider) -> None:
    """Add a provider of priors (called from an app's `ready`); registering twice is harmless."""
    if provider not in _providers:
        _providers.append(provider)


def unregister(provider: Provider) -> None:
    """Remove a provider (tests)."""
    if provider in _providers:
        _providers.remove(provider)


def for_user(user) -> dict[tuple[str, str], Source]:
    """Return (outcome, treatment) -> the person's prior source; the first provider wins."""
    found: dict[tuple[str, str], Source] = {}
    for provider in _providers:
        for source in provider(user):
            found.setdefault((source.outcome, source.treatment), source)
    return found
