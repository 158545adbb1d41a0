from django.urls import URLPattern

app_name = "voice"

urlpatterns: list[URLPattern] = []
