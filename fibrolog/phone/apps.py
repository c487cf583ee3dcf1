from django.apps import AppConfig


class PhoneConfig(AppConfig):
    name = "fibrolog.phone"
    label = "phone"
