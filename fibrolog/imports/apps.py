from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "fibrolog.imports"
    label = "imports"

    def ready(self) -> None:
        from fibrolog.imports.tasks import fetch_place_weather
        from fibrolog.jobs.services import forget_when_done

        forget_when_done(fetch_place_weather)  # its arguments name a place the person asked for
