"""Take a person's data out: the JSON document, CSV files and a FHIR R4 Bundle."""
