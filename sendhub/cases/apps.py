from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "sendhub.cases"
    label = "cases"
    verbose_name = "Casework"

    def ready(self) -> None:
        from sendhub.cases import permissions  # noqa: F401  (registers the rules permissions)
