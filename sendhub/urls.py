"""Each app's urls.py defines its own full paths, under its own namespace."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("sendhub.core.urls")),
    path("", include("sendhub.accounts.urls")),
    path("", include("sendhub.accounts.urls_password")),
    path("", include("sendhub.schools.urls")),
    path("", include("sendhub.cases.urls")),
    path("", include("sendhub.sen2.urls")),
    path("", include("sendhub.dashboard.urls")),
    path("", include("sendhub.localoffer.urls")),
    path("", include("sendhub.voice.urls")),
    path("", include("sendhub.funding.urls")),
    path("", include("sendhub.strategy.urls")),
    path("", include("sendhub.portal.urls")),
]

if settings.SENDHUB_USE_OIDC:
    from mozilla_django_oidc import views as oidc_views

    urlpatterns += [
        path(
            "oidc/authenticate/",
            login_not_required(oidc_views.OIDCAuthenticationRequestView.as_view()),
            name="oidc_authentication_init",
        ),
        path(
            "oidc/callback/",
            login_not_required(oidc_views.OIDCAuthenticationCallbackView.as_view()),
            name="oidc_authentication_callback",
        ),
    ]

handler400 = "sendhub.core.views.bad_request"
