from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DiaryConfig(AppConfig):
    name = "fibrolog.diary"
    label = "diary"

    def ready(self) -> None:
        from fibrolog.diary.services.catalogue import sync_catalogue_after_migrate

        post_migrate.connect(sync_catalogue_after_migrate, sender=self)
