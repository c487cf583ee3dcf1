"""Upload, confirm-the-scales and map-the-columns forms."""

from __future__ import annotations

from django import forms

from fibrolog.imports.uploads import check_upload_size
from fibrolog.ingest import KINDS, Choices, Preview, Scale


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label="What is it?", choices=[(k.name, k.label) for k in KINDS.values()]
    )
    file = forms.FileField(label="File")

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        check_upload_size(uploaded.size)
        return uploaded

    def clean(self):
        data = super().clean()
        kind, upload = KINDS.get(data.get("kind", "")), data.get("file")
        if kind and upload and not kind.accepts(upload.name):
            endings = " or ".join(kind.suffixes)
            self.add_error("file", f"{kind.title} files end in {endings}.")
        return data


def _metric_choices(metrics) -> list[tuple[str, str]]:
    return [("", "Skip it")] + [(m.key, m.name) for m in metrics]


class ConfirmForm(forms.Form):
    """One field per scale, name and label the file does not state; initial = the proposal."""

    def __init__(self, *args, preview: Preview, metrics, **kwargs):
        super().__init__(*args, **kwargs)
        self.preview = preview
        for i, q in enumerate(preview.scales):
            self.fields[f"low_{i}"] = forms.FloatField(
                label=f"{q.key}: lowest", initial=q.proposed.low
            )
            self.fields[f"high_{i}"] = forms.FloatField(
                label=f"{q.key}: highest", initial=q.proposed.high
            )
            self.fields[f"rev_{i}"] = forms.BooleanField(
                label=f"{q.key}: high means better here", required=False, initial=q.proposed.reverse
            )
        for i, q in enumerate(preview.names):
            self.fields[f"name_{i}"] = forms.ChoiceField(
                label=f"{q.category} '{q.name}' ({q.count})",
                required=False,
                choices=_metric_choices(metrics),
                initial=q.proposed or "",
            )
        for i, q in enumerate(preview.labels):
            self.fields[f"label_{i}"] = forms.FloatField(
                label=f"'{q.label}' ({q.count} days) on fibrolog's 0-10 mood scale",
                min_value=0,
                max_value=10,
                required=q.proposed is None,
                initial=q.proposed,
            )
        if preview.people:
            self.fields["person"] = forms.ChoiceField(
                label="Whose diary is yours?", choices=[(p, p) for p in preview.people]
            )

    def clean(self):
        data = super().clean()
        for i, _ in enumerate(self.preview.scales):
            lo, hi = data.get(f"low_{i}"), data.get(f"high_{i}")
            if lo is not None and hi is not None and hi <= lo:
                self.add_error(f"high_{i}", "The highest value must be above the lowest.")
        return data

    def choices(self) -> Choices:
        d = self.cleaned_data
        return Choices(
            metrics={q.name: d.get(f"name_{i}") or None for i, q in enumerate(self.preview.names)},
            scales={
                q.key: Scale(d[f"low_{i}"], d[f"high_{i}"], d[f"rev_{i}"])
                for i, q in enumerate(self.preview.scales)
            },
            labels={
                q.label: d[f"label_{i}"]
                for i, q in enumerate(self.preview.labels)
                if d.get(f"label_{i}") is not None
            },
            person=d.get("person", ""),
        )


class MappingForm(forms.Form):
    """What each column of a generic CSV holds."""

    date_format = forms.CharField(
        label="Date format (leave empty for 2026-11-25)",
        required=False,
        max_length=40,
        help_text="For example %d/%m/%Y.",
    )

    def __init__(self, *args, header: list[str], metrics, **kwargs):
        super().__init__(*args, **kwargs)
        self.header = header
        roles = [
            ("", "Ignore"),
            ("date", "The date"),
            ("tags", "Tags (separated by |)"),
            ("note", "A note"),
        ] + [(f"m:{m.key}", m.name) for m in metrics]
        for i, column in enumerate(header):
            self.fields[f"col_{i}"] = forms.ChoiceField(label=column, choices=roles, required=False)

    def clean(self):
        data = super().clean()
        roles = [data.get(f"col_{i}") for i in range(len(self.header))]
        if roles.count("date") != 1:
            raise forms.ValidationError("Choose exactly one column as the date.")
        if not any(r and r.startswith("m:") for r in roles):
            raise forms.ValidationError("Choose at least one column to import as a metric.")
        return data

    def mapping(self) -> dict:
        d = self.cleaned_data
        out: dict = {"metrics": {}, "date_format": d.get("date_format", "")}
        for i, column in enumerate(self.header):
            role = d.get(f"col_{i}") or ""
            if role.startswith("m:"):
                out["metrics"][column] = role[2:]
            elif role in ("date", "tags", "note"):
                out[role] = column
        return out


class WeatherForm(forms.Form):
    """A place (its name, or coordinates the person enters) and from when."""

    place = forms.CharField(
        label="Town or city",
        required=False,
        max_length=100,
        help_text="For example London. Or leave it empty and give the coordinates.",
    )
    latitude = forms.FloatField(
        label="Latitude",
        required=False,
        min_value=-90,
        max_value=90,
        help_text="For example 51.51 for London.",
    )
    longitude = forms.FloatField(
        label="Longitude",
        required=False,
        min_value=-180,
        max_value=180,
        help_text="For example -0.13 for London.",
    )
    start = forms.DateField(
        label="From", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        data = super().clean()
        place = (data.get("place") or "").strip()
        coords = [data.get("latitude"), data.get("longitude")]
        if not place and None in coords and not self.errors:
            raise forms.ValidationError("Give a town or city, or both coordinates.")
        data["place"] = place
        return data
