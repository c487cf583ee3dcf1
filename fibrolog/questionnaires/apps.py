from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "fibrolog.questionnaires"
    label = "questionnaires"
