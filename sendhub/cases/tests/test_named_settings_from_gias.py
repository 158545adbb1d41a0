"""A setting anywhere in England, imported from GIAS, can be named in a plan (issue 17 item 7)."""

import io

import pytest

from sendhub.cases.forms.plans import PlanSettingForm
from sendhub.schools.models import School
from sendhub.schools.services import import_gias
from sendhub.schools.tests.test_gias_import import ENGLAND


@pytest.mark.django_db
def test_an_out_of_area_independent_school_can_be_named_in_a_plan():
    import_gias(lines=io.StringIO(ENGLAND).readlines())
    form = PlanSettingForm(data={"named_setting": "990003"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["named_setting"] == School.objects.get(urn=990003)
    assert form.cleaned_data["named_setting"].la_name == "Hertfordshire"
