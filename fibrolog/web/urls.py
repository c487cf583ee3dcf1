"""Every URL of the app. Each view declares its access policy; tests/test_access.py walks them."""

from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from fibrolog.accounts import views as accounts
from fibrolog.diary import views as diary
from fibrolog.treatments import views as treatments

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="today"), name="home"),
    path("setup/", accounts.setup, name="setup"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("settings/", accounts.settings_page, name="settings"),
    path("today/", diary.today, name="today"),
    path("day/", diary.pick_day, name="pick_day"),
    path("day/<str:iso>/", diary.day, name="day"),
    path("checkin/", diary.checkin, name="checkin"),
    path("timeline/", diary.timeline_page, name="timeline"),
    path("metrics/new/", diary.metric_new, name="metric_new"),
    path("treatments/", treatments.treatment_list, name="treatments"),
    path("treatments/<int:pk>/", treatments.treatment_detail, name="treatment"),
    path("questionnaires/", include("fibrolog.questionnaires.urls")),
    path("imports/", include("fibrolog.imports.urls")),
    path("insights/", include("fibrolog.insights.urls")),
    path("data/", include("fibrolog.archive.urls")),
    path("report/", include("fibrolog.reports.urls")),
    path("experiments/", include("fibrolog.experiments.urls")),
]
