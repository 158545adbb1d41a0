"""Password reset under Django's own URL names (`reverse("password_reset")`), outside the accounts namespace."""

from django.urls import path

from sendhub.accounts import views

urlpatterns = [
    path("account/password-reset/", views.password_reset, name="password_reset"),
    path("account/password-reset/sent/", views.password_reset_done, name="password_reset_done"),
    path(
        "account/password-reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("account/password-reset/done/", views.password_reset_complete, name="password_reset_complete"),
]
