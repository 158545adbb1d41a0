from typing import Any

from django.conf import settings
from django.http import HttpRequest

import sendhub
from sendhub.core.navigation import areas_for


def service(request: HttpRequest) -> dict[str, Any]:
    nav_areas = areas_for(getattr(request, "user", None), request.path)
    current_area = next((area for area in nav_areas if area["active"]), None)
    return {
        "service_name": settings.SENDHUB_SERVICE_NAME,
        "la_name": settings.SENDHUB_LA_NAME,
        "la_code": settings.SENDHUB_LA_CODE,
        "nav_areas": nav_areas,
        # Inside an area of two or more items, its items are the sub-navigation under the header.
        "sub_nav": current_area if current_area and len(current_area["items"]) > 1 else None,
        "demo_mode": settings.DEMO,
        # Shown wherever a page tells a family to get in touch (components/council_contact.html).
        "council": {
            "phone": settings.SENDHUB_COUNCIL_PHONE,
            "email": settings.SENDHUB_COUNCIL_EMAIL,
            "address": settings.SENDHUB_COUNCIL_ADDRESS,
            "hours": settings.SENDHUB_COUNCIL_HOURS,
            "iass_name": settings.SENDHUB_COUNCIL_IASS_NAME,
            "iass_phone": settings.SENDHUB_COUNCIL_IASS_PHONE,
            "iass_web": settings.SENDHUB_COUNCIL_IASS_WEB,
        },
        "oidc_enabled": settings.SENDHUB_USE_OIDC,
        "lockout_minutes": settings.LOCKOUT_MINUTES,  # the locked-out page says how long, as configured
        # Staff see the release in the footer (to report a problem or check an upgrade); the public do not.
        "release": sendhub.__version__
        if getattr(getattr(request, "user", None), "is_council_staff", False)
        else "",
    }
