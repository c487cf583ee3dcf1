"""Validated questionnaires in the app: raw answers stored, scores always computed."""
