"""Staff fallback: every Local Offer model is in the Django admin, and its lists open."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.usefixtures("directory")
# derived tables (search index, stored API documents) and rows edited inline with their parent
NOT_IN_ADMIN = {
    "searchposting",
    "searchkey",
    "servicedocument",
    "directoryversion",
    "serviceterm",
    "accessibilityfeature",
    "contentpageversion",
    "contentpagechange",
    "pageviewcount",  # counted by the Local Offer itself; shown on the strategy's visits page
}


def test_every_directory_model_is_registered_and_its_list_opens(client, login, make_user):
    login(client, make_user("admin", is_staff=True, is_superuser=True))
    models = [
        m for m in apps.get_app_config("localoffer").get_models() if m._meta.model_name not in NOT_IN_ADMIN
    ]
    assert len(models) >= 13
    for model in models:
        assert admin.site.is_registered(model), model
        url = reverse(f"admin:localoffer_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url


def test_service_change_page_opens_with_its_records(client, login, make_user):
    from sendhub.localoffer.models import Service

    login(client, make_user("admin", is_staff=True, is_superuser=True))
    service = Service.objects.all()[0]
    page = client.get(reverse("admin:localoffer_service_change", args=[service.pk])).content.decode()
    assert service.name in page and "Schedules" in page
