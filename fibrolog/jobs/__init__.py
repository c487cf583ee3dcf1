"""Durable background jobs: the task queue in the database, workers, their heartbeats."""
