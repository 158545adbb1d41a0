from django.urls import path

from sendhub.schools import views

app_name = "schools"

urlpatterns = [path("schools/", views.school_list, name="school_list")]
