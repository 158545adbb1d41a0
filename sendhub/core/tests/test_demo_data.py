import io

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

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
