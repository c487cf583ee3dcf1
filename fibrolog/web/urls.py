"""Every URL of the app. Each view declares its access policy; tests/test_access.py walks them."""

from django.urls import include, path
from django.views.generic import RedirectView

from fibrolog.web import views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="today"), name="home"),
    path("setup/", views.setup, name="setup"),
    path("", include("fibrolog.accounts.urls")),
    path("settings/", views.settings_page, name="settings"),
    # Before any "clinic/" include, so the clinic app's patterns cannot shadow these.
    path("clinic/cohort/", include("fibrolog.cohort.clinic_urls")),
    path("", include("fibrolog.phone.urls")),
    path("", include("fibrolog.diary.urls")),
    path("reminders/", include("fibrolog.reminders.urls")),
    path("treatments/", include("fibrolog.treatments.urls")),
    path("questionnaires/", include("fibrolog.questionnaires.urls")),
    path("imports/", include("fibrolog.imports.urls")),
    path("insights/", include("fibrolog.insights.urls")),
    path("data/", include("fibrolog.archive.urls")),
    path("report/", include("fibrolog.reports.urls")),
    path("experiments/", include("fibrolog.experiments.urls")),
    path("", include("fibrolog.cohort.urls")),
    path("clinic/", include("fibrolog.clinic.urls")),
    path("", include("fibrolog.jobs.urls")),
    path("sharing/", include("fibrolog.sharing.urls")),
    path("audit/", include("fibrolog.audit.urls")),
    path("", include("fibrolog.fhirapi.urls")),
]

# A database that stops answering outside a view (session, login) still gets the calm 503 page.
handler500 = "fibrolog.web.errors.server_error"
