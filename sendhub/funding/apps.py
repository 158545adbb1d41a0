from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "sendhub.funding"
    label = "funding"
    verbose_name = "Funding and places"

    def ready(self) -> None:
        from sendhub.funding import permissions  # noqa: F401
