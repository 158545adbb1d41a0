"""The demo Local Offer makes sense (issue #22): one provider per service, providers that would run it,
opening times written for people, and places in the parts of the borough their postcodes are in."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from sendhub.localoffer import demo, rules
from sendhub.localoffer import synthetic as words
from sendhub.localoffer.models import Schedule, Service


@pytest.mark.parametrize(
    ("byday", "opens", "closes", "text"),
    [
        ("MO,WE", dt.time(10), dt.time(13), "Monday and Wednesday, 10am to 1pm"),
        ("SA", dt.time(10, 30), dt.time(12, 30), "Saturday, 10:30am to 12:30pm"),
        ("MO,TU,WE,TH,FR", dt.time(9), dt.time(12), "Monday to Friday, 9am to midday"),
        ("TU,TH,SA", dt.time(16), dt.time(19), "Tuesday, Thursday and Saturday, 4pm to 7pm"),
    ],
)
def test_opening_times_read_as_people_write_them(byday, opens, closes, text):
    assert rules.schedule_text(byday, opens, closes) == text


def test_every_kind_of_service_appears_once_per_place():
    templates = sum(len(t) for t in words.TEMPLATES.values())
    names = [(n % templates, demo.service_place(n, templates)) for n in range(400)]
    assert len(set(names)) == len(names)


def test_wc1_is_in_the_borough():
    assert demo.area_of("WC1 3ZA") == "south"
    assert demo.area_of("NW3 2ZB") == "north"


@pytest.mark.django_db
def test_demo_directory_makes_sense(directory):
    services = list(Service.objects.select_related("organisation"))
    assert len(services) == 30
    named = Counter(s.name for s in services)
    assert max(named.values()) == 1  # no service listed twice under two providers
    for service in services:
        kinds = demo.PROVIDERS_FOR[
            next(c for c, ts in words.TEMPLATES.items() if any(t[1] == service.description for t in ts))
        ]
        assert any(service.organisation.name.endswith(k) for k in kinds), (
            service.name,
            service.organisation.name,
        )
        assert service.area != "out_of_area"
        location = service.locations.first() if hasattr(service, "locations") else None
        if location is not None:
            assert service.area == demo.area_of(location.postcode)
    health = [s for s in services if "therapy" in s.name.lower() or "NHS" in s.description]
    assert health and all("Arts Collective" not in s.organisation.name for s in health)
    for schedule in Schedule.objects.all():
        assert ":00 to" not in schedule.description and "MO" not in schedule.description
