"""API tokens, who the API may show to whom, FHIR search and the Bundles it answers with."""

from fibrolog.fhirapi.services.people import API_PARTS, Grant, find, people_of
from fibrolog.fhirapi.services.tokens import Issued, authenticate, issue, revoke, tokens_of

__all__ = [
    "API_PARTS",
    "Grant",
    "Issued",
    "authenticate",
    "find",
    "issue",
    "people_of",
    "revoke",
    "tokens_of",
]
