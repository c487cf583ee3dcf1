"""The demo diary's generative model as data: the true effects and every other constant.

docs/demo-data.md explains each number. They are illustrative (chosen to be plausible for one
person with fibromyalgia, not estimated from a study) unless the doc cites a source.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TrueEffect:
    """One effect built into the demo diary, in the outcome's units per unit of the factor.

    `source` says where the factor is found in a `DemoDiary`: "metric" (`values`), "tag"
    (`tags`), "treatment" (`treatments`, effect through the onset kernel with
    `half_life_days`, independent of dose and adherence) or "flare" (`flares`, per severity
    level, on every day of the flare).
    """

    outcome: str
    factor: str
    lag_days: int
    per_unit: float
    description: str
    source: str = "metric"
    half_life_days: float | None = None


TRUE_EFFECTS: tuple[TrueEffect, ...] = (
    TrueEffect("pain", "sleep_hours", 0, -0.5,
               "each hour slept below usual last night adds 0.5 point of pain (linear both ways)"),
    TrueEffect("fatigue", "sleep_hours", 0, -0.6,
               "each hour slept below usual last night adds 0.6 point of fatigue"),
    TrueEffect("fog", "sleep_hours", 0, -0.4,
               "each hour slept below usual last night adds 0.4 point of fibro fog"),
    TrueEffect("sleep_quality", "sleep_hours", 0, 0.8,
               "each extra hour slept raises rated sleep quality by 0.8 point"),
    TrueEffect("unrefreshed", "sleep_hours", 0, -0.35,
               "each hour slept below usual adds 0.35 to waking unrefreshed (0-3)"),
    TrueEffect("pain", "overdid it", 1, 0.8,
               "a hard day (exertion >= 7, tagged 'overdid it') adds 0.8 point of pain next day",
               source="tag"),
    TrueEffect("pain", "overdid it", 2, 0.4,
               "a hard day adds 0.4 point of pain two days later", source="tag"),
    TrueEffect("fatigue", "overdid it", 1, 0.7,
               "a hard day adds 0.7 point of fatigue next day", source="tag"),
    TrueEffect("anxiety", "stress", 0, 0.4,
               "each point of stress adds 0.4 point of anxiety the same day (none on pain)"),
    TrueEffect("pain", "ldn", 0, -1.5,
               "low-dose naltrexone lowers pain by 1.5 points at full effect, 21-day half-life",
               source="treatment", half_life_days=21.0),
    TrueEffect("fatigue", "ldn", 0, -0.6,
               "low-dose naltrexone lowers fatigue by 0.6 point at full effect",
               source="treatment", half_life_days=21.0),
    TrueEffect("pain", "flare", 0, 1.0,
               "a flare adds 1 point of pain per severity level on each of its days",
               source="flare"),
    TrueEffect("fatigue", "flare", 0, 0.6,
               "a flare adds 0.6 point of fatigue per severity level on each of its days",
               source="flare"),
)  # fmt: skip


def true_effect(outcome: str, factor: str, lag_days: int = 0) -> TrueEffect:
    """Return the true effect of `factor` at `lag_days` on `outcome` (KeyError if none)."""
    for effect in TRUE_EFFECTS:
        if (effect.outcome, effect.factor, effect.lag_days) == (outcome, factor, lag_days):
            return effect
    raise KeyError(f"no true effect of {factor!r} (lag {lag_days}) on {outcome!r}")


# metric key -> (lowest, highest, step); the diary stores values on this grid.
RANGES: dict[str, tuple[float, float, float]] = {
    "pain": (0, 10, 1),
    "fatigue": (0, 10, 1),
    "fog": (0, 10, 1),
    "sleep_quality": (0, 10, 1),
    "sleep_hours": (0, 16, 0.25),
    "unrefreshed": (0, 3, 1),
    "stiffness": (0, 10, 1),
    "mood": (0, 10, 1),
    "anxiety": (0, 10, 1),
    "exertion": (0, 10, 1),
    "stress": (0, 10, 1),
    "caffeine": (0, 20, 1),
}
METRIC_KEYS: tuple[str, ...] = tuple(RANGES)

# Symptoms: level on a usual night with no hard day, flare or treatment; loading on the shared
# "bad day" component (the pain AR(1) noise); sd of the symptom's own daily noise.
SYMPTOMS: dict[str, tuple[float, float, float]] = {
    "pain": (5.3, 1.0, 0.0),
    "fatigue": (5.5, 0.7, 1.0),
    "fog": (4.5, 0.6, 1.1),
    "sleep_quality": (5.0, -0.3, 1.0),
    "unrefreshed": (1.5, 0.15, 0.5),
    "stiffness": (5.0, 0.8, 1.0),
    "mood": (6.0, -0.5, 1.0),
    "anxiety": (3.0, 0.3, 1.0),
}
BAD_DAY_RHO = 0.6  # AR(1) coefficient of the shared "bad day" noise
BAD_DAY_SD = 1.2  # its marginal sd (points of pain)
SEASON_AMPLITUDE = {"pain": 0.3, "stiffness": 0.4}  # peak in mid-January, trough in mid-July
SEASON_PEAK_DAY_OF_YEAR = 15

USUAL_SLEEP_HOURS = 7.0
SLEEP_RHO = 0.3  # AR(1) coefficient of nightly sleep
SLEEP_SD = 0.9  # marginal sd of ordinary nights, hours
BAD_NIGHT_RATE = 0.07
BAD_NIGHT_LOSS_HOURS = (2.0, 3.5)  # uniform range lost on a bad night
POOR_SLEEP_BELOW_HOURS = 5.5  # the "poor sleep" tag

HARD_DAY_RATE = 0.12
HARD_DAY_EXERTION = 7  # exertion >= this is a hard day, tagged "overdid it"
USUAL_EXERTION = (3.5, 1.3)  # mean, sd on ordinary days (capped at 6)

STRESS_MEAN, STRESS_SD, STRESS_RHO = 4.0, 1.8, 0.5
STRESSFUL_DAY_FROM = 7  # stress >= this is tagged "stressful day"
CAFFEINE_MEAN_CUPS = 2.2  # Poisson

# Treatments: position as a fraction of the span, dose, adherence on logged days.
LDN_START_FRACTION = 0.57
LDN_MIN_DAYS_ON = 120  # start earlier if needed to keep this many days on LDN ...
LDN_EARLIEST_FRACTION = 0.40  # ... but never before this fraction of the span
LDN_TITRATION = ((14, 1.5), (14, 3.0), (None, 4.5))  # (days at this dose, mg); None = ongoing
LDN_ADHERENCE = 0.90
VITAMIN_D_REGIMENS = ((0.10, 0.45, 1000.0), (0.45, 0.80, 2000.0))  # (from, until, IU)
VITAMIN_D_ADHERENCE = 0.85
YOGA_REGIMEN = (0.22, 0.38, 30.0)  # (from, until, minutes per session)
YOGA_SESSION_RATE = 0.5  # share of logged days with a session

# Flares: exogenous, about FLARES_PER_YEAR, at least FLARE_MIN_GAP days apart.
FLARES_PER_YEAR = 4.0
FLARE_DAYS = (3, 10)
FLARE_SEVERITY_P = (0.4, 0.4, 0.2)  # mild, moderate, severe
FLARE_MIN_GAP = 14

# Missingness: scattered unlogged days, holiday runs, single metrics skipped on logged days.
SKIP_DAY_RATE = 0.10
HOLIDAYS_PER_YEAR = 1.5
HOLIDAY_DAYS = (5, 14)
METRIC_SKIP_RATE = {
    "pain": 0.0,  # a check-in always has pain
    "fatigue": 0.02,
    "fog": 0.05,
    "sleep_quality": 0.03,
    "sleep_hours": 0.04,
    "unrefreshed": 0.10,
    "stiffness": 0.10,
    "mood": 0.03,
    "anxiety": 0.08,
    "exertion": 0.03,
    "stress": 0.08,
    "caffeine": 0.20,
}

# Tags with no effect of their own, ticked at random on logged days.
TAG_RATES = {"weather change": 0.10, "ate gluten": 0.12, "social event": 0.06}
ALCOHOL_RATE = (0.03, 0.40)  # without / with a social event
ILLNESS_PER_YEAR, ILLNESS_DAYS = 2.0, (3, 7)
PERIOD_CYCLE_DAYS, PERIOD_DAYS = (28.0, 1.5), 5  # cycle mean, sd; days ticked per cycle
TRAVEL_RATE = 0.01  # plus the day before and after each holiday
NOTE_RATE = 0.05  # share of eligible logged days with a note
