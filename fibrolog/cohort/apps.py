from django.apps import AppConfig


class CohortConfig(AppConfig):
    name = "fibrolog.cohort"
    label = "cohort"
    verbose_name = "Research cohort"

    def ready(self) -> None:
        from django.db.models.signals import pre_delete

        from fibrolog.cohort.models import ResearchConsent
        from fibrolog.cohort.services.consent import forget_on_delete
        from fibrolog.cohort.services.prior import cohort_priors
        from fibrolog.insights import priors

        priors.register(cohort_priors)  # consented people's treatment priors
        pre_delete.connect(forget_on_delete, sender=ResearchConsent, dispatch_uid="cohort-forget")
