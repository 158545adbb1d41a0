from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sendhub.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from sendhub.core import checks, permissions  # noqa: F401  (register the deploy checks and rules)
        from sendhub.core.admin_audit import audit_every_admin

        audit_every_admin()  # the admin site has registered every app's ModelAdmins by now
