from django.urls import path

from fibrolog.experiments import views

urlpatterns = [
    path("", views.experiment_list, name="experiments"),
    path("new/", views.experiment_new, name="experiment_new"),
    path("<int:pk>/", views.experiment_detail, name="experiment"),
    path("<int:pk>/edit/", views.experiment_edit, name="experiment_edit"),
    path("<int:pk>/start/", views.experiment_start, name="experiment_start"),
    path("<int:pk>/pause/", views.experiment_pause, name="experiment_pause"),
    path("<int:pk>/stop/", views.experiment_stop, name="experiment_stop"),
    path("<int:pk>/taken/", views.experiment_taken, name="experiment_taken"),
    path("<int:pk>/note/", views.experiment_note, name="experiment_note"),
    path("<int:pk>/discard/", views.experiment_discard, name="experiment_discard"),
    path("<int:pk>/result/", views.experiment_result, name="experiment_result"),
    path("<int:pk>/schedule.ics", views.experiment_calendar, name="experiment_calendar"),
]
