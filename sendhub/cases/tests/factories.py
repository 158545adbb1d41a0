"""Test data for casework (factory_boy); synthetic only."""

from __future__ import annotations

from datetime import date

import factory

from sendhub.cases.models import AdviceRequest, AssessmentRequest, Child, ParentCarer, Plan
from sendhub.schools.models import School


class SchoolFactory(factory.django.DjangoModelFactory[School]):
    class Meta:
        model = School

    urn = factory.Sequence(lambda n: 990000 + n)
    name = factory.Sequence(lambda n: f"Test School {n}")
    phase = "primary"
    setting_type = "mainstream"
    la_code = "202"


class ChildFactory(factory.django.DjangoModelFactory[Child]):
    class Meta:
        model = Child

    reference = factory.Sequence(lambda n: f"T-{n:06d}")
    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Testperson{n}")
    birth_date = date(2015, 3, 1)
    sex = "M"
    ethnicity = "NOBT"
    primary_need = "ASD"


class RequestFactory(factory.django.DjangoModelFactory[AssessmentRequest]):
    class Meta:
        model = AssessmentRequest

    child = factory.SubFactory(ChildFactory)
    received = date(2025, 6, 2)
    source = "parent"


class AdviceFactory(factory.django.DjangoModelFactory[AdviceRequest]):
    class Meta:
        model = AdviceRequest

    request = factory.SubFactory(RequestFactory)
    kind = "psychological"
    requested_on = date(2025, 7, 10)
    due = date(2025, 8, 21)


class ParentFactory(factory.django.DjangoModelFactory[ParentCarer]):
    class Meta:
        model = ParentCarer

    child = factory.SubFactory(ChildFactory)
    name = "Pat Testparent"


class PlanFactory(factory.django.DjangoModelFactory[Plan]):
    class Meta:
        model = Plan

    child = factory.SubFactory(ChildFactory)
    status = "active"
    start_date = date(2024, 2, 29)
