from django.apps import AppConfig


class Sen2Config(AppConfig):
    name = "sendhub.sen2"
    label = "sen2"
    verbose_name = "SEN2 return"

    def ready(self) -> None:
        from sendhub.sen2 import permissions  # noqa: F401  (registers the rules permissions)
