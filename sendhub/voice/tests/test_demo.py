from __future__ import annotations

from io import StringIO

import pytest

from sendhub.voice import demo
from sendhub.voice.models import Answer, Contact, SurveyResponse, YouSaidWeDid

pytestmark = pytest.mark.django_db


def test_demo_is_deterministic_idempotent_and_has_real_answers(officer, manager) -> None:
    out = StringIO()
    demo.load(seed=2024, scale=0.02, stdout=out)
    contacts = list(Contact.objects.order_by("number").values_list("reference", "topic", "channel"))
    assert len(contacts) == 10  # no demo parent account in this test
    assert SurveyResponse.objects.exists() and Answer.objects.filter(score__isnull=False).exists()
    assert YouSaidWeDid.objects.filter(published_on__isnull=False).count() == 4
    demo.load(seed=2024, scale=0.02, stdout=out)
    assert Contact.objects.count() == 10
    assert "already there" in out.getvalue()
