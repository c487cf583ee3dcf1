from django.urls import path

from fibrolog.jobs import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]
