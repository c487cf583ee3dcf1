from django.urls import path

from fibrolog.treatments import views

urlpatterns = [
    path("", views.treatment_list, name="treatments"),
    path("<int:pk>/", views.treatment_detail, name="treatment"),
]
