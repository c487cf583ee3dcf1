from datetime import time

from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "fibrolog.jobs"
    label = "jobs"

    def ready(self) -> None:
        from django_tasks.signals import task_finished

        from fibrolog.jobs.services import daily
        from fibrolog.jobs.services.queue import forget_finished
        from fibrolog.jobs.tasks import prune_finished

        daily("prune-finished-jobs", prune_finished, at=time(4, 0))
        task_finished.connect(forget_finished, dispatch_uid="jobs-forget-finished")
