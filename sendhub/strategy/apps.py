from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "sendhub.strategy"
    label = "strategy"
    verbose_name = "Strategy and governance"

    def ready(self) -> None:
        from sendhub.strategy import permissions  # noqa: F401
