from django.urls import path

from fibrolog.questionnaires import views

urlpatterns = [
    path("", views.overview, name="questionnaires"),
    path("schedule/", views.schedule, name="questionnaire_schedule"),
    path("<slug:name>/start/", views.start, name="questionnaire_start"),
    path("<slug:name>/not-now/", views.dismiss, name="questionnaire_dismiss"),
    path("<slug:name>/history/", views.history, name="questionnaire_history"),
    path("r/<int:pk>/", views.result, name="questionnaire_result"),
    path("r/<int:pk>/page/<int:number>/", views.page, name="questionnaire_page"),
    path("r/<int:pk>/discard/", views.discard, name="questionnaire_discard"),
]
