"""The check-in form: built from the person's metrics, tags and treatments.

Every field carries the value the page showed (`o_` fields); only what differs is saved.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.forms import BoundField
from django.utils.html import format_html
from django.utils.safestring import SafeString

from fibrolog.catalogue import QUICK_PICKS
from fibrolog.diary.models import Metric
from fibrolog.diary.services.checkin import DayChanges, DayState, NoteEdit
from fibrolog.diary.services.wording import question_for
from fibrolog.diary.validation import NOTE_MAX, check_day, parse_value
from fibrolog.instruments.acr import SITE_KEYS
from fibrolog.treatments.models import Treatment

SEP = "\x1f"
CLEAR = "none"


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _intake_code(taken: bool | None) -> str:
    return "" if taken is None else ("taken" if taken else "skipped")


def _merged(state: DayState, prefill: DayState | None) -> DayState:
    """Return the day as the form shows it: its own entries over `prefill` (another day's)."""
    if prefill is None:
        return state
    return DayState(
        day=state.day,
        values={**prefill.values, **state.values},
        tags=state.tags | prefill.tags,
        note=state.note,
        intakes={**prefill.intakes, **state.intakes},
        flare=state.flare or prefill.flare,
        sites=state.sites,
    )


class CheckinForm(forms.Form):
    day = forms.DateField(label="Day")
    note = forms.CharField(
        label="Note", required=False, max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    o_note = forms.CharField(required=False, widget=forms.HiddenInput)
    new_tag = forms.CharField(label="Add a tag", required=False, max_length=40)
    tags = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    o_tags = forms.CharField(required=False, widget=forms.HiddenInput)
    flare = forms.TypedChoiceField(
        label="Flare",
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        choices=[(0, "No flare"), (1, "Mild"), (2, "Moderate"), (3, "Severe")],
    )
    o_flare = forms.IntegerField(required=False, widget=forms.HiddenInput)
    o_sites = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args,
        metrics: list[Metric],
        tag_names: list[str],
        treatments: list[Treatment],
        state: DayState,
        today: date,
        prefill: DayState | None = None,
        **kwargs,
    ):
        shown = _merged(state, prefill)
        initial = {
            "day": state.day,
            "note": state.note,
            "o_note": state.note,
            "tags": sorted(shown.tags),
            "o_tags": SEP.join(sorted(state.tags)),
            "flare": shown.flare,
            "o_flare": state.flare,
            "o_sites": SEP.join(sorted(state.sites)),
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.metrics, self.treatments, self.today = metrics, treatments, today
        self.fields["tags"].choices = [(n, n) for n in sorted(set(tag_names) | shown.tags)]
        for metric in metrics:
            self.fields[f"m_{metric.key}"] = forms.CharField(label=metric.name, required=False)
            self.fields[f"x_{metric.key}"] = forms.CharField(label=metric.name, required=False)
            self.fields[f"o_{metric.key}"] = forms.CharField(
                required=False, widget=forms.HiddenInput
            )
            self.initial[f"m_{metric.key}"] = _fmt(shown.values.get(metric.key))
            self.initial[f"o_{metric.key}"] = _fmt(state.values.get(metric.key))
        for t in treatments:
            self.fields[f"t_{t.id}"] = forms.ChoiceField(
                label=t.name,
                required=False,
                choices=[("", "Not logged"), ("taken", "Taken"), ("skipped", "Not taken")],
            )
            self.fields[f"o_t_{t.id}"] = forms.CharField(required=False, widget=forms.HiddenInput)
            self.initial[f"t_{t.id}"] = _intake_code(shown.intakes.get(t.id))
            self.initial[f"o_t_{t.id}"] = _intake_code(state.intakes.get(t.id))

    def clean_day(self) -> date:
        try:
            return check_day(self.cleaned_data["day"], self.today)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self) -> dict:
        data = super().clean()
        for metric in self.metrics:
            typed = (data.get(f"x_{metric.key}") or "").strip()  # typed beside quick picks
            raw = typed or (data.get(f"m_{metric.key}") or "").strip()
            data[f"m_{metric.key}"] = raw
            if raw and raw != CLEAR:
                try:
                    data[f"m_{metric.key}"] = parse_value(metric, raw)
                except ValueError as exc:
                    self.add_error(f"m_{metric.key}", str(exc))
        return data

    def changes(self) -> DayChanges:
        """Return what the person changed relative to what the page showed."""
        data = self.cleaned_data
        values: dict[str, float | None] = {}
        for metric in self.metrics:
            name = f"m_{metric.key}"
            if name not in self.data and f"x_{metric.key}" not in self.data:
                continue  # not on the submitted page: unchanged
            before = (data.get(f"o_{metric.key}") or "").strip()
            after = data.get(name)
            if after in ("", None, CLEAR):
                if before:
                    values[metric.key] = None
            elif _fmt(after) != before:
                values[metric.key] = after
        before_tags = frozenset(t for t in (data.get("o_tags") or "").split(SEP) if t)
        after_tags = frozenset(data.get("tags") or ())
        new_tag = (data.get("new_tag") or "").strip()
        if new_tag:
            after_tags |= {new_tag}
        intakes: dict[int, bool | None] = {}
        for t in self.treatments:
            after, before = data.get(f"t_{t.id}") or "", data.get(f"o_t_{t.id}") or ""
            if after and after != before:
                intakes[t.id] = after == "taken"
        flare = data.get("flare")
        note = NoteEdit(data.get("o_note") or "", data.get("note") or "")
        return DayChanges(
            values=values,
            tags_add=after_tags - before_tags if "o_tags" in self.data else frozenset(),
            tags_remove=before_tags - after_tags if "o_tags" in self.data else frozenset(),
            note=note if "note" in self.data else None,
            intakes=intakes,
            flare=flare if flare is not None and flare != data.get("o_flare") else None,
            **self._site_changes(),
        )

    def _site_changes(self) -> dict[str, frozenset[str]]:
        """Return sites ticked and unticked on the body map, if the page showed it."""
        if "o_sites" not in self.data:
            return {}
        before = frozenset(s for s in (self.cleaned_data.get("o_sites") or "").split(SEP) if s)
        after = frozenset(self.data.getlist("sites")) & set(SITE_KEYS)
        return {"sites_add": after - before, "sites_remove": before - after}


class MetricForm(forms.Form):
    """A person's own metric."""

    name = forms.CharField(label="Name", max_length=60)
    kind = forms.ChoiceField(
        label="Kind", choices=Metric.KINDS, widget=forms.RadioSelect, initial="symptom"
    )
    low = forms.FloatField(label="Lowest value", initial=0, min_value=-1000, max_value=100000)
    high = forms.FloatField(label="Highest value", initial=10, min_value=-1000, max_value=100000)
    step = forms.FloatField(label="Step", initial=1, min_value=0.001, max_value=1000)
    unit = forms.CharField(label="Unit", required=False, max_length=20)
    worse = forms.ChoiceField(
        label="Which direction is worse",
        choices=Metric.WORSE,
        widget=forms.RadioSelect,
        initial="higher",
    )
    question = forms.CharField(label="Question to ask (optional)", required=False, max_length=120)

    def clean(self) -> dict:
        data = super().clean()
        low, high = data.get("low"), data.get("high")
        if low is not None and high is not None and high <= low:
            self.add_error("high", "The highest value must be above the lowest.")
        return data


class MetricRow:
    """What the template needs to draw one metric on the check-in."""

    def __init__(self, form: CheckinForm, metric: Metric, hint: float | None):
        self.metric, self.hint = metric, _fmt(hint)
        self.field = form[f"m_{metric.key}"]
        self.orig = hidden(form[f"o_{metric.key}"])
        raw = self.field.value()
        self.current = raw if isinstance(raw, str) else _fmt(raw)
        self.options = metric_options(metric) if metric.is_scale else []
        self.quick = [] if metric.is_scale else [_fmt(v) for v in QUICK_PICKS.get(metric.key, ())]
        self.typed = "" if self.current in self.quick else self.current
        self.question = question_for(metric.question, form.initial["day"], form.today)


def metric_options(metric: Metric) -> list[tuple[str, str]]:
    """Return (value, label) for each tap target of a small whole-number scale."""
    values = range(int(metric.low), int(metric.high) + 1)
    words = list(metric.words or [])
    return [(str(v), words[i] if i < len(words) else str(v)) for i, v in enumerate(values)]


def metric_rows(form: CheckinForm, yesterday: DayState) -> list[MetricRow]:
    return [MetricRow(form, m, yesterday.values.get(m.key)) for m in form.metrics]


def treatment_rows(form: CheckinForm) -> list[tuple[Treatment, object, object, str]]:
    """Return (treatment, field, original field, dose label) for each treatment row."""
    rows = []
    for t in form.treatments:
        regimen = t.current_regimen(form.initial["day"])
        rows.append(
            (
                t,
                form[f"t_{t.id}"],
                hidden(form[f"o_t_{t.id}"]),
                regimen.label() if regimen else t.name,
            )
        )
    return rows


# The check-in draws about forty small inputs; Django renders each widget through a template,
# which was a tenth of the page's time. These draw the same HTML directly.


def hidden(field: BoundField) -> SafeString:
    """Return a hidden field's <input>, as its HiddenInput widget draws it."""
    value = field.value()
    shown = "" if value in ("", None) else format_html(' value="{}"', value)
    return format_html(
        '<input type="hidden" name="{}"{} id="{}">', field.html_name, shown, field.auto_id
    )


def choice_inputs(field: BoundField) -> list[tuple[SafeString, str]]:
    """Return (<input>, label) for each choice of a radio or checkbox field, as its widget would."""
    kind = "checkbox" if isinstance(field.field.widget, forms.CheckboxSelectMultiple) else "radio"
    value = field.value()
    chosen = {
        str(v) for v in (value if isinstance(value, list | tuple) else [value]) if v is not None
    }
    invalid = SafeString(' aria-invalid="true"') if field.errors else ""
    inputs = []
    for i, (option, label) in enumerate(field.field.choices):
        tick = SafeString(" checked") if str(option) in chosen else ""
        tag = format_html(
            '<input type="{}" name="{}" value="{}" id="{}_{}"{}{}>',
            kind,
            field.html_name,
            option,
            field.auto_id,
            i,
            invalid,
            tick,
        )
        inputs.append((tag, str(label)))
    return inputs
