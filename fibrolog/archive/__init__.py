"""Take a person's data out (JSON, CSV, FHIR), bring it back, erase it, back the database up."""
