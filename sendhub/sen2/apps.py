from django.apps import AppConfig


class Sen2Config(AppConfig):
    name = "sendhub.sen2"
    label = "sen2"
