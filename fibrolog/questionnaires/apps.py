from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "fibrolog.questionnaires"
    label = "questionnaires"

    def ready(self) -> None:
        from fibrolog.questionnaires.panels import register_panels

        register_panels()
