from django.urls import path

from fibrolog.reports import views

urlpatterns = [
    path("", views.report_page, name="report"),
    path("pdf/", views.report_pdf, name="report_pdf"),
]
