"""Who responds: an exploratory meta-regression of people's effects on their covariates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from fibrolog.analysis.cohort.grid import fit_grid, mixture_quantiles
from fibrolog.analysis.cohort.person import PersonEffect
from fibrolog.analysis.cohort.results import Summary, Term

__all__ = ["IGNORED_COLUMNS", "MIN_PER_LEVEL", "meta_regression"]

MIN_PER_LEVEL = 3  # people with a category level before it gets its own term
IGNORED_COLUMNS = frozenset({"id", "consent", "name", "email", "notes", "note"})


def _number(value: str) -> float | None:
    """Return the value as a number, or None."""
    try:
        out = float(value)
    except ValueError:
        return None
    return out if np.isfinite(out) else None


def meta_regression(
    people: Sequence[PersonEffect],
    covariates: Mapping[str, Mapping[str, str]],
    prior_scale: float,
) -> tuple[tuple[Term, ...], str | None]:
    """Regress people's effects on their covariates, inside the random-effects model.

    Parameters
    ----------
    people
        Each person's effect and standard error.
    covariates
        Person id -> column -> value; a column whose values are all numbers is a number
        (centred, one term per unit), any other is a category (one term per level against the
        most common level). Columns ``id``, ``consent``, ``name``, ``email`` and ``notes`` are
        not covariates.
    prior_scale
        Scale of the half-normal prior on the residual tau.

    Returns
    -------
    terms, note
        The terms with 95% intervals, and why some (or all) covariates were left out.

    Notes
    -----
    Exploratory: many covariates, few people, and no adjustment for multiplicity, so a term
    is a lead to follow up, never a finding; no p-values are given. People missing a value
    are left out of the regression (not of the pooled mean). A category level with fewer
    than `MIN_PER_LEVEL` people removes the covariate (its term would mostly be noise and
    could point at one person).

    References
    ----------
    Thompson SG, Higgins JPT. How should meta-regression analyses be undertaken and
    interpreted? Stat Med 2002;21:1559-1573.
    """
    columns = sorted({c for row in covariates.values() for c in row} - IGNORED_COLUMNS)
    rows = [p for p in people if all(covariates.get(p.id, {}).get(c, "") for c in columns)]
    notes: list[str] = []
    blocks: list[tuple[str, str, str, np.ndarray, int]] = []
    for column in columns:
        values = [covariates[p.id][column].strip() for p in rows]
        numbers = [_number(v) for v in values]
        if all(x is not None for x in numbers):
            x = np.array(numbers, dtype=float)
            blocks.append((column, "", "", x - x.mean(), len(rows)))
            continue
        counts = Counter(values)
        if min(counts.values()) < MIN_PER_LEVEL:
            notes.append(f"{column} left out (a level with fewer than {MIN_PER_LEVEL} people)")
            continue
        reference = counts.most_common(1)[0][0]
        for level in sorted(counts):
            if level != reference:
                x = np.array([v == level for v in values], dtype=float)
                blocks.append((column, level, reference, x, counts[level]))
    if not blocks:
        return (), "; ".join(notes) or "no covariates to compare"
    design = np.column_stack([np.ones(len(rows)), *[b[3] for b in blocks]])
    if len(rows) - design.shape[1] < MIN_PER_LEVEL or np.linalg.matrix_rank(design) < len(design.T):
        return (), f"too few people with every covariate ({len(rows)}) for {len(blocks)} terms"
    y = np.array([p.estimate for p in rows])
    se = np.array([p.se for p in rows])
    post = fit_grid(y, se, design, prior_scale)
    terms = []
    for j, (column, level, reference, _x, count) in enumerate(blocks, start=1):
        loc, scale = post.beta[:, j], np.sqrt(post.cov[:, j, j])
        low, high = mixture_quantiles(post.weight, loc, scale, np.array([0.025, 0.975]))
        summary = Summary(float(post.weight @ loc), float(low), float(high))
        terms.append(Term(column, level, reference, summary, count))
    return tuple(terms), "; ".join(notes) or None
