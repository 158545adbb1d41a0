"""Exceptional Needs Grants: applications, the cluster panel's decisions, payments and reviews."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, Sum

from sendhub.accounts.models import User
from sendhub.cases.services.funding import follow_eng_grant
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError
from sendhub.funding import rules
from sendhub.funding.models import (
    FUNDED_OUTCOMES,
    ApplicationStatus,
    Cluster,
    ClusterBudget,
    ClusterPanel,
    EngApplication,
    EngDecision,
    EngPayment,
    EngReview,
    Outcome,
    ReviewOutcome,
)
from sendhub.lib.dates import long_date


@transaction.atomic
def create_cluster(*, name: str, lead_school_id: int, school_ids: list[int], by: User | None) -> Cluster:
    cluster = Cluster(name=name, lead_school_id=lead_school_id)
    cluster.full_clean()
    cluster.save()
    cluster.schools.set(set(school_ids) | {lead_school_id})
    record_event(
        actor=by, action="funding.cluster.created", target=cluster, data={"schools": len(school_ids)}
    )
    return cluster


@transaction.atomic
def set_cluster_budget(
    *, cluster: Cluster, start_year: int, amount: Decimal, by: User | None
) -> ClusterBudget:
    budget, _ = ClusterBudget.objects.get_or_create(
        cluster=cluster, start_year=start_year, defaults={"amount": amount}
    )
    budget.amount = amount
    budget.full_clean()
    budget.save()
    record_event(
        actor=by,
        action="funding.cluster.budget",
        target=cluster,
        data={"year": start_year, "amount": str(amount)},
    )
    return budget


@transaction.atomic
def schedule_panel(
    *, cluster: Cluster, meets_on: date, by: User | None, on: date | None = None
) -> ClusterPanel:
    """A termly panel meeting for the cluster, one a day. Its agenda is built from the applications
    waiting: submitted by the meeting day and not yet listed, or (given today, `on`) listed at a meeting
    that has passed without deciding them. A meeting scheduled from the page (`on`) is not in the past."""
    if on is not None and meets_on < on:
        raise SendHubError("The date of the meeting must be today or in the future", field="meets_on")
    if cluster.panels.filter(meets_on=meets_on).exists():
        raise SendHubError(
            f"{cluster.name} already has a panel meeting on {long_date(meets_on)}", field="meets_on"
        )
    term, _ = rules.payment_term(meets_on)
    panel = ClusterPanel(cluster=cluster, meets_on=meets_on, term=term)
    panel.full_clean()
    panel.save()
    unlisted = Q(panel__isnull=True)
    if on is not None:
        unlisted |= Q(panel__meets_on__lt=on)
    listed = EngApplication.objects.filter(
        unlisted, cluster=cluster, status=ApplicationStatus.SUBMITTED, submitted_on__lte=meets_on
    ).update(panel=panel)
    record_event(
        actor=by,
        action="funding.panel.scheduled",
        target=panel,
        data={"cluster": cluster.pk, "agenda": listed},
    )
    return panel


@transaction.atomic
def submit_application(
    *,
    cluster: Cluster,
    school_id: int,
    child_id: int,
    needs: str,
    provision: str,
    graduated_approach: str,
    evidence: str,
    amount_requested: Decimal,
    on: date,
    by: User,
) -> EngApplication:
    if not cluster.schools.filter(pk=school_id).exists():
        raise SendHubError("The school is not a member of this cluster", field="school")
    if EngApplication.objects.filter(child_id=child_id, status=ApplicationStatus.SUBMITTED).exists():
        raise SendHubError("This child already has an application waiting for the panel", field="child")
    panel = cluster.panels.filter(meets_on__gte=on).order_by("meets_on").first()
    application = EngApplication(
        cluster=cluster,
        school_id=school_id,
        child_id=child_id,
        submitted_by=by,
        submitted_on=on,
        needs=needs,
        provision=provision,
        graduated_approach=graduated_approach,
        evidence=evidence,
        amount_requested=amount_requested,
        panel=panel,
    )
    application.full_clean()
    application.save()
    record_event(
        actor=by,
        action="funding.eng.applied",
        target=application,
        data={"child": child_id, "school": school_id, "panel": panel.pk if panel else None},
    )
    return application


@transaction.atomic
def decide_application(
    *,
    application: EngApplication,
    outcome: str,
    reasons: str,
    amount: Decimal,
    start: date | None,
    end: date | None,
    on: date,
    by: User,
) -> EngDecision:
    """Record the panel's decision; an approved grant is paid by term and makes the child ENG."""
    application = EngApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.SUBMITTED:
        raise SendHubError("This application has already been decided or withdrawn")
    funded = outcome in FUNDED_OUTCOMES
    if funded and (start is None or end is None):
        raise SendHubError("Enter the period the grant covers", field="start")
    if funded and amount > application.amount_requested and outcome == Outcome.PART:
        raise SendHubError("A part approval is less than the amount asked for", field="amount")
    if outcome == Outcome.APPROVE and amount != application.amount_requested:
        raise SendHubError("An approval grants the amount asked for; choose part approval", field="amount")
    if funded:
        remaining = cluster_remaining(application.cluster, rules.financial_year_of(start).start_year)  # type: ignore[arg-type]
        share = rules.round_penny(
            rules.period_share(amount, start, end, *_fy_bounds(rules.financial_year_of(start)))  # type: ignore[arg-type]
        )
        if remaining is not None and share > remaining:
            raise SendHubError(
                f"The cluster has £{remaining:,.2f} left this year; this grant needs £{share:,.2f}",
                field="amount",
            )
    decision = EngDecision(
        application=application,
        outcome=outcome,
        reasons=reasons,
        amount=amount if funded else Decimal(0),
        start=start if funded else None,
        end=end if funded else None,
        decided_on=on,
        decided_by=by,
    )
    decision.full_clean()
    decision.save()
    application.status = ApplicationStatus.DECIDED
    application.full_clean()
    application.save(update_fields=["status"])
    if funded:
        assert start is not None and end is not None
        for (term, year), part in rules.termly_payments(amount, start, end):
            payment = EngPayment(decision=decision, term=term, start_year=year, amount=part)
            payment.full_clean()
            payment.save()
        follow_eng_grant(child_id=application.child_id, funded=True, on=on, by=by)
    record_event(
        actor=by,
        action="funding.eng.decided",
        target=decision,
        data={"application": application.pk, "outcome": outcome, "amount": str(decision.amount)},
    )
    return decision


def _fy_bounds(year: rules.FinancialYear) -> tuple[date, date]:
    return year.start, year.end


def cluster_committed(cluster: Cluster, start_year: int) -> Decimal:
    """The part of the cluster's grants that falls in the financial year (to the penny)."""
    year = rules.financial_year(start_year)
    grants = EngDecision.objects.filter(
        application__cluster=cluster, outcome__in=FUNDED_OUTCOMES, start__lte=year.end, end__gte=year.start
    ).values_list("amount", "start", "end", "ended_on")
    exact = [
        rules.period_share(amount, start, end, year.start, min(year.end, ended or year.end))
        for amount, start, end, ended in grants
        if start is not None and end is not None
    ]
    return rules.round_penny(sum(exact, Decimal(0)))


def cluster_remaining(cluster: Cluster, start_year: int) -> Decimal | None:
    budget = ClusterBudget.objects.filter(cluster=cluster, start_year=start_year).first()
    if budget is None:
        return None
    return budget.amount - cluster_committed(cluster, start_year)


@transaction.atomic
def record_payment(*, payment: EngPayment, paid_on: date, by: User) -> EngPayment:
    if payment.paid_on is not None:
        raise SendHubError("This payment has already been made")
    payment.paid_on = paid_on
    payment.full_clean()
    payment.save(update_fields=["paid_on"])
    record_event(actor=by, action="funding.eng.paid", target=payment, data={"amount": str(payment.amount)})
    return payment


@transaction.atomic
def review_grant(*, decision: EngDecision, outcome: str, notes: str, on: date, by: User) -> EngReview:
    """The end-of-period review. A grant that ends returns the child to SEN Support; unpaid terms after
    the review are cancelled (set to nothing)."""
    if decision.outcome not in FUNDED_OUTCOMES:
        raise SendHubError("Only a grant is reviewed")
    if hasattr(decision, "review"):
        raise SendHubError("This grant has already been reviewed")
    review = EngReview(decision=decision, outcome=outcome, notes=notes, reviewed_on=on, reviewed_by=by)
    review.full_clean()
    review.save()
    assert decision.end is not None
    if on < decision.end and outcome != ReviewOutcome.RENEW:
        decision.ended_on = on
        decision.full_clean()
        decision.save(update_fields=["ended_on"])
        unpaid = decision.payments.filter(paid_on__isnull=True)
        later = [p.pk for p in unpaid if (p.start_year, _term_order(p.term)) > _term_key(on)]
        EngPayment.objects.filter(pk__in=later).update(amount=0)
    if outcome != ReviewOutcome.RENEW:
        follow_eng_grant(child_id=decision.application.child_id, funded=False, on=on, by=by)
    record_event(actor=by, action="funding.eng.reviewed", target=review, data={"outcome": outcome})
    return review


def _term_order(term: str) -> int:
    return [name for name, _, _ in rules.PAYMENT_TERMS].index(term)


def _term_key(day: date) -> tuple[int, int]:
    term, year = rules.payment_term(day)
    return year, _term_order(term)


def paid_total(decision: EngDecision) -> Decimal:
    return decision.payments.filter(paid_on__isnull=False).aggregate(total=Sum("amount"))["total"] or Decimal(
        0
    )
