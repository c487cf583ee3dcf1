"""Workflows over the diary: one module per use case."""
