"""Self-experiments: randomised, pre-registered n-of-1 trials a person runs on themselves."""
