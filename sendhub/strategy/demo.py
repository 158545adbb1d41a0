"""Demo data for strategy and governance: Camden's 2024 implementation plan (Appendix C, from the data file),
its end-of-year updates, partner organisations and their measures for two years, measures linked to
actions, one action carried into 2025, one SEND Inclusion Board meeting with decisions and actions, one Quality
Assurance Board meeting with an action, synthetic Local Offer page views for 2024 and 2025 (linked to 1.7)
and the 2024 progress report published on the Local Offer.
Synthetic where the seed gives no figure; deterministic and idempotent."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from typing import Any

from sendhub.accounts.models import User
from sendhub.cases.models import Child
from sendhub.localoffer.models import PageViewCount
from sendhub.strategy.camden import camden_plan, camden_plan_rows
from sendhub.strategy.models import (
    BoardKind,
    InternshipOutcome,
    ItemKind,
    Measure,
    OrganisationKind,
    PartnerMeasure,
    PartnerMember,
    PartnerOrganisation,
    PfaReview,
    Plan,
    SefTheme,
    SupportedInternship,
    Unit,
)
from sendhub.strategy.services import board, measures, plan_io, sef
from sendhub.strategy.services import plan as plan_services
from sendhub.strategy.services import report as report_services

# How each item stood at the end of 2024, read from its "End of year update" in the seed.
DELIVERY_2024 = {
    "1.1": "on_track",
    "1.2": "on_track",
    "1.3": "complete",
    "1.4": "at_risk",
    "1.5": "at_risk",
    "1.6": "at_risk",
    "1.7": "complete",
    "1.8": "on_track",
    "1.9": "off_track",
    "1.10": "on_track",
    "1.11": "on_track",
    "1.12": "complete",
    "1.13": "complete",
    "2.1": "off_track",
    "2.2": "on_track",
    "2.4": "on_track",
    "2.5": "off_track",
    "2.6": "on_track",
    "2.8": "on_track",
    "2.9": "at_risk",
    "2.10": "on_track",
    "2.11": "on_track",
    "2.12": "at_risk",
    "3.1": "on_track",
    "3.2": "on_track",
    "3.5": "at_risk",
    "3.7": "not_started",
    "3.8": "off_track",
    "3.11": "complete",
    "3.13": "complete",
    "3.12": "on_track",
    "3.14": "complete",
}

ORGANISATIONS = [
    ("NCL Integrated Care Board and CNWL health services", OrganisationKind.HEALTH, "health"),
    ("Camden children's social care and disability service", OrganisationKind.SOCIAL_CARE, "socialcare"),
    ("Camden Parent Carer Forum", OrganisationKind.PARENT_CARER_FORUM, "partner"),
    ("Camden SENDIASS", OrganisationKind.SENDIASS, None),
    ("Camden SEND and Inclusion Service", OrganisationKind.COUNCIL, None),
]
# (code, name, owner index, unit, has denominator, base value for the first year)
CATALOGUE = [
    (
        "annual-health-checks-14",
        "Young people 14+ with a learning disability who had an annual health check",
        0,
        Unit.PERCENT,
        True,
        180,
    ),
    ("nd-assessment-wait", "Neurodevelopmental assessment: median wait (weeks)", 0, Unit.WEEKS, False, 52),
    ("therapy-caseload", "Children on speech and language therapy caseloads", 0, Unit.COUNT, False, 1450),
    (
        "short-breaks-takeup",
        "Families taking up targeted and specialist short breaks",
        1,
        Unit.COUNT,
        False,
        410,
    ),
    ("shared-lives", "Young people in Shared Lives arrangements", 1, Unit.COUNT, False, 9),
    ("engagement-events", "Engagement events held with families", 2, Unit.COUNT, False, 14),
    ("engagement-attendance", "Parent carers attending engagement events", 2, Unit.COUNT, False, 380),
    (
        "parent-satisfaction",
        "Parent carers satisfied with the services they receive",
        2,
        Unit.PERCENT,
        True,
        260,
    ),
    ("sendiass-enquiries", "Enquiries answered by SENDIASS", 3, Unit.COUNT, False, 920),
    ("internships-started", "Young people starting a supported internship", 4, Unit.COUNT, False, 21),
    (
        "internship-employment",
        "Young people in paid work after a supported internship",
        4,
        Unit.PERCENT,
        True,
        19,
    ),
    (
        "training-sessions",
        "SEND training sessions delivered across the partnership",
        4,
        Unit.COUNT,
        False,
        48,
    ),
    ("training-delegates", "Delegates at SEND training sessions", 4, Unit.COUNT, False, 820),
    ("training-rating", "Average delegate rating of SEND training (out of 5)", 4, Unit.RATING, False, 4),
    ("local-offer-visits", "Local Offer website visits", 4, Unit.COUNT, False, 26000),
]
PERIODS = [(date(2023, 4, 1), date(2024, 3, 31)), (date(2024, 4, 1), date(2025, 3, 31))]
# (action number, label, partner measure code or live KPI key, target, direction, due)
LINKS = [
    (
        "1.7",
        "Local Offer visits (page views counted by SEND Hub)",
        "kpi:local_offer_visits",
        "60000",
        "higher",
        date(2025, 12, 31),
    ),
    (
        "1.1",
        "Parent carers satisfied with services",
        "parent-satisfaction",
        "75",
        "higher",
        date(2025, 3, 31),
    ),
    (
        "1.4",
        "Parent carers satisfied with services",
        "parent-satisfaction",
        "75",
        "higher",
        date(2025, 3, 31),
    ),
    ("1.5", "EHC plans issued within 20 weeks", "kpi:twenty_week_incl", "60", "higher", date(2024, 12, 31)),
    ("1.7", "Local Offer website visits a year", "local-offer-visits", "30000", "higher", date(2025, 3, 31)),
    ("1.8", "SEND training delegates a year", "training-delegates", "900", "higher", date(2025, 3, 31)),
    ("1.12", "Engagement events held a year", "engagement-events", "12", "higher", date(2025, 3, 31)),
    (
        "2.11",
        "Decisions whether to assess within 6 weeks",
        "kpi:six_week",
        "90",
        "higher",
        date(2024, 12, 31),
    ),
    (
        "3.1",
        "Young people starting a supported internship",
        "internships-started",
        "25",
        "higher",
        date(2025, 3, 31),
    ),
    (
        "3.11",
        "Take-up of targeted and specialist short breaks",
        "short-breaks-takeup",
        "450",
        "higher",
        date(2025, 3, 31),
    ),
    ("3.12", "14+ with an annual health check", "annual-health-checks-14", "75", "higher", date(2025, 3, 31)),
    ("3.13", "Local Offer website visits a year", "local-offer-visits", "30000", "higher", date(2025, 3, 31)),
]


def _demo_user(local: str) -> User | None:
    return User.objects.filter(email=f"{local}@demo.sendhub.test").first()


def load(*, seed: int, scale: float, stdout: Any) -> None:
    data = camden_plan()
    if Plan.objects.filter(year=data["year"], strategy__title=data["strategy"]).exists():
        stdout.write("strategy: the 2024 plan is already loaded")
        return
    rng = random.Random(seed)
    lead = _demo_user("manager")
    plan = plan_io.import_plan(rows=camden_plan_rows(), by=lead)
    actions = {a.number: a for a in plan.actions.all()}
    updates = {a["number"]: a["end_of_year_update"] for p in data["priorities"] for a in p["actions"]}
    for number, delivery in DELIVERY_2024.items():
        plan_services.record_update(
            action=actions[number],
            reported_on=date(2024, 12, 31),
            delivery=delivery,
            progress=updates[number] or "See the end of year report.",
            by=lead,
        )
    organisations = []
    for name, kind, local in ORGANISATIONS:
        organisation, _ = PartnerOrganisation.objects.get_or_create(name=name, defaults={"kind": kind})
        organisations.append(organisation)
        user = _demo_user(local) if local else None
        if user is not None:
            PartnerMember.objects.get_or_create(user=user, defaults={"organisation": organisation})
    catalogue = {}
    for code, name, owner, unit, has_denominator, base in CATALOGUE:
        measure, _ = PartnerMeasure.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "owner": organisations[owner],
                "unit": unit,
                "has_denominator": has_denominator,
            },
        )
        catalogue[code] = measure
        officer = next((m.user for m in measure.owner.members.all()), None) or lead
        for year, (start, end) in enumerate(PERIODS):
            grown = base * (1 + year * rng.uniform(-0.05, 0.2))
            entry = measures.ValueInput(
                period_start=start,
                period_end=end,
                value=None
                if has_denominator
                else Decimal(str(round(grown, 1 if unit == Unit.RATING else None))),
                numerator=round(grown) if has_denominator else None,
                denominator=round(grown / rng.uniform(0.6, 0.85)) if has_denominator else None,
                source="Demo figures (synthetic)",
            )
            measures._save_value(measure=measure, entry=entry, by=officer)
    for number, label, source, target, direction, due in LINKS:
        kpi = source.removeprefix("kpi:") if source.startswith("kpi:") else ""
        measures.link_measure(
            action=actions[number],
            label=label,
            target=Decimal(target),
            direction=direction,
            due=due,
            kpi_key=kpi,
            partner_measure=None if kpi else catalogue[source],
            by=lead,
        )
    carried = plan_services.carry_forward_action(action=actions["1.9"], by_when="Dec-25", by=lead)
    plan_services.record_update(
        action=carried,
        reported_on=date(2025, 6, 30),
        delivery="on_track",
        progress="Quality Assurance Board set up; first audit of plans' aspirations done.",
        next_steps="Report agreed actions to the SEND Inclusion Board in September.",
        by=lead,
    )
    meeting = board.schedule_meeting(
        board=BoardKind.INCLUSION,
        held_on=date(2025, 1, 22),
        attendees="Chair: Director of Education\nSEND and Inclusion service lead\nDesignated Clinical Officer (ICB)\n"
        "Head of children's social care\nCamden Parent Carer Forum co-chair\nSENDIASS manager",
        agenda="Year 2 implementation plan: end of year report\nMeasures off target\n"
        "Year 3 plan priorities\nAny other business",
        by=lead,
    )
    board.record_item(
        meeting=meeting,
        kind=ItemKind.DECISION,
        by=lead,
        text="Carry 1.9 (strength-focused support) into the Year 3 plan under the QA Board.",
    )
    board.record_item(
        meeting=meeting,
        kind=ItemKind.ACTION,
        owner="SEND and Inclusion service lead",
        due=date(2025, 3, 31),
        by=lead,
        text="Bring a recovery plan for the pilots of inclusive mainstream support (2.1).",
    )
    done = board.record_item(
        meeting=meeting,
        kind=ItemKind.ACTION,
        owner="Designated Clinical Officer",
        due=date(2025, 2, 28),
        by=lead,
        text="Report the annual health check take-up for 14+ by GP practice.",
    )
    board.complete_item(item=done, completed_on=date(2025, 2, 20), by=lead)
    qa = board.schedule_meeting(
        board=BoardKind.QUALITY,
        held_on=date(2025, 2, 12),
        attendees="Chair: Head of SEND quality assurance\nSENCO representative\nDesignated Clinical Officer (ICB)",
        agenda="Audit of ten EHC plans' aspirations (1.9)\nAdvice quality (1.6)",
        by=lead,
    )
    board.record_item(
        meeting=qa,
        kind=ItemKind.ACTION,
        owner="Head of SEND quality assurance",
        due=date(2025, 4, 30),
        by=lead,
        text="Share the audit's findings on plans' aspirations with the SEND Inclusion Board.",
    )
    _local_offer_visits(rng)
    report_services.publish_report(plan=plan, by=lead)
    _adulthood(rng)
    linked = {m.action.number: m for m in Measure.objects.filter(action__plan=plan).select_related("action")}
    sef.save_sef_section(
        theme=SefTheme.NEXT_STEPS,
        by=lead,
        measures=[linked["3.1"], linked["3.12"]],
        strengths="Twenty-one young people started accredited supported internships in 2024/25, and a further 7 "
        "alternative programmes; the SEND Employment Forum coordinates opportunities.",
        areas_for_development="Preparing for Adulthood in annual reviews from year 9 (3.8) was paused; "
        "annual health checks for 14+ are below target.",
        evidence="Progress report 2024, Appendix C 3.1, 3.8, 3.12\nSEND Inclusion Board minutes, January 2025",
    )
    sef.save_sef_section(
        theme=SefTheme.PARTICIPATION,
        by=lead,
        measures=[linked["1.1"]],
        strengths="Engagement Lead in post; engagement plan for children and young people in place.",
        areas_for_development="Feedback from families is not yet gathered routinely after plans and reviews (1.4).",
        evidence="Engagement and participation plan, December 2024",
    )
    stdout.write(
        f"strategy: {plan} with {len(actions)} actions, {len(catalogue)} partner measures, 1 board meeting"
    )


LOCAL_OFFER_PAGES = ["/local-offer/", "/local-offer/services/", "/local-offer/pages/ehc-plans/"]


def _local_offer_visits(rng: random.Random) -> None:
    """Synthetic page views, a row for each page on the first of each month of 2024 and 2025 (the month's
    views), growing after the refreshed Local Offer's launch in November 2024 (1.7)."""
    rows = []
    for year in (2024, 2025):
        for month in range(1, 13):
            launched = (year, month) >= (2024, 11)
            for n, path in enumerate(LOCAL_OFFER_PAGES):
                views = round(rng.uniform(1500, 2500) * (1.4 if launched else 1) / (n + 1))
                rows.append(PageViewCount(path=path, day=date(year, month, 1), views=views))
    PageViewCount.objects.bulk_create(rows, ignore_conflicts=True)


def _adulthood(rng: random.Random) -> None:
    """21 supported internships started in 2024/25 (as the seed reports) and 18 the year before, and year 9+
    reviews, for the oldest demo young people (synthetic)."""
    young = list(Child.objects.order_by("birth_date", "pk")[:120])
    employers = [
        "Synthetic Hotel Group",
        "Borough Libraries",
        "Northside Hospital Trust",
        "Parkway Supermarket",
    ]
    for n, child in enumerate(young[:39]):
        first_year = n >= 21
        start = date(2023 if first_year else 2024, 9, 4)
        outcome = (
            rng.choice(
                [
                    InternshipOutcome.EMPLOYED,
                    InternshipOutcome.EDUCATION,
                    InternshipOutcome.NOT_EMPLOYED,
                    InternshipOutcome.EMPLOYED,
                ]
            )
            if first_year
            else InternshipOutcome.ONGOING
        )
        SupportedInternship.objects.create(
            young_person=child,
            employer=employers[n % len(employers)],
            provider="Synthetic College",
            start=start,
            end=date(2024, 7, 12) if first_year else None,
            outcome=outcome,
        )
    for n, child in enumerate(young[39:]):
        PfaReview.objects.create(
            young_person=child,
            held_on=date(2024, 10, 1 + n % 28),
            year_group=9 + n % 6,
            ehcp=n % 4 != 0,
            young_person_participated=rng.random() < 0.7,
            pfa_planning_started=rng.random() < 0.55,
            pfa_outcomes_included=rng.random() < 0.6,
            employment_discussed=rng.random() < 0.6,
            independent_living_discussed=rng.random() < 0.5,
            community_discussed=rng.random() < 0.4,
            health_discussed=rng.random() < 0.5,
        )
