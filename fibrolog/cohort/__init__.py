"""Many people: research consent, pooled results for the clinic, and the way back to a person.

A Django app (models: ResearchConsent, CohortResult; services/, views, tasks) over a
Django-free core of its own: `engine` (the Dask map of per-person fits, over files or over
diaries handed one by one, and the pooling), `fits` (what a worker runs), `files` (a folder of
diary CSVs), `export` and `anonymity` (the de-identified Parquet copy). Those modules import no
Django, so `fibrolog cohort analyze DIR` works without the web app; Dask is imported only
inside `engine`. The statistics are `fibrolog.analysis.cohort` (pure).
"""
