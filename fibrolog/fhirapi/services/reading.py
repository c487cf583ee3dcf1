"""The resources the API serves for one person: the export's own, filtered by what was shared."""

from __future__ import annotations

from typing import Any

from fibrolog.archive.export import fhir_resources as fr
from fibrolog.fhirapi.services.people import Grant
from fibrolog.fhirapi.services.search import ObservationQuery

Resource = dict[str, Any]


def _source(grant: Grant, query: ObservationQuery | None = None) -> fr.Source:
    if query is None:
        return fr.Source(grant.person, fr.relative)
    return fr.Source(grant.person, fr.relative, since=query.since, until=query.until)


def patient(grant: Grant) -> Resource:
    """Return the person's Patient (an id only, as in the export)."""
    return fr.patient(_source(grant))


def observations(grant: Grant, query: ObservationQuery) -> list[Resource]:
    """Return the Observations matching the query among the parts the person shared."""
    src = _source(grant, query)
    found: list[Resource] = []
    if grant.covers("diary"):
        found += fr.daily(src) + fr.flares(src)
    if grant.covers("questionnaires"):
        found += [r for r in fr.responses(src) if r["resourceType"] == "Observation"]
    return [r for r in found if query.matches(r)]


def everything(grant: Grant) -> list[Resource]:
    """Return the Patient and every resource of the parts the person shared."""
    src = _source(grant)
    found = [fr.patient(src)]
    if grant.covers("diary"):
        found += fr.daily(src) + fr.flares(src) + fr.medications(src)
    if grant.covers("questionnaires"):
        found += fr.responses(src)
    return found
