from django.urls import path

from sendhub.dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("dashboard/", views.index, name="index"),
    path("dashboard/benchmarks/", views.benchmark, name="benchmark"),
    path("dashboard/boards/", views.board, name="board"),
    path("dashboard/boards/download/", views.board_download, name="board_download"),
    path("dashboard/forecast/", views.forecast, name="forecast"),
    path("dashboard/kpis/", views.kpis, name="kpis"),
    path("dashboard/kpis/cases/", views.kpi_cases, name="kpi_cases"),
    path("dashboard/disproportionality/", views.disproportionality, name="disproportionality"),
    path("dashboard/public/", views.public_dashboard, name="public"),
]
