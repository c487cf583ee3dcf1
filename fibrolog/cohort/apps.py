from django.apps import AppConfig


class CohortConfig(AppConfig):
    name = "fibrolog.cohort"
    label = "cohort"
    verbose_name = "Research cohort"

    def ready(self) -> None:
        from fibrolog.cohort.services.prior import cohort_priors
        from fibrolog.insights import priors

        priors.register(cohort_priors)  # consented people's treatment priors
