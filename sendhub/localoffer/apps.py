from django.apps import AppConfig


class LocalOfferConfig(AppConfig):
    name = "sendhub.localoffer"
    label = "localoffer"
    verbose_name = "Local Offer"

    def ready(self) -> None:
        from sendhub.localoffer import permissions, tasks  # noqa: F401  (registers the rules and jobs)
