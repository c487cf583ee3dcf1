"""Bring your data: the loader that writes fibrolog.ingest records, and the upload pages."""
