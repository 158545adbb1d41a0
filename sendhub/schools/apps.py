from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "sendhub.schools"
    label = "schools"
    verbose_name = "Schools and settings"

    def ready(self) -> None:
        from sendhub.schools import permissions  # noqa: F401
