"""Fixtures for the strategy tests: Camden's plan, partner organisations with their officers and measures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from sendhub.accounts.models import Role
from sendhub.strategy.camden import camden_plan_rows
from sendhub.strategy.models import (
    OrganisationKind,
    PartnerMeasure,
    PartnerMember,
    PartnerOrganisation,
    Plan,
    Unit,
)
from sendhub.strategy.services import measures, plan_io


@pytest.fixture
def plan(db: Any) -> Plan:
    return plan_io.import_plan(rows=camden_plan_rows(), by=None)


@pytest.fixture
def health_org(db: Any) -> PartnerOrganisation:
    return PartnerOrganisation.objects.create(name="Health partner", kind=OrganisationKind.HEALTH)


@pytest.fixture
def forum_org(db: Any) -> PartnerOrganisation:
    return PartnerOrganisation.objects.create(
        name="Parent Carer Forum", kind=OrganisationKind.PARENT_CARER_FORUM
    )


@pytest.fixture
def health_officer(make_user: Any, health_org: PartnerOrganisation) -> Any:
    user = make_user(Role.HEALTH, "health@example.test")
    PartnerMember.objects.create(user=user, organisation=health_org)
    return user


@pytest.fixture
def forum_officer(make_user: Any, forum_org: PartnerOrganisation) -> Any:
    user = make_user(Role.PARTNER, "forum@example.test")
    PartnerMember.objects.create(user=user, organisation=forum_org)
    return user


@pytest.fixture
def health_checks(health_org: PartnerOrganisation) -> PartnerMeasure:
    return PartnerMeasure.objects.create(
        code="annual-health-checks-14",
        name="Annual health checks 14+",
        owner=health_org,
        unit=Unit.PERCENT,
        has_denominator=True,
    )


@pytest.fixture
def forum_events(forum_org: PartnerOrganisation) -> PartnerMeasure:
    return PartnerMeasure.objects.create(
        code="engagement-events", name="Engagement events held", owner=forum_org, unit=Unit.COUNT
    )


@pytest.fixture
def health_checks_linked(plan: Plan, health_checks: PartnerMeasure, health_officer: Any) -> PartnerMeasure:
    """Two years of values for 3.12, both below its 75% target."""
    for start, end, num, den in [
        (date(2023, 4, 1), date(2024, 3, 31), 120, 200),
        (date(2024, 4, 1), date(2025, 3, 31), 140, 200),
    ]:
        measures.record_partner_value(
            measure=health_checks,
            by=health_officer,
            entry=measures.ValueInput(
                period_start=start,
                period_end=end,
                value=None,
                numerator=num,
                denominator=den,
                source="GP returns",
            ),
        )
    measures.link_measure(
        action=plan.actions.get(number="3.12"),
        label="14+ with an annual health check",
        partner_measure=health_checks,
        target=Decimal(75),
        direction="higher",
        due=date(2025, 3, 31),
        by=None,
    )
    return health_checks
