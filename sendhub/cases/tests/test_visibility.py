"""Child.objects.visible_to(user): the one place that scopes whose records a user may open."""

import pytest

from sendhub.accounts.models import Role, Team
from sendhub.cases.models import Child
from sendhub.cases.tests.factories import (
    AdviceFactory,
    ChildFactory,
    ParentFactory,
    RequestFactory,
    SchoolFactory,
)

pytestmark = pytest.mark.django_db


def visible(user):
    return set(Child.objects.visible_to(user).values_list("pk", flat=True))


def test_case_officer_sees_own_caseload_only(officer, colleague):
    mine = ChildFactory.create(officer=officer, team=officer.team)
    ChildFactory.create(officer=colleague, team=colleague.team)
    assert visible(officer) == {mine.pk}


def test_team_manager_sees_the_team(manager, officer, make_user):
    other_team = Team.objects.create(name="Secondary")
    outsider = make_user(Role.CASE_OFFICER, team=other_team)
    ours = ChildFactory.create(officer=officer, team=officer.team)
    unassigned_ours = ChildFactory.create(team=manager.team)
    ChildFactory.create(officer=outsider, team=other_team)
    assert visible(manager) == {ours.pk, unassigned_ours.pk}


def test_senco_sees_pupils_of_their_schools(senco):
    school = SchoolFactory.create()
    senco.schools.add(school)
    pupil = ChildFactory.create(school=school)
    ChildFactory.create(school=SchoolFactory.create())
    assert visible(senco) == {pupil.pk}


def test_adviser_sees_children_whose_advice_was_asked_of_them(ep):
    asked = AdviceFactory.create(adviser=ep)
    AdviceFactory.create()
    assert visible(ep) == {asked.request.child_id}


def test_parent_sees_only_their_own_children(parent):
    own = ParentFactory.create(user=parent)
    ParentFactory.create()
    assert visible(parent) == {own.child_id}


@pytest.mark.parametrize("role", [Role.ANALYST, Role.PROVIDER])
def test_roles_without_casework_see_nobody(make_user, role):
    RequestFactory.create()
    assert visible(make_user(role)) == set()


def test_admin_sees_everyone(admin_user):
    children = {ChildFactory.create().pk, ChildFactory.create().pk}
    assert visible(admin_user) == children


def test_inactive_user_sees_nobody(officer):
    ChildFactory.create(officer=officer)
    officer.is_active = False
    assert visible(officer) == set()
