import io

import pytest
from django.core.management import CommandError, call_command

from sendhub.accounts.models import Role, User
from sendhub.schools.models import School


@pytest.mark.django_db
def test_demo_data_is_idempotent_and_has_every_role():
    call_command("demo-data", "--seed", "7", "--scale", "0.02", stdout=io.StringIO())
    counts = (User.objects.count(), School.objects.count())
    call_command("demo-data", "--seed", "7", "--scale", "0.02", stdout=io.StringIO())
    assert (User.objects.count(), School.objects.count()) == counts
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    assert 55 <= School.objects.count() <= 65
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
