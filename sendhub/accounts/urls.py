from django.urls import path

from sendhub.accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.sign_in, name="login"),
    path("sign-out/", views.sign_out, name="logout"),
    path("account/", views.profile, name="profile"),
    path("account/password/", views.password_change, name="password_change"),
    path("account/two-step/", views.otp_setup, name="otp_setup"),
    path("account/two-step/verify/", views.otp_verify, name="otp_verify"),
    path("admin-users/", views.user_list, name="user_list"),
    path("admin-users/new/", views.user_edit, name="user_create"),
    path("admin-users/<int:pk>/", views.user_edit, name="user_edit"),
    path("admin-users/<int:pk>/invite/", views.user_invite, name="user_invite"),
    path("admin-users/teams/", views.team_list, name="team_list"),
    path("admin-users/teams/<int:pk>/", views.team_edit, name="team_edit"),
    path("account/invitation/<uidb64>/<token>/", views.invitation, name="invitation"),
    path("admin-users/<int:pk>/two-step/reset/", views.user_otp_reset, name="user_otp_reset"),
]
