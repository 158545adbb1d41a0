from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "sendhub.dashboard"
    label = "dashboard"
    verbose_name = "Performance dashboard"

    def ready(self) -> None:
        from sendhub.dashboard import permissions  # noqa: F401  (registers the rules)
