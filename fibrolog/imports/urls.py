from django.urls import path

from fibrolog.imports import views

urlpatterns = [
    path("", views.upload, name="imports"),
    path("weather/", views.weather, name="import_weather"),
    path("<int:pk>/", views.job_page, name="import_job"),
    path("<int:pk>/confirm/", views.confirm, name="import_confirm"),
    path("<int:pk>/columns/", views.column_map, name="import_map"),
    path("<int:pk>/discard/", views.discard, name="import_discard"),
]
