from django.apps import AppConfig


class FhirApiConfig(AppConfig):
    name = "fibrolog.fhirapi"
    label = "fhirapi"
