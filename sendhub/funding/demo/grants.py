"""Demo Exceptional Needs Grants: eight school clusters with their budgets and panels, and a year of
applications (most granted, some declined or referred, a few waiting for the next panel)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile

from sendhub.accounts.models import Role, User
from sendhub.cases.selectors import funding as cases
from sendhub.funding import rules
from sendhub.funding.services import eng, evidence
from sendhub.lib.workdays import working_day_on_or_after
from sendhub.schools.models import School, SettingType

D = Decimal
CLUSTER_NAMES = [
    "Kentish Town and Gospel Oak",
    "Camden Town and Primrose Hill",
    "Hampstead and Belsize",
    "Kilburn and West Hampstead",
    "Holborn and Bloomsbury",
    "King's Cross and Somers Town",
    "Highgate and Dartmouth Park",
    "Swiss Cottage and Frognal",
]
NEEDS = ["ASD", "SLCN", "SEMH", "MLD", "SPLD", "PD", "HI", "VI"]


def _need_name(code: str) -> str:
    """The need in words for the application's text (a family reads it; never the SEN2 code)."""
    return cases.NEED_NAMES.get(code, code)


def load_grants(
    rng: random.Random, today: date, year: rules.FinancialYear, managers: list[User], scale: float
) -> int:
    schools = list(
        School.objects.filter(
            setting_type__in=[SettingType.MAINSTREAM, SettingType.RESOURCED], is_open=True
        ).order_by("pk")
    )
    if len(schools) < 8:
        return 0
    groups = [schools[i::8] for i in range(8)]
    sencos = list(User.objects.filter(role=Role.SENCO).prefetch_related("schools").order_by("pk"))
    clusters: list[tuple[Any, list[School]]] = []
    for name, members in zip(CLUSTER_NAMES, groups, strict=True):
        cluster = eng.create_cluster(
            name=name, lead_school_id=members[0].pk, school_ids=[s.pk for s in members], by=None
        )
        member_ids = {s.pk for s in members}
        for senco in sencos:
            if member_ids & {s.pk for s in senco.schools.all()}:
                cluster.leads.add(senco)
        # A cluster's budget grows with the demo's size, so a larger demo (the benchmarks') can fund its grants.
        cluster_budget = (D("240000") * D(str(max(1.0, scale)))).quantize(D("1"))
        eng.set_cluster_budget(cluster=cluster, start_year=year.start_year, amount=cluster_budget, by=None)
        for term_start in (
            date(year.start_year, 6, 10),
            date(year.start_year, 10, 14),
            date(year.start_year + 1, 2, 3),
        ):
            eng.schedule_panel(
                cluster=cluster,
                meets_on=working_day_on_or_after(term_start + timedelta(days=7 * (len(clusters) % 3))),
                by=None,
            )
        clusters.append((cluster, members))
    cluster_of = {s.pk: c for c, members in clusters for s in members}
    candidates = cases.children_for_grants(list(cluster_of))
    wanted = max(8, round(290 * scale))
    decider = {c.pk: (c.leads.first() or managers[0]) for c, _ in clusters}
    applicant = {c.pk: (c.leads.first() or managers[0]) for c, _ in clusters}
    granted = 0
    for index, (child_id, school_id, _status, need) in enumerate(candidates[: wanted + 60]):
        cluster = cluster_of[school_id]
        asked = D(rng.choice([1500, 2000, 2500, 3000, 3500, 4000, 5000, 6000]))
        submitted = year.start + timedelta(
            days=rng.randint(0, max(1, min(200, (today - year.start).days - 20)))
        )
        application = eng.submit_application(
            cluster=cluster,
            school_id=school_id,
            child_id=child_id,
            needs=f"{_need_name(need or rng.choice(NEEDS))}: needs beyond ordinarily available provision",
            provision=rng.choice(
                [
                    "Small-group intervention three times a week",
                    "Individual support at lunch and transitions",
                    "Speech and language programme delivered by a trained assistant",
                    "Specialist teaching, two hours a week",
                ]
            ),
            graduated_approach="Two cycles of assess, plan, do, review with the SENCO and an advisory teacher",
            evidence="Provision map\nIndividual support plan reviews",
            amount_requested=asked,
            on=submitted,
            by=applicant[cluster.pk],
        )
        if index >= wanted + 40:
            if index < wanted + 45:  # a few carry an evidence document
                evidence.add_evidence(
                    application=application,
                    upload=ContentFile(
                        b"Provision map, autumn term: small-group intervention three times a week.\n",
                        name="provision-map.txt",
                    ),
                    title="Provision map",
                    by=applicant[cluster.pk],
                )
            continue  # waiting for the next panel
        panel_day = application.panel.meets_on if application.panel else submitted + timedelta(days=14)
        if index >= wanted:
            outcome = rng.choice(["decline", "refer"])
            eng.decide_application(
                application=application,
                outcome=outcome,
                reasons="Needs can be met from the school's notional SEN budget"
                if outcome == "decline"
                else "Needs suggest an EHC needs assessment",
                amount=D(0),
                start=None,
                end=None,
                on=min(panel_day, today),
                by=decider[cluster.pk],
            )
            continue
        part = rng.random() < 0.15
        start = max(panel_day, year.start)
        eng.decide_application(
            application=application,
            outcome="part" if part else "approve",
            reasons="Meets the cluster's criteria"
            if not part
            else "Part of the provision is ordinarily available",
            amount=(asked * D("0.6")).quantize(D("1")) if part else asked,
            start=start,
            end=start + timedelta(days=364),
            on=min(panel_day, today),
            by=decider[cluster.pk],
        )
        granted += 1
    return granted
