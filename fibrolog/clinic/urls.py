from django.urls import path

from fibrolog.clinic import views

urlpatterns = [
    path("", views.dashboard, name="clinic_dashboard"),
    path("people/<int:pk>/", views.person, name="clinic_person"),
    path("people/<int:pk>/visit/", views.visit, name="clinic_visit"),
    path("people/<int:pk>/request/", views.request_questionnaire, name="clinic_request"),
    path("people/<int:pk>/request/<int:rk>/end/", views.withdraw, name="clinic_request_end"),
    path("people/<int:pk>/propose/", views.propose, name="clinic_propose"),
    path("proposals/<int:pk>/accept/", views.accept, name="clinic_proposal_accept"),
    path("proposals/<int:pk>/decline/", views.decline, name="clinic_proposal_decline"),
]
