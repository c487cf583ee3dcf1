from django.urls import path

from fibrolog.archive import views

urlpatterns = [
    path("", views.your_data, name="your_data"),
    path("export/<slug:fmt>/", views.download, name="data_export"),
    path("erase/", views.erase, name="data_erase"),
]
