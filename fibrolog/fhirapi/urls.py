from django.urls import path

from fibrolog.fhirapi import views

urlpatterns = [
    path("account/api-tokens/", views.api_tokens, name="api_tokens"),
    path("account/api-tokens/<int:pk>/revoke/", views.api_token_revoke, name="api_token_revoke"),
    path("fhir/metadata", views.metadata, name="fhir_metadata"),
    path("fhir/Patient/<str:pid>", views.patient, name="fhir_patient"),
    path("fhir/Patient/<str:pid>/$everything", views.everything, name="fhir_everything"),
    path("fhir/Observation", views.observations, name="fhir_observations"),
    path("fhir/<path:rest>", views.unknown, name="fhir_unknown"),
]
