from django.urls import path

from fibrolog.insights import views

urlpatterns = [
    path("", views.overview, name="insights"),
    path("flares/", views.flares, name="insights_flares"),
    path("treatment/<str:factor>/", views.treatment, name="insights_treatment"),
]
