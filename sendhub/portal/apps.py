from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "sendhub.portal"
    label = "portal"
    verbose_name = "Family pages"

    def ready(self) -> None:
        from sendhub.portal import permissions  # noqa: F401
