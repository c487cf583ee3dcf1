from django.urls import path

from fibrolog.reminders import views

urlpatterns = [
    path("", views.reminder_settings, name="reminders"),
    path("subscribe/", views.subscribe, name="reminders_subscribe"),
]
