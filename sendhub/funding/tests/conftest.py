"""A small, fully worked funding picture for financial year 2026-27 (365 days; notional threshold £11,000).

Expected figures (docs/domains/funding.md works the same example):
  mainstream top-up  band B £17,000 - £11,000 = £6,000, the whole year                    6,000.00
  special            band B £20,000 from 1 October 2026: 182 / 365                        9,972.60
  independent        band B £60,000, plan ceased 30 June 2026: 91 / 365                  14,958.90
  ENG                £3,000 for 1 Sep 2026 - 31 Aug 2027 (365 days): 212 in the year      1,742.47
  tuition            £700 a week from 1 January 2027: 90 days / 7                         9,000.00
  services           £100,000 a year                                                    100,000.00
  committed                                                                             141,673.97
  forecast           + £12,000 services adjustment from October                         153,673.97
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest

from sendhub.accounts.models import Role, User
from sendhub.cases.models import Child, Plan
from sendhub.cases.tests.factories import ChildFactory, PlanFactory, SchoolFactory
from sendhub.funding.models import BandSetting, BandValue, Commitment, FundingYear, Line
from sendhub.funding.services import banding, budget, eng, places
from sendhub.schools.models import School


@dataclass
class World:
    year: FundingYear
    school: School
    other_school: School
    senco: User
    lead: User
    outsider_senco: User
    finance: User
    manager: User
    eng_child: Child
    plans: dict[str, Plan]
    cluster: Any
    application: Any


def band_value(year: FundingYear, code: str, setting: str) -> BandValue:
    return BandValue.objects.get(band__framework__year=year, band__code=code, setting=setting)


@pytest.fixture
def quick_user(db: Any) -> Any:
    """A user without a password hash to compute (tests sign in with force_login): keeps setup fast."""

    def make(role: str, email: str, **extra: Any) -> User:
        user = User(email=email, full_name=f"Test {role}", role=role, **extra)
        user.set_unusable_password()
        user.save()
        return user

    return make


@pytest.fixture
def world(db: Any, quick_user: Any, team: Any) -> World:
    make_user = quick_user
    school = SchoolFactory.create(name="Rhyl Test Primary")
    other = SchoolFactory.create(name="Netley Test Primary")
    senco = make_user(Role.SENCO, "senco@school.test")
    senco.schools.add(school)
    lead = make_user(Role.SENCO, "lead@school.test")
    lead.schools.add(other)
    outsider = make_user(Role.SENCO, "outsider@school.test")
    outsider.schools.add(SchoolFactory.create(name="Elsewhere Primary"))
    finance = make_user(Role.FINANCE, "finance@council.test")
    manager = make_user(Role.TEAM_MANAGER, "manager@council.test", team=team)

    year = budget.set_funding_year(
        start_year=2026, notional_threshold=D("11000"), allocation=D("140000"), by=None
    )
    banding.create_framework(
        year=year,
        name="Camden banding 2026-27",
        bands=[
            (
                "A",
                "Needs met mostly from ordinarily available provision",
                {BandSetting.MAINSTREAM: D("9000")},
            ),
            (
                "B",
                "Significant needs across several areas",
                {
                    BandSetting.MAINSTREAM: D("17000"),
                    BandSetting.SPECIAL: D("20000"),
                    BandSetting.INDEPENDENT: D("60000"),
                },
            ),
        ],
        by=None,
    )
    plans = {
        "mainstream": PlanFactory.create(child=ChildFactory.create(team=team)),
        "special": PlanFactory.create(child=ChildFactory.create(team=team)),
        "independent": PlanFactory.create(
            child=ChildFactory.create(team=team), status="ceased", ceased=date(2026, 6, 30), cease_reason="2"
        ),
        "draft": PlanFactory.create(child=ChildFactory.create(team=team), status="draft", start_date=None),
    }
    decide = {"decided_on": date(2025, 8, 20), "forum": "EHCP panel", "by": manager}
    banding.record_band(
        plan_id=plans["mainstream"].pk,
        value=band_value(year, "B", "mainstream"),
        start=date(2025, 9, 1),
        **decide,
    )
    banding.record_band(
        plan_id=plans["special"].pk,
        value=band_value(year, "B", "special"),
        start=date(2026, 10, 1),
        **{**decide, "decided_on": date(2026, 9, 10)},
    )
    banding.record_band(
        plan_id=plans["independent"].pk,
        value=band_value(year, "B", "independent"),
        start=date(2025, 1, 1),
        **{**decide, "decided_on": date(2024, 12, 1)},
    )
    banding.record_band(
        plan_id=plans["draft"].pk,
        value=band_value(year, "B", "independent"),
        start=date(2026, 4, 1),
        **{**decide, "decided_on": date(2026, 4, 1)},
    )

    cluster = eng.create_cluster(
        name="Kentish Town cluster", lead_school_id=other.pk, school_ids=[school.pk], by=None
    )
    cluster.leads.add(lead)
    eng.set_cluster_budget(cluster=cluster, start_year=2026, amount=D("50000"), by=None)
    eng.schedule_panel(cluster=cluster, meets_on=date(2026, 7, 8), by=None)
    eng_child = ChildFactory.create(
        school=school, first_name="Robin", last_name="Secretname", sen_status="support"
    )
    application = eng.submit_application(
        cluster=cluster,
        school_id=school.pk,
        child_id=eng_child.pk,
        needs="Speech and language needs",
        provision="Small-group language support, three sessions a week",
        graduated_approach="Two cycles of assess, plan, do, review",
        evidence="SALT report, March 2026",
        amount_requested=D("3000"),
        on=date(2026, 6, 1),
        by=senco,
    )
    eng.decide_application(
        application=application,
        outcome="approve",
        reasons="Meets the criteria",
        amount=D("3000"),
        start=date(2026, 9, 1),
        end=date(2027, 8, 31),
        on=date(2026, 7, 8),
        by=lead,
    )
    places.add_package(
        child_id=ChildFactory.create(team=team).pk,
        kind="tuition",
        provider="Test Tuition Ltd",
        hours_per_week=D("10"),
        weekly_cost=D("700"),
        start=date(2027, 1, 1),
        end=None,
        reason="No school place",
        review_date=date(2027, 3, 1),
        by=manager,
    )
    Commitment.objects.create(
        line=Line.SERVICES, description="Sensory support service", amount=D("100000"), start=date(2020, 4, 1)
    )
    for line, amount in [
        (Line.TOP_UP_MAINSTREAM, "5000"),
        (Line.TOP_UP_SPECIAL, "10000"),
        (Line.INDEPENDENT, "20000"),
        (Line.ENG, "2000"),
        (Line.TUITION_EOTAS, "8000"),
        (Line.SERVICES, "100000"),
    ]:
        budget.set_budget_line(year=year, line=line, amount=D(amount), by=None)
    budget.add_adjustment(
        year=year,
        line=Line.SERVICES,
        amount=D("12000"),
        from_month=date(2026, 10, 1),
        reason="New outreach contract",
        by=finance,
    )
    application.refresh_from_db()
    return World(
        year, school, other, senco, lead, outsider, finance, manager, eng_child, plans, cluster, application
    )
