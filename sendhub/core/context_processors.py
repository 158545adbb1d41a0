from typing import Any

from django.conf import settings
from django.http import HttpRequest

import sendhub
from sendhub.core.navigation import nav_for


def service(request: HttpRequest) -> dict[str, Any]:
    return {
        "service_name": settings.SENDHUB_SERVICE_NAME,
        "la_name": settings.SENDHUB_LA_NAME,
        "la_code": settings.SENDHUB_LA_CODE,
        "nav_links": nav_for(getattr(request, "user", None), request.path),
        "demo_mode": settings.DEMO,
        "oidc_enabled": settings.SENDHUB_USE_OIDC,
        # Staff see the release in the footer (to report a problem or check an upgrade); the public do not.
        "release": sendhub.__version__
        if getattr(getattr(request, "user", None), "is_council_staff", False)
        else "",
    }
