from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sendhub.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from sendhub.core import checks, permissions  # noqa: F401  (register the deploy checks and rules)
