from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "sendhub.voice"
    label = "voice"
    verbose_name = "Family voice and the contact centre"

    def ready(self) -> None:
        from sendhub.voice import permissions, tasks  # noqa: F401
