from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "sendhub.cases"
    label = "cases"
