from django.urls import URLPattern

app_name = "localoffer"

urlpatterns: list[URLPattern] = []
