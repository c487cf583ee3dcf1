from django import forms


class TokenForm(forms.Form):
    label = forms.CharField(
        max_length=80,
        label="What is it for?",
        help_text="A name you will recognise, e.g. “Clinic EHR”.",
    )
