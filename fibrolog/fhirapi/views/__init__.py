"""The API tokens page and the FHIR endpoints."""

from fibrolog.fhirapi.views.api import everything, metadata, observations, patient, unknown
from fibrolog.fhirapi.views.tokens import api_token_revoke, api_tokens

__all__ = [
    "api_token_revoke",
    "api_tokens",
    "everything",
    "metadata",
    "observations",
    "patient",
    "unknown",
]
