"""Bring an export (the JSON document or the CSV files) back into an empty account."""
