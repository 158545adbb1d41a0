from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sendhub.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        from sendhub.accounts import permissions  # noqa: F401
