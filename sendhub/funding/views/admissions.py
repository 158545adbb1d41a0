"""The SEND admissions panel's pages (Appendix C 2.10): schedule a meeting, refer a child for a special
school or ARP place, record the panel's decision, the offer and the family's reply. Each loads, checks,
calls one service; the places page lists the meetings and referrals."""

from __future__ import annotations

from datetime import timedelta

from django.http import Http404, HttpResponse
from django.utils import timezone

from sendhub.cases.selectors.funding import child_by_reference, child_for_user
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.steps import step
from sendhub.funding.forms.places import PanelForm, ReferralForm, ReferralStepForm
from sendhub.funding.selectors import admissions as selectors
from sendhub.funding.services import places as services

PLACES = "/funding/places/#admissions"


@requires("funding.manage_places")
def panel_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = PanelForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: services.schedule_admissions_panel(meets_on=d["meets_on"], by=request.user),
        template="funding/panel_create.html",
        context={"panels": selectors.panel_rows()},
        done=PLACES,
        success=lambda panel: f"{panel} is scheduled",
    )


@requires("funding.manage_places")
def referral_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = ReferralForm(
        request.POST or None,
        provisions=selectors.provision_choices(),
        needs=selectors.need_choices(),
        phases=selectors.phase_choices(),
        panels=selectors.panel_choices(today - timedelta(days=365)),
        find_child=lambda reference: child_by_reference(request.user, reference),
    )
    return step(
        request,
        form,
        lambda d: services.refer_for_place(
            provision=selectors.get_referable_provision(d["provision"]),
            child_id=d["child"],
            need=d["need"],
            phase=d["phase"],
            on=d["referred_on"],
            panel=selectors.get_panel(d["panel"]) if d["panel"] else None,
            by=request.user,
        ),
        template="funding/referral_create.html",
        context={},
        done=PLACES,
        success="The referral is listed for the admissions panel",
    )


@requires("funding.manage_places")
def referral_step(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    referral = selectors.get_referral(pk)
    child = child_for_user(request.user, referral.child_id)
    if child is None:
        raise Http404("No such referral")
    steps = selectors.next_steps(referral)
    form = ReferralStepForm(
        request.POST or None,
        steps=steps,
        initial={"version": referral.version, "on": timezone.localdate()},
    )
    return step(
        request,
        form,
        lambda d: services.move_referral(
            referral=referral, status=d["status"], on=d["on"], version=d["version"], by=request.user
        ),
        template="funding/referral_step.html",
        context={"referral": referral, "reference": child.reference, "steps": steps},
        done=PLACES,
        success="The admissions panel's step is recorded",
    )
