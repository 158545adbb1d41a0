"""Reads for Exceptional Needs Grants, scoped to the viewer.

SENCOs see their schools' applications and, where they lead a cluster, the cluster's; council funding
and casework staff see all. Rows carry the child's case reference, need and school (from casework's
funding selectors), never a name: that is all a grant needs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from sendhub.accounts.models import Role, User
from sendhub.cases.selectors.funding import child_summaries
from sendhub.funding import rules
from sendhub.funding.models import (
    FUNDED_OUTCOMES,
    ApplicationStatus,
    Cluster,
    ClusterBudget,
    ClusterPanel,
    EngApplication,
    EngDecision,
    EngEvidence,
    EngPayment,
)

ZERO = Decimal(0)


def clusters_for(user: User) -> QuerySet[Cluster]:
    clusters = Cluster.objects.select_related("lead_school").order_by("name")
    if user.role == Role.SENCO:
        return clusters.filter(Q(leads=user) | Q(schools__in=user.schools.all())).distinct()
    return clusters


def get_cluster_for_user(user: User, pk: int) -> Cluster:
    cluster = clusters_for(user).filter(pk=pk).first()
    if cluster is None:
        raise Http404("No such cluster")
    return cluster


def leads_cluster(user: User, cluster: Cluster) -> bool:
    return user.role != Role.SENCO or cluster.leads.filter(pk=user.pk).exists()


def applications_for(user: User) -> QuerySet[EngApplication]:
    applications = EngApplication.objects.select_related("cluster", "school", "panel", "decision")
    if user.role == Role.SENCO:
        return applications.filter(Q(school__in=user.schools.all()) | Q(cluster__leads=user)).distinct()
    return applications


def get_application_for_user(user: User, pk: int) -> EngApplication:
    application = applications_for(user).filter(pk=pk).first()
    if application is None:
        raise Http404("No such application")
    return application


def with_children(applications: list[EngApplication]) -> list[tuple[EngApplication, dict[str, Any]]]:
    children = child_summaries([a.child_id for a in applications])
    return [(a, children.get(a.child_id, {})) for a in applications]


@dataclass(frozen=True)
class ClusterRow:
    cluster: Cluster
    schools: int
    budget: Decimal | None
    committed: Decimal
    remaining: Decimal | None
    grants: int
    waiting: int


def cluster_rows(user: User, start_year: int) -> list[ClusterRow]:
    """Each cluster's schools, live grants, applications waiting and budget, committed and remaining:
    a handful of queries for all the clusters (the committed sums use services.eng's formula)."""
    budgets = dict(ClusterBudget.objects.filter(start_year=start_year).values_list("cluster_id", "amount"))
    year = rules.financial_year(start_year)
    exact: dict[int, Decimal] = {}
    grants: Counter[int] = Counter()
    for cluster_id, amount, start, end, ended in EngDecision.objects.filter(
        outcome__in=FUNDED_OUTCOMES, start__lte=year.end, end__gte=year.start
    ).values_list("application__cluster_id", "amount", "start", "end", "ended_on"):
        if start is None or end is None:
            continue
        share = rules.period_share(amount, start, end, year.start, min(year.end, ended or year.end))
        exact[cluster_id] = exact.get(cluster_id, ZERO) + share
        grants[cluster_id] += 1
    waiting = Counter(
        EngApplication.objects.filter(status=ApplicationStatus.SUBMITTED).values_list("cluster_id", flat=True)
    )
    rows = []
    for cluster in clusters_for(user).annotate(school_count=Count("schools", distinct=True)):
        committed = rules.round_penny(exact.get(cluster.pk, ZERO))
        budget = budgets.get(cluster.pk)
        rows.append(
            ClusterRow(
                cluster,
                cluster.school_count,
                budget,
                committed,
                None if budget is None else budget - committed,
                grants[cluster.pk],
                waiting[cluster.pk],
            )
        )
    return rows


def panels(cluster: Cluster) -> QuerySet[ClusterPanel]:
    return cluster.panels.order_by("-meets_on")


def get_panel_for_user(user: User, pk: int) -> ClusterPanel:
    """A panel meeting of a cluster the user may see (404 otherwise, as for the cluster)."""
    panel = ClusterPanel.objects.select_related("cluster").filter(pk=pk).first()
    if panel is None:
        raise Http404("No such panel meeting")
    get_cluster_for_user(user, panel.cluster_id)
    return panel


def waiting_count(cluster: Cluster) -> int:
    """Applications waiting for a panel: submitted and not yet listed at a meeting still to come."""
    return EngApplication.objects.filter(cluster=cluster, status=ApplicationStatus.SUBMITTED).count()


def agenda(user: User, panel: ClusterPanel) -> list[EngApplication]:
    """The panel's agenda as the user may see it (a member school's SENCO: their own applications)."""
    return list(applications_for(user).filter(panel=panel).order_by("submitted_on", "pk"))


def eng_totals(start_year: int) -> dict[str, Any]:
    year = rules.financial_year(start_year)
    live = EngDecision.objects.filter(outcome__in=FUNDED_OUTCOMES, start__lte=year.end, end__gte=year.start)
    return {
        "grants": live.count(),
        "children": live.values("application__child_id").distinct().count(),
        "granted": live.aggregate(total=Sum("amount"))["total"] or ZERO,
    }


def outcome_counts(cluster: Cluster) -> dict[str, int]:
    counts: dict[str, int] = {}
    for outcome in EngDecision.objects.filter(application__cluster=cluster).values_list("outcome", flat=True):
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def get_payment(pk: int) -> EngPayment:
    payment = EngPayment.objects.select_related("decision__application").filter(pk=pk).first()
    if payment is None:
        raise Http404("No such payment")
    return payment


def evidence_for(application: EngApplication) -> list[EngEvidence]:
    """The application's evidence documents still on the child's record (a removed one is not listed)."""
    return list(
        EngEvidence.objects.filter(application=application, document__removed_at__isnull=True)
        .select_related("document")
        .order_by("id")
    )


def get_evidence_for_user(user: User, application_pk: int, pk: int) -> EngEvidence:
    """Evidence of an application the user may see (404 otherwise, as for the application)."""
    application = get_application_for_user(user, application_pk)
    evidence = (
        EngEvidence.objects.filter(application=application, pk=pk, document__removed_at__isnull=True)
        .select_related("document")
        .first()
    )
    if evidence is None:
        raise Http404("No such evidence")
    return evidence


def may_add_evidence(user: User, application: EngApplication) -> bool:
    """The SENCO who applied or a SENCO of the applying school, while the application waits for the panel."""
    return (
        user.role == Role.SENCO
        and application.status == ApplicationStatus.SUBMITTED
        and (application.submitted_by_id == user.pk or user.schools.filter(pk=application.school_id).exists())
    )
