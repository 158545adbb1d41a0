from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "sendhub.portal"
    label = "portal"
    verbose_name = "Family pages"

    def ready(self) -> None:
        from sendhub.portal import permissions, signals  # noqa: F401

        signals.connect()
