from django.urls import path

from fibrolog.cohort import views

urlpatterns = [
    path("settings/research/", views.consent, name="research_consent"),
]
