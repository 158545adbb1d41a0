"""The funding demo: a Camden-shaped picture on top of the other apps' demo data, loaded once."""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest
from django.core.management import call_command
from django.utils import timezone

from sendhub.funding import rules
from sendhub.funding.models import (
    FUNDED_OUTCOMES,
    CapitalGrant,
    Cluster,
    EngDecision,
    EngEvidence,
    FundingYear,
    Package,
    PlanBand,
    SpecialistProvision,
)
from sendhub.funding.selectors.forecast import position


@pytest.mark.django_db(transaction=False)
def test_demo_loads_a_funding_picture_with_a_deficit_once(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"  # the ENG evidence documents
    call_command("demo-data", "--seed", "7", "--scale", "0.05", stdout=io.StringIO())
    year = FundingYear.objects.get(start_year=rules.financial_year_of(timezone.localdate()).start_year)
    counts = (
        Cluster.objects.count(),
        EngDecision.objects.filter(outcome__in=FUNDED_OUTCOMES).count(),
        PlanBand.objects.count(),
        Package.objects.count(),
        SpecialistProvision.objects.count(),
        CapitalGrant.objects.count(),
    )
    assert counts[0] == 8 and counts[1] > 0 and counts[2] > 0 and counts[3] > 0 and counts[4] > 0
    assert counts[5] == 29
    assert year.eng_children_target == 288
    assert EngEvidence.objects.filter(document__kind="evidence").exists()
    assert sum(CapitalGrant.objects.values_list("amount", flat=True)) == D("2500000.00")
    result = position(year)
    assert result.budget == D("55017590.00")
    assert D("2500000") < result.deficit < D("4500000")  # of the order of a 5-7% overspend
    call_command("demo-data", "--seed", "7", "--scale", "0.05", stdout=io.StringIO())
    assert (
        Cluster.objects.count(),
        EngDecision.objects.filter(outcome__in=FUNDED_OUTCOMES).count(),
        PlanBand.objects.count(),
        Package.objects.count(),
        SpecialistProvision.objects.count(),
        CapitalGrant.objects.count(),
    ) == counts
