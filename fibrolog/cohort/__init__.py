"""Cohort services: read a folder of diaries, fit each person on Dask, pool, export.

Not a Django app and not the pure core: it sits between `fibrolog.analysis.cohort` (the
statistics, pure) and `fibrolog.cli` (the commands). Dask is imported only inside
`engine`, so importing the analysis never loads it. The clinic's consent machinery (the
`--user` mode and a clinic page) will add another source of people next to `files`: it only
has to hand `engine.analyze` a list of per-person diary files (or a callable per person)
and a covariate table.
"""
