from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "sendhub.dashboard"
    label = "dashboard"
