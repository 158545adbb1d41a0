from django.urls import path

from sendhub.sen2 import views

app_name = "sen2"

urlpatterns = [
    path("sen2/", views.check, name="check"),
    path("sen2/check-current/", views.check_current, name="check_current"),
    path("sen2/check-file/", views.check_file, name="check_file"),
    path("sen2/download/", views.download, name="download"),
]
