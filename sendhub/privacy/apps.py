from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "sendhub.privacy"
    verbose_name = "Privacy (subject access and retention)"

    def ready(self) -> None:
        from sendhub.privacy import tasks  # noqa: F401  registers the nightly retention job
