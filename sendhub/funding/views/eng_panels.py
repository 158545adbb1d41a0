"""A cluster's termly panel meetings for Exceptional Needs Grants: schedule one (its agenda is built from
the applications waiting) and see its agenda. Scheduling is for whoever decides the cluster's
applications (`funding.decide_eng` and, for a SENCO, leading the cluster); the agenda for whoever may see
the cluster, each application as they may see it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.steps import step
from sendhub.funding.forms.places import ClusterPanelForm
from sendhub.funding.selectors import eng as selectors
from sendhub.funding.services import eng as services


@requires("funding.decide_eng")
def eng_panel_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cluster = selectors.get_cluster_for_user(request.user, pk)
    if not selectors.leads_cluster(request.user, cluster):
        raise PermissionDenied
    form = ClusterPanelForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: services.schedule_panel(
            cluster=cluster, meets_on=d["meets_on"], on=timezone.localdate(), by=request.user
        ),
        template="funding/eng_panel_create.html",
        context={
            "cluster": cluster,
            "panels": list(selectors.panels(cluster)[:6]),
            "waiting": selectors.waiting_count(cluster),
        },
        done=redirect,
        success=lambda panel: f"{panel} is scheduled",
    )


@requires("funding.view_eng")
def eng_panel_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    panel = selectors.get_panel_for_user(request.user, pk)
    return render(
        request,
        "funding/eng_panel_detail.html",
        {
            "panel": panel,
            "cluster": panel.cluster,
            "rows": selectors.with_children(selectors.agenda(request.user, panel)),
            "can_decide": request.user.has_perm("funding.decide_eng")
            and selectors.leads_cluster(request.user, panel.cluster),
        },
    )
