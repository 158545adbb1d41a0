from typing import Any

from django.urls import URLPattern, URLResolver, include, path

from sendhub.core.api import public_urls
from sendhub.localoffer.api import api, open_cors
from sendhub.localoffer.views import manage, provider, public

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
    path("local-offer/", public.index, name="index"),
    path("local-offer/services/", public.service_list, name="service_list"),
    path("local-offer/services/<uuid:pk>/", public.service_detail, name="service_detail"),
    path("local-offer/services/<uuid:pk>/report/", public.report_problem, name="report_problem"),
    path("local-offer/shortlist/", public.shortlist, name="shortlist"),
    path("local-offer/shortlist/add/", public.shortlist_add, name="shortlist_add"),
    path("local-offer/shortlist/remove/", public.shortlist_remove, name="shortlist_remove"),
    path("local-offer/shortlist/email/", public.shortlist_email, name="shortlist_email"),
    path("local-offer/pages/<slug:slug>/", public.content_page, name="content_page"),
    path("local-offer/manage/moderation/", manage.moderation_queue, name="moderation_queue"),
    path("local-offer/manage/moderation/approve/", manage.bulk_approve, name="bulk_approve"),
    path("local-offer/manage/moderation/<uuid:pk>/", manage.revision_detail, name="revision_detail"),
    path("local-offer/manage/reviews/", manage.reviews_due, name="reviews_due"),
    path("local-offer/manage/problems/", manage.problem_reports, name="problem_reports"),
    path("local-offer/manage/problems/<uuid:pk>/resolve/", manage.resolve_problem, name="resolve_problem"),
    path("local-offer/manage/pages/", manage.content_pages, name="content_pages"),
    path("local-offer/manage/pages/<slug:slug>/edit/", manage.content_page_edit, name="content_page_edit"),
    path(
        "local-offer/manage/pages/changes/<uuid:pk>/",
        manage.content_change_detail,
        name="content_change_detail",
    ),
    path(
        "local-offer/manage/pages/<slug:slug>/history/",
        manage.content_page_history,
        name="content_page_history",
    ),
    path("local-offer/provider/", provider.provider_services, name="provider_services"),
    path("local-offer/provider/services/<uuid:pk>/", provider.provider_service, name="provider_service"),
    path(
        "local-offer/provider/services/<uuid:pk>/edit/",
        provider.provider_service_edit,
        name="provider_service_edit",
    ),
    path("local-offer/provider/services/<uuid:pk>/<slug:kind>/add/", provider.record_edit, name="record_add"),
    path(
        "local-offer/provider/services/<uuid:pk>/<slug:kind>/<uuid:item>/",
        provider.record_edit,
        name="record_change",
    ),
    path(
        "local-offer/provider/services/<uuid:pk>/<slug:kind>/<uuid:item>/remove/",
        provider.record_remove,
        name="record_remove",
    ),
    path("local-offer/provider/<uuid:org>/new/", provider.provider_service_new, name="provider_service_new"),
]
