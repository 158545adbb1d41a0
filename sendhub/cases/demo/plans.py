"""Demo plan rows: each synthetic plan's versions (draft, final, amendments), its structured outcomes and
provision, reviews, appeals and quality audits, in the order its stage reached them."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

from sendhub.accounts.models import Role, User
from sendhub.cases import rules
from sendhub.cases.models import (
    AnnualReview,
    Appeal,
    AreaTransfer,
    Outcome,
    Placement,
    Plan,
    PlanVersion,
    Provision,
    QualityAudit,
    VersionKind,
)
from sendhub.cases.synthetic.timelines import SyntheticCase, review_history
from sendhub.lib.workdays import working_day_on_or_after

SECTIONS = {
    "A": "Likes music, swimming and drawing. Wants to make friends and to travel to school independently.",
    "B": "Needs support with communication, attention and managing change.",
    "C": "Under the care of the community paediatrician.",
    "D": "Family receives short breaks support.",
    "E": "By the end of the key stage, will start and finish tasks with one adult prompt.",
    "F": "Small-group speech and language sessions, 3 times a week, delivered by a trained teaching assistant.",
    "G": "Speech and language therapy review each term.",
    "H1": "None.",
    "H2": "None.",
    "I": "Named setting as recorded on the plan.",
    "J": "No personal budget requested.",
    "K": "Educational, psychological, medical and social care advice.",
}


_OUTCOMES = [
    ("Will read and follow a visual timetable independently", "education"),
    ("Will use two-word phrases to ask for help", "community"),
    ("Will manage transitions between lessons with an agreed prompt", "education"),
    ("Will travel to college independently on a familiar route", "independent_living"),
    ("Will take part in a weekly club with peers", "community"),
    ("Will manage their own medication with a reminder", "health"),
]
_PROVISION = [
    (
        "F",
        "Speech and language therapy programme delivered by a trained teaching assistant",
        "3 x 20 minutes a week",
        "School",
    ),
    ("F", "Small-group literacy intervention", "Daily, 30 minutes", "School"),
    ("F", "Access to a quiet workspace and movement breaks", "Throughout the day", "School"),
    ("G", "Speech and language therapy review", "Termly", "NHS community therapy"),
    ("G", "Occupational therapy sensory programme", "Reviewed every 6 months", "NHS occupational therapy"),
    ("H1", "Short breaks at a local scheme", "One weekend a month", "Children's social care"),
    ("H2", "Transition support from the leaving care team", "Monthly", "Social care"),
]


def _structured_content(versions: list[PlanVersion], rng: random.Random) -> None:
    """Section E outcomes and F-H provision on each version, as a real plan would have."""
    outcomes = [
        Outcome(version=v, description=text, area=area)
        for v in versions
        for text, area in rng.sample(_OUTCOMES, rng.randint(2, 3))
    ]
    Outcome.objects.bulk_create(outcomes, batch_size=2000)
    by_version: dict[int, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_version[outcome.version_id].append(outcome)
    Provision.objects.bulk_create(
        [
            Provision(
                version=v,
                section=section,
                description=text,
                frequency=how_often,
                provider=who,
                outcome=rng.choice(by_version[v.pk]) if section == "F" else None,
            )
            for v in versions
            for section, text, how_often, who in rng.sample(_PROVISION, rng.randint(2, 4))
        ],
        batch_size=2000,
    )


def _appeal_in_progress(plans: list[tuple[Plan, SyntheticCase]], today: date) -> list[Appeal]:
    """An area always has an appeal under way; a small demo can draw none by chance, so it gets one."""
    since = today - timedelta(days=60)
    settled = [(plan, p) for plan, case in plans if (p := case.plan) and not p.ceased and p.issued <= since]
    if not settled:
        return []
    plan, p = max(settled, key=lambda pair: pair[1].issued)
    lodged = working_day_on_or_after(max(p.issued + timedelta(days=30), today - timedelta(days=40)))
    return [Appeal(child=plan.child, kind="tribunal", subject="contents", lodged=lodged, outcome="pending")]


def plan_rows(plans: list[tuple[Plan, SyntheticCase]], rng: random.Random, today: date) -> None:  # noqa: C901 (one branch per stage a synthetic plan has reached, read in order)
    versions, reviews, placements, appeals, transfers = [], [], [], [], []
    for plan, case in plans:
        f, p = case.assessment, case.plan
        if f.draft_issued:
            versions.append(
                PlanVersion(
                    plan=plan, number=1, kind=VersionKind.DRAFT, issued_on=f.draft_issued, sections=SECTIONS
                )
            )
        if p is None:
            continue
        versions.append(
            PlanVersion(plan=plan, number=2, kind=VersionKind.FINAL, issued_on=p.issued, sections=SECTIONS)
        )
        if p.amendment_notice:
            versions.append(
                PlanVersion(
                    plan=plan,
                    number=3,
                    kind=VersionKind.AMENDMENT_PROPOSED,
                    issued_on=p.amendment_notice,
                    sections=SECTIONS,
                )
            )
        if p.amended_issued:
            versions.append(
                PlanVersion(
                    plan=plan,
                    number=4,
                    kind=VersionKind.AMENDED,
                    issued_on=p.amended_issued,
                    sections=SECTIONS,
                )
            )
        for held in review_history(rng, p.issued, p.last_review_meeting, p.ceased or p.cease_notice or today):
            reviews.append(
                AnnualReview(
                    plan=plan,
                    meeting=held,
                    report_sent=working_day_on_or_after(held + timedelta(days=rng.randint(3, 12))),
                    decision_on=working_day_on_or_after(held + timedelta(days=rng.randint(14, 27))),
                    outcome=rules.ReviewOutcome.KEEP.value,
                )
            )
        if p.last_review_meeting:
            reviews.append(
                AnnualReview(
                    plan=plan,
                    meeting=p.last_review_meeting,
                    report_sent=p.review_report_sent,
                    decision_on=p.review_decision,
                    outcome=p.review_outcome.value if p.review_outcome and p.review_decision else "",
                )
            )
        child = plan.child
        placements.append(
            Placement(
                child=child,
                school_id=child.school_id,
                sen_setting=plan.named_setting_type,
                sen_unit=plan.named_setting_sen_unit,  # where the plan names the unit, the child is in it
                resourced_provision=plan.named_setting_resourced_provision,
                start=p.issued,
                rank=1,
                end=p.ceased if p.ceased else None,
            )
        )
        roll = rng.random()
        if roll < 0.04:
            lodged = working_day_on_or_after(p.issued + timedelta(days=rng.randint(20, 60)))
            if lodged <= today:
                decided = working_day_on_or_after(lodged + timedelta(days=rng.randint(40, 200)))
                done = decided <= today
                appeals.append(
                    Appeal(
                        child=child,
                        kind=rng.choice(["mediation", "tribunal"]),
                        subject=rng.choice(["contents", "refusal_to_issue", "cease"]),
                        lodged=lodged,
                        outcome=rng.choice(["resolved", "upheld", "dismissed", "conceded"])
                        if done
                        else "pending",
                        outcome_date=decided if done else None,
                    )
                )
        elif roll < 0.05:
            transfers.append(
                AreaTransfer(
                    child=child,
                    direction=rng.choice(["in", "out"]),
                    other_la=rng.choice(["204", "206", "213", "302", "309"]),
                    notified_on=working_day_on_or_after(p.issued + timedelta(days=rng.randint(30, 300))),
                )
            )
    PlanVersion.objects.bulk_create(versions, batch_size=2000)
    _structured_content(versions, random.Random(len(versions)))
    AnnualReview.objects.bulk_create(reviews, batch_size=2000)
    Placement.objects.bulk_create(placements, batch_size=2000)
    if not any(a.outcome == "pending" for a in appeals):
        appeals.extend(_appeal_in_progress(plans, today))
    Appeal.objects.bulk_create([a for a in appeals if a.lodged <= today])
    AreaTransfer.objects.bulk_create([t for t in transfers if t.notified_on <= today])
    auditor = User.objects.filter(role=Role.TEAM_MANAGER).order_by("pk").first()
    recent = [
        v
        for v in versions
        if v.kind in {VersionKind.FINAL, VersionKind.AMENDED} and v.issued_on >= today - timedelta(days=120)
    ]
    if auditor is not None:
        audits = []
        for v in rng.sample(recent, min(len(recent), 12)):
            grades = audit_grades(rng, list(SECTIONS))
            overall = overall_grade(grades)
            audits.append(
                QualityAudit(
                    version=v,
                    auditor=auditor,
                    audited_on=today,
                    sample_month=today.replace(day=1),
                    grades=grades,
                    overall=overall,
                )
            )
        QualityAudit.objects.bulk_create(audits)


GRADES = ["good", "requires_improvement", "inadequate"]


def audit_grades(rng: random.Random, sections: list[str]) -> dict[str, str]:
    """A demo audit's section grades: a plan is good, requires improvement or inadequate as a whole (6:3:1),
    and most of its sections share that grade; about one section in six is a grade better or worse."""
    level = rng.choices(range(3), [6, 3, 1])[0]
    grades = {}
    for code in sections:
        shift = rng.choice([-1, 1]) if rng.random() < 1 / 6 else 0
        grades[code] = GRADES[min(2, max(0, level + shift))]
    return grades


def overall_grade(grades: dict[str, str]) -> str:
    """The overall grade that follows from the section grades: the grade most sections have (a tie goes to
    the worse), and never "good" while any section is inadequate."""
    counts = [sum(1 for g in grades.values() if g == grade) for grade in GRADES]
    overall = max(range(3), key=lambda i: (counts[i], i))
    if overall == 0 and counts[2]:
        overall = 1
    return GRADES[overall]
