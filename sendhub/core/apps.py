from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sendhub.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from sendhub.core import permissions  # noqa: F401  (registers the rules)
