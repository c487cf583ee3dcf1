from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DiaryConfig(AppConfig):
    name = "fibrolog.diary"
    label = "diary"

    def ready(self) -> None:
        from fibrolog.accounts.signals import account_created
        from fibrolog.diary.services.catalogue import sync_catalogue_after_migrate
        from fibrolog.diary.services.starter import add_starter_tags

        post_migrate.connect(sync_catalogue_after_migrate, sender=self)
        account_created.connect(add_starter_tags, dispatch_uid="diary-starter-tags")
