from django.urls import path

from fibrolog.diary import views

urlpatterns = [
    path("today/", views.today, name="today"),
    path("day/", views.pick_day, name="pick_day"),
    path("day/<str:iso>/", views.day, name="day"),
    path("checkin/", views.checkin, name="checkin"),
    path("timeline/", views.timeline_page, name="timeline"),
    path("metrics/new/", views.metric_new, name="metric_new"),
]
