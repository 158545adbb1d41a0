"""Demo data for the structured annual reviews (regs 19-21) and the consultations with settings (CFA s.39).

Written in bulk after the cases (like the rest of the demo), without changing any date the case's stored
stage depends on: a review gets its invitees, views, progress per outcome, Preparing for Adulthood (year 9
and beyond), recommendations; a request that consulted a setting gets the settings consulted, with their
answers up to the date the request records, and a few requests consult several settings, one of them out
of the area.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sendhub.cases import rules
from sendhub.cases.models import (
    AnnualReview,
    AssessmentRequest,
    Outcome,
    OutcomeProgress,
    ParentCarer,
    Plan,
    ReviewParticipant,
    SettingConsultation,
)
from sendhub.cases.synthetic.working import acted_on
from sendhub.lib.workdays import working_day_on_or_after
from sendhub.schools.models import School

STRUCTURED_REVIEWS = 60  # at most; the demo officer's own first
MULTI_SETTING_CONSULTATIONS = 8

CHILD_VIEWS = [
    "I like my teaching assistant and the quiet room at lunch. I want to do more art.",
    "Maths is getting easier. I don't like the noisy corridor between lessons.",
    "I want to go to college to learn about animals. I'd like to travel there on my own.",
    "I have two good friends now. I still find PE changing rooms hard.",
]
PARENT_VIEWS = [
    "We've seen real progress with reading at home; mornings are still hard.",
    "We would like speech and language therapy to continue weekly, not fortnightly.",
    "Our son is calmer since the sensory breaks started; homework is a battle.",
    "We'd like planning for the move to secondary to start this year.",
]
RECOMMENDATIONS = {
    "keep": "The plan continues to meet needs. Keep the provision as it is and review in 12 months.",
    "amend": "Update section B with the latest speech and language advice and add a travel-training outcome.",
    "cease": "Needs are now met from the setting's own resources; the plan is no longer necessary.",
}
PFA = {
    "employment": "Work experience in year 10; careers adviser meeting booked.",
    "independent_living": "Travel training on the bus route to school this term.",
    "community": "Joins the Saturday youth club with a buddy.",
    "health": "Learning to book own appointments with the GP surgery.",
}
REFUSALS = {
    "cannot_meet_needs": "The school has no staff trained in alternative communication systems.",
    "incompatible_education": "Year group of 32 already includes four pupils with high needs.",
    "incompatible_resources": "Would need a full-time 1:1 the setting cannot fund from its notional SEN budget.",
}


def load(today: date, rng: random.Random) -> dict[str, int]:
    return {"reviews": _structured_reviews(today, rng), "consultations": _consultations(today, rng)}


def _structured_reviews(today: date, rng: random.Random) -> int:
    reviews = list(
        AnnualReview.objects.filter(plan__child__reference__startswith="DEMO-", meeting__lte=today)
        .select_related("plan__child__officer", "plan__child__school", "plan__named_setting")
        .order_by("-meeting", "pk")
    )
    ours = [
        r for r in reviews if (r.plan.child.officer and r.plan.child.officer.email.startswith("officer@"))
    ]
    ours.sort(key=lambda r: r.decision_on is not None)  # the demo officer's open reviews first: work to do
    late = [r for r in reviews if _late(r, today)]
    chosen: dict[int, AnnualReview] = {}
    for r in ours[:20] + late[:15] + reviews:
        if len(chosen) >= STRUCTURED_REVIEWS:
            break
        chosen.setdefault(r.pk, r)
    if not chosen:
        return 0
    parents: dict[int, list[str]] = {}
    for p in ParentCarer.objects.filter(child_id__in=[r.plan.child_id for r in chosen.values()]):
        parents.setdefault(p.child_id, []).append(p.name)
    outcomes = _outcomes_by_plan([r.plan for r in chosen.values()])
    people, progress = [], []
    for n, review in enumerate(chosen.values()):
        child = review.plan.child
        outcome = review.outcome or rng.choice(["keep", "keep", "amend"])
        review.child_views, review.parent_views = rng.choice(CHILD_VIEWS), rng.choice(PARENT_VIEWS)
        review.meets_needs = "no" if outcome == "amend" else "yes"
        review.meets_needs_notes = (
            "" if outcome != "amend" else "New speech and language advice since the plan."
        )
        review.recommendations, review.recommended_outcome = RECOMMENDATIONS[outcome], outcome
        review.pfa = dict(PFA) if rules.pfa_required(child.birth_date, review.meeting) else {}
        if outcome == "amend":
            review.proposed_changes = {"B": "Updated: " + RECOMMENDATIONS["amend"]}
        if n % 4 == 1 and review.decision_on is not None and not _late(review, today):
            # Some reports late (reg 20(7): 2 weeks), where that moves no date the stage depends on (the
            # decision is recorded) and the report still comes before the decision.
            late_report = working_day_on_or_after(
                rules.review_report_due(review.meeting) + timedelta(days=rng.randint(1, 9))
            )
            if late_report <= review.decision_on:
                review.report_sent = late_report
        setting = review.plan.named_setting or child.school
        invited = [(child.full_name, "child", n % 3 != 0)]
        invited += [(name, "parent", True) for name in parents.get(child.pk, [])]
        if setting is not None:
            invited.append((str(setting)[:150], "setting", True))
        if child.officer is not None:
            invited.append((child.officer.full_name, "la", n % 2 == 0))
        people += [ReviewParticipant(review=review, name=a, role=b, attended=c) for a, b, c in invited]
        progress += [
            OutcomeProgress(
                review=review,
                outcome=o,
                outcome_text=o.description,
                progress=rng.choice(["achieved", "on_track", "on_track", "some", "none"]),
                notes="From the setting's report and the family's views.",
            )
            for o in outcomes.get(review.plan_id, [])
        ]
    AnnualReview.objects.bulk_update(
        list(chosen.values()),
        [
            "child_views",
            "parent_views",
            "meets_needs",
            "meets_needs_notes",
            "recommendations",
            "recommended_outcome",
            "pfa",
            "proposed_changes",
            "report_sent",
        ],
        batch_size=500,
    )
    ReviewParticipant.objects.bulk_create(people, batch_size=2000)
    OutcomeProgress.objects.bulk_create(progress, batch_size=2000)
    return len(chosen)


def _late(review: AnnualReview, today: date) -> bool:
    due = rules.review_report_due(review.meeting)
    return (review.report_sent or today) > due


def _outcomes_by_plan(plans: list[Plan]) -> dict[int, list[Outcome]]:
    """The outcomes of each plan's latest issued version (what a review looks at)."""
    found: dict[int, list[Outcome]] = {}
    latest: dict[int, int] = {}
    for o in (
        Outcome.objects.filter(version__plan__in=plans, version__kind__in=["final", "amended"])
        .select_related("version")
        .order_by("version__plan_id", "-version__number", "id")
    ):
        plan_id = o.version.plan_id
        number = latest.setdefault(plan_id, o.version.number)
        if o.version.number == number:
            found.setdefault(plan_id, []).append(o)
    return found


def _consultations(today: date, rng: random.Random) -> int:
    requests = list(
        AssessmentRequest.objects.filter(
            child__reference__startswith="DEMO-", setting_consulted__isnull=False
        )
        .select_related("child__school", "child__officer")
        .order_by("pk")
    )
    if not requests:
        return 0
    named = dict(Plan.objects.filter(request__in=requests).values_list("request_id", "named_setting_id"))
    schools = {s.pk: s for s in School.objects.filter(is_open=True)}
    special = [s for s in schools.values() if s.setting_type == "special" and not s.out_of_borough]
    away = [s for s in schools.values() if s.out_of_borough]
    open_first = sorted(requests, key=lambda r: (r.setting_responded is not None, r.pk))
    rows = []
    for n, request in enumerate(open_first):
        home = schools.get(named.get(request.pk) or 0) or request.child.school
        picks: list[Any] = [home] if home is not None else []
        if n < MULTI_SETTING_CONSULTATIONS:
            picks += [rng.choice(special) if special else None, away[n % len(away)] if away else None]
        picks = [s for i, s in enumerate(picks) if s is not None and s not in picks[:i]]
        if not picks:
            continue
        rows += _rows_for(request, picks, named.get(request.pk), rng, today=today, preferred=n % 2 == 0)
    SettingConsultation.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _rows_for(
    request: AssessmentRequest,
    picks: list[Any],
    named_id: int | None,
    rng: random.Random,
    *,
    today: date,
    preferred: bool,
) -> list[SettingConsultation]:
    """The request's own dates stay as they are: all answered by `setting_responded`, or the first awaited."""
    sent = request.setting_consulted
    assert sent is not None
    due = rules.setting_consultation_due(sent)
    rows = []
    for i, school in enumerate(picks):
        if request.setting_responded is not None:
            answered: date | None = (
                request.setting_responded
                if i == 0
                else acted_on(
                    sent + timedelta(days=rng.randint(0, max(0, (request.setting_responded - sent).days))),
                    request.setting_responded,
                )
            )
        else:
            answered = (
                None if i == 0 else acted_on(min(today, sent + timedelta(days=rng.randint(3, 14))), today)
            )
        answer = ""
        if answered is not None:
            answer = "agree" if i == 0 or rng.random() < 0.4 else rng.choice(list(REFUSALS))
        rows.append(
            SettingConsultation(
                request=request,
                school=school,
                sent=sent,
                response_due=due,
                answered_on=answered,
                answer=answer,
                reasons=REFUSALS.get(answer, ""),
                parent_preference=preferred and i == len(picks) - 1,
                named=school.pk == named_id,
            )
        )
    return rows
