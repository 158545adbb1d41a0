"""The strategy demo: Camden's 2024 plan with every Appendix C item, updates, two years of partner measures,
one board meeting whose pack opens; safe to load twice."""

import io
from datetime import date

import pytest

from sendhub.accounts import demo as accounts_demo
from sendhub.accounts.models import User
from sendhub.core.demo import demo_loaders
from sendhub.strategy import demo
from sendhub.strategy.models import (
    Action,
    BoardMeeting,
    PartnerMeasureValue,
    PartnerMember,
    SefSection,
    Update,
)
from sendhub.strategy.tests.test_plan_io import SEED_ORDER


def test_the_demo_runner_finds_the_strategy_loader():
    assert "strategy" in [label for label, _ in demo_loaders()]


@pytest.mark.django_db
def test_the_demo_loads_the_2024_plan_and_is_idempotent(client, login):
    accounts_demo.load(seed=2024, scale=0.01, stdout=io.StringIO())
    demo.load(seed=2024, scale=1, stdout=io.StringIO())
    demo.load(seed=2024, scale=1, stdout=io.StringIO())
    assert list(
        Action.objects.filter(plan__year=2024).order_by("position").values_list("number", flat=True)
    ) == (SEED_ORDER)
    assert Update.objects.filter(action__plan__year=2024).count() == 32
    years = {v.period_start.year for v in PartnerMeasureValue.objects.all()}
    assert years == {2023, 2024}
    carried = Action.objects.get(plan__year=2025, number="1.9")
    assert carried.carried_from is not None and carried.carried_from.plan.year == 2024
    partner = PartnerMember.objects.get(user__email="partner@demo.sendhub.test")
    assert partner.organisation.name == "Camden Parent Carer Forum"
    assert SefSection.objects.count() == 2
    meeting = BoardMeeting.objects.get(board="inclusion")
    assert meeting.held_on == date(2025, 1, 22)
    qa = BoardMeeting.objects.get(board="quality")
    assert qa.items.get().owner == "Head of SEND quality assurance"
    login(client, partner.user)
    assert client.get("/strategy/partner-measures/").status_code == 200
    manager = User.objects.get(email="manager@demo.sendhub.test")
    login(client, manager)
    assert client.get(f"/strategy/board/{meeting.pk}/pack.pdf").content[:4] == b"%PDF"
    action = Action.objects.get(plan__year=2024, number="1.7")
    page = client.get(f"/strategy/actions/{action.pk}/").content.decode()
    assert "Local Offer visits (page views counted by SEND Hub)" in page
    client.logout()
    public = client.get("/local-offer/progress-reports/2024/").content.decode()
    assert "Progress report 2024" in public and "Refreshed Local Offer is published" in public
