from django.urls import path

from fibrolog.sharing import views

urlpatterns = [
    path("", views.sharing, name="sharing"),
    path("<int:pk>/revoke/", views.revoke, name="sharing_revoke"),
    path("code/", views.clinician_code, name="clinician_code"),
]
