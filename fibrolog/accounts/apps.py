from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "fibrolog.accounts"
    label = "accounts"
