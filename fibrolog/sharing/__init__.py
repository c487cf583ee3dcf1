"""What a person shares with a clinician, for how long; revocable at once."""
