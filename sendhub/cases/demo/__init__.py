"""Demo casework: a synthetic Camden-sized SEND population at every stage (fast, deterministic, idempotent).

The population comes from ``sendhub.cases.synthetic`` (pure, tested against the rules); this module only
maps it onto rows with bulk_create. Dates are relative to today, so the worklists always show real due
and overdue work. Running it again does nothing once the demo children exist.
"""

from __future__ import annotations

import random
from typing import Any

from django.conf import settings
from django.utils import timezone

from sendhub.cases.demo import review_letters as demo_review_letters
from sendhub.cases.demo import reviews as demo_reviews
from sendhub.cases.demo.casework import cases, child_status
from sendhub.cases.demo.panels import list_for_next_panel, panels, review_invitations
from sendhub.cases.demo.people import demo_family, family, officers_by_team, school_for, schools_by_kind
from sendhub.cases.demo.plans import overall_grade as overall_grade
from sendhub.cases.models import AssessmentRequest, Child
from sendhub.cases.synthetic import generate


def load(*, seed: int, scale: float, stdout: Any) -> None:
    if Child.objects.filter(reference__startswith="DEMO-").exists():
        stdout.write("Cases: demo children already there")
        return
    today = timezone.localdate()
    rng = random.Random(seed)
    population = generate(seed=seed, scale=scale, today=today, la_code=settings.SENDHUB_LA_CODE)
    kinds, officers = schools_by_kind(), officers_by_team()
    children = []
    for sc in population.children:
        team_officers = officers.get(sc.team_index) or officers[-1]
        officer = team_officers[sc.pick % len(team_officers)] if team_officers else None
        status = child_status(sc, today)
        children.append(
            Child(
                reference=sc.key,
                first_name=sc.first_name,
                last_name=sc.last_name,
                birth_date=sc.birth,
                sex=sc.sex,
                ethnicity=sc.ethnicity,
                first_language=sc.first_language,
                upn=sc.upn,
                address=sc.address,
                postcode=sc.postcode,
                ward=sc.ward,
                school=school_for(sc, kinds, today),
                looked_after=sc.looked_after,
                child_in_need=sc.child_in_need,
                free_school_meals=sc.fsm,
                primary_need=sc.primary_need,
                secondary_need=sc.secondary_need,
                sen_status=sc.sen_status,
                officer=officer,
                team=officer.team if officer else None,
                stage=status.stage.value if status else "",
                next_step=status.next_step[:120] if status else "",
                next_due=status.next_due if status else None,
            )
        )
    Child.objects.bulk_create(children, batch_size=1000)
    saved = {c.reference: c for c in Child.objects.filter(reference__startswith="DEMO-")}
    counts = cases(population.children, saved, rng, today)
    list_for_next_panel(today)
    family(population.children, saved, rng)
    demo_family(today)
    # After the families: the letters go to each parent, by email or post as they prefer.
    panels(
        list(
            AssessmentRequest.objects.filter(child__reference__startswith="DEMO-")
            .select_related("child__officer")
            .order_by("pk")
        ),
        today,
    )
    review_invitations(today)
    extra = demo_reviews.load(today, random.Random(seed + 17))
    demo_review_letters.load(today)  # after the reviews' record: their letters and reports
    stdout.write(
        f"Cases: {len(children)} children, {counts['requests']} requests, {counts['plans']} plans, "
        f"{extra['reviews']} structured reviews, {extra['consultations']} settings consulted"
    )
