from django.urls import URLPattern

app_name = "sen2"

urlpatterns: list[URLPattern] = []
