"""The clinic's pooled results, under /clinic/cohort/ (included before any "clinic/" include)."""

from django.urls import path

from fibrolog.cohort import views

urlpatterns = [
    path("", views.results, name="cohort_results"),
    path("run/", views.run, name="cohort_run"),
]
