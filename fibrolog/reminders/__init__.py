"""Reminders to check in, at the time each person picks, in their time zone."""
