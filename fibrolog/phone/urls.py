from django.urls import path

from fibrolog.phone import views

urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("today/shell/", views.today_shell, name="today_shell"),
    path("checkin/sync/", views.checkin_sync, name="checkin_sync"),
]
