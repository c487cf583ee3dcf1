"""A FHIR R4 read API over what people shared with a clinician, with per-clinician API tokens."""
