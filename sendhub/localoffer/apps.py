from django.apps import AppConfig


class LocalOfferConfig(AppConfig):
    name = "sendhub.localoffer"
    label = "localoffer"
