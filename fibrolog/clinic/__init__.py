"""The clinic: a clinician's dashboard of the people who share with them, and their requests."""
