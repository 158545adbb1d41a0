from typing import Any

from django.urls import URLPattern, URLResolver, include, path

from sendhub.core.api import public_urls
from sendhub.localoffer.api import api, open_cors

app_name = "localoffer"


def _cors(patterns: list[Any]) -> list[Any]:
    for p in patterns:
        if isinstance(p, URLResolver):
            _cors(p.url_patterns)
        elif isinstance(p, URLPattern):
            p.callback = open_cors(p.callback)
    return patterns


_api_patterns, _api_app, _ = public_urls(api)

urlpatterns: list[Any] = [
    path("api/oruk/", include((_cors(_api_patterns), _api_app), namespace="oruk")),
]
