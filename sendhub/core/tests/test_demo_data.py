import io
from itertools import pairwise
from typing import Any

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from sendhub.accounts.models import Role, User
from sendhub.schools.models import School


@pytest.mark.django_db
def test_demo_data_is_idempotent_and_has_every_role(demo_db):
    counts = (User.objects.count(), School.objects.count())
    call_command("demo-data", "--seed", "3", "--scale", "0.02", stdout=io.StringIO())
    assert (User.objects.count(), School.objects.count()) == counts
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    home = School.objects.filter(la_code=settings.SENDHUB_LA_CODE)
    assert 55 <= home.count() <= 65
    # and a few settings in other areas that plans name: independent, non-maintained special, post-16
    away = School.objects.exclude(la_code=settings.SENDHUB_LA_CODE)
    assert 10 <= away.count() <= 20 and not away.filter(la_name="").exists()
    kinds = set(away.values_list("setting_type", flat=True))
    assert {"independent_special", "non_maintained_special", "specialist_post16"} <= kinds
    assert all(u.schools.exists() for u in User.objects.filter(role=Role.SENCO))


@pytest.mark.django_db
def test_demo_scale_must_be_sensible():
    with pytest.raises(CommandError, match="--scale"):
        call_command("demo-data", "--scale", "0", stdout=io.StringIO())


def test_demo_logins_lists_one_account_per_role():
    out = io.StringIO()
    call_command("demo-logins", stdout=out)
    assert len([line for line in out.getvalue().splitlines() if "@demo.sendhub.test" in line]) == len(
        Role.values
    )


@pytest.mark.django_db
def test_demo_plans_rise_each_january_as_camdens_published_counts(demo_db):
    """Issue #22: the demo's plans fell in the forecast while Camden's rose from 1,532 (January 2024) to
    1,609 (January 2025). Counted as the dashboard's history and forecast count them (census day)."""
    from sendhub.dashboard.rules.cohort import census_day
    from sendhub.dashboard.selectors.live import plan_spells

    today = timezone.localdate()
    spells = plan_spells(today=today)
    years = [y for y in range(2023, today.year + 1) if census_day(y) <= today]
    counts = {y: sum(s.active_on(census_day(y)) for s in spells) for y in years}
    assert all(counts[a] < counts[b] for a, b in pairwise(years)), counts
    assert counts[2025] / counts[2024] == pytest.approx(1609 / 1532, abs=0.03)
    assert counts[2024] == round(1532 * 0.02)


@pytest.mark.django_db
def test_demo_phase_transfers_are_mostly_amended_on_time(demo_db):
    """Issue #22: 3.6% of the demo's phase transfers were amended by the reg 18 deadline."""
    from datetime import date

    from sendhub.dashboard.rules.kpis import compute_kpis
    from sendhub.dashboard.selectors.live import casework_facts

    today = timezone.localdate()
    years = range(today.year - 2, today.year + 1)  # the years the KPI page offers, pooled (small demo)
    facts = casework_facts(today=today, years=years, children=False)
    kpi = {k.key: k for k in compute_kpis(facts, start=date(years[0], 1, 1), end=today)}["phase_transfers"]
    assert kpi.denominator_count is not None and kpi.numerator_count is not None
    assert kpi.denominator_count >= 5
    assert kpi.numerator_count / kpi.denominator_count >= 0.8


@pytest.mark.django_db
def test_no_demo_date_a_person_acts_on_is_a_weekend_or_bank_holiday(demo_db):
    """Issue #22: a surgery was set on the Boxing Day bank holiday. Decisions, plans, advice, meetings,
    panels, letters and reviews all fall on England and Wales working days."""
    from sendhub.cases.models import (
        AdviceRequest,
        AnnualReview,
        Appeal,
        AssessmentRequest,
        Letter,
        PanelMeeting,
        Plan,
        PlanVersion,
        SettingConsultation,
    )
    from sendhub.funding.models import AdmissionsPanel, ClusterPanel, PlanBand
    from sendhub.lib.workdays import is_working_day
    from sendhub.voice.models import SurgerySession

    today = timezone.localdate()
    checked: dict[Any, list[str]] = {
        AssessmentRequest: [
            "received",
            "decided_to_assess",
            "decided_not_to_assess",
            "decided_to_issue",
            "decided_not_to_issue",
            "draft_issued",
            "setting_consulted",
            "setting_responded",
            "final_issued",
            "withdrawn",
        ],
        AdviceRequest: ["requested_on", "received_on"],
        Plan: ["start_date", "amendment_notice", "amended_issued", "cease_notice", "ceased"],
        PlanVersion: ["issued_on"],
        AnnualReview: ["meeting", "report_sent", "decision_on"],
        PanelMeeting: ["held_on"],
        SettingConsultation: ["answered_on"],
        Appeal: ["lodged", "outcome_date"],
        Letter: ["letter_date"],
        SurgerySession: ["on"],
        ClusterPanel: ["meets_on"],
        AdmissionsPanel: ["meets_on"],
        PlanBand: ["decided_on"],
    }
    seen = 0
    for model, fields in checked.items():
        for field in fields:
            days = {d for d in model.objects.values_list(field, flat=True) if d is not None and d != today}
            seen += len(days)
            bad = sorted(d for d in days if not is_working_day(d))
            assert not bad, (model.__name__, field, bad[:5])
    assert seen > 500
