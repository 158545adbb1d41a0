from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "sendhub.voice"
    label = "voice"
