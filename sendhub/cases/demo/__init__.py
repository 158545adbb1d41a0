"""Demo casework: a synthetic Camden-sized SEND population at every stage (fast, deterministic, idempotent).

The population comes from ``sendhub.cases.synthetic`` (pure, tested against the rules); this module only
maps it onto rows with bulk_create. Dates are relative to today, so the worklists always show real due
and overdue work. Running it again does nothing once the demo children exist.
"""

from __future__ import annotations

import dataclasses
import random
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from sendhub.accounts.models import Role, Team, User
from sendhub.cases import rules
from sendhub.cases.demo import review_letters as demo_review_letters
from sendhub.cases.demo import reviews as demo_reviews
from sendhub.cases.demo.plans import overall_grade as overall_grade
from sendhub.cases.demo.plans import plan_rows
from sendhub.cases.models import (
    AdviceRequest,
    AssessmentException,
    AssessmentRequest,
    Child,
    LetterTemplate,
    PanelDecision,
    PanelMeeting,
    ParentCarer,
    Plan,
    PlanStatus,
    Professional,
    RequestStatus,
    TimelineEntry,
)
from sendhub.cases.rules import Stage
from sendhub.cases.rules.young_person import young_person_check
from sendhub.cases.synthetic import generate, names
from sendhub.cases.synthetic.population import SyntheticChild
from sendhub.cases.synthetic.timelines import SyntheticCase
from sendhub.schools.models import School, SettingType

ADVICE_KIND = {
    "educational": "educational",
    "psychological": "psychological",
    "health": "medical",
    "social_care": "social_care",
}
# The name shown for an adviser the demo does not give an account ("Social care adviser", not a raw code).
ADVICE_KIND_LABELS = {
    "educational": "Education",
    "psychological": "Educational psychology",
    "medical": "Health",
    "social_care": "Social care",
}
ADVISER_EMAIL = {"psychological": "ep", "medical": "health", "social_care": "socialcare"}
PLAN_STATUS = {Stage.CEASING: PlanStatus.CEASING, Stage.CEASED: PlanStatus.CEASED}


# About one child in 14 at a special school or college is placed out of the area (a few dozen at full
# scale): the neighbouring boroughs' special schools, independent and non-maintained special schools,
# specialist post-16 institutions. Camden places more than that; the demo keeps the set small.
OUT_OF_AREA_ONE_IN = 14


def _schools_by_kind() -> dict[str, list[School]]:
    schools = list(School.objects.order_by("urn"))
    kinds: dict[str, list[School]] = defaultdict(list)
    for s in schools:
        if s.out_of_borough:
            out_of_area = (
                "fe" if s.phase == "16_plus" else "special" if "special" in s.setting_type else "any"
            )
            kinds[f"out_of_area_{out_of_area}"].append(s)
        elif s.setting_type == "special":
            kinds["special"].append(s)
        elif s.setting_type == "fe" or s.phase == "16_plus":
            kinds["fe"].append(s)
        elif s.setting_type == "early_years" or s.phase == "nursery":
            kinds["early_years"].append(s)
        elif s.phase in {"secondary", "all_through"}:
            kinds["secondary"].append(s)
        else:
            kinds["primary"].append(s)
    kinds["any"] = [s for s in schools if not s.out_of_borough]
    return kinds


def _school_for(child: SyntheticChild, kinds: dict[str, list[School]], today: date) -> School | None:
    age = rules.age_on(child.birth, today)
    if child.setting_kind == "none":
        return None
    kind = child.setting_kind
    away = kinds.get(f"out_of_area_{kind}")
    if away and child.pick % OUT_OF_AREA_ONE_IN == 0:
        return away[(child.pick // OUT_OF_AREA_ONE_IN) % len(away)]
    if kind == "mainstream":
        kind = "primary" if age < 11 else "secondary"
    options = kinds.get(kind) or kinds.get("primary" if age < 11 else "secondary") or kinds["any"]
    return options[child.pick % len(options)] if options else None


def _officers() -> dict[int, list[User]]:
    """Demo case officers by team, in the order accounts.demo.TEAMS lists the teams."""
    by_team: dict[int, list[User]] = defaultdict(list)
    officers = list(User.objects.filter(role=Role.CASE_OFFICER, is_active=True).order_by("pk"))
    teams = {t.pk: i for i, t in enumerate(Team.objects.order_by("pk"))}
    for officer in officers:
        by_team[teams.get(officer.team_id, -1) if officer.team_id else -1].append(officer)
    by_team[-1] = officers
    return by_team


def load(*, seed: int, scale: float, stdout: Any) -> None:
    if Child.objects.filter(reference__startswith="DEMO-").exists():
        stdout.write("Cases: demo children already there")
        return
    today = timezone.localdate()
    rng = random.Random(seed)
    population = generate(seed=seed, scale=scale, today=today, la_code=settings.SENDHUB_LA_CODE)
    kinds, officers = _schools_by_kind(), _officers()
    children = []
    for sc in population.children:
        team_officers = officers.get(sc.team_index) or officers[-1]
        officer = team_officers[sc.pick % len(team_officers)] if team_officers else None
        status = _status(sc, today)
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
                school=_school_for(sc, kinds, today),
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
    counts = _cases(population.children, saved, rng, today)
    _list_for_next_panel(today)
    _family(population.children, saved, rng)
    _demo_family(today)
    # After the families: the letters go to each parent, by email or post as they prefer.
    _panels(
        list(
            AssessmentRequest.objects.filter(child__reference__startswith="DEMO-")
            .select_related("child__officer")
            .order_by("pk")
        ),
        today,
    )
    _review_invitations(today)
    extra = demo_reviews.load(today, random.Random(seed + 17))
    demo_review_letters.load(today)  # after the reviews' record: their letters and reports
    stdout.write(
        f"Cases: {len(children)} children, {counts['requests']} requests, {counts['plans']} plans, "
        f"{extra['reviews']} structured reviews, {extra['consultations']} settings consulted"
    )


def _list_for_next_panel(today: date, per_team: int = 4) -> None:
    """Each team's oldest requests still waiting for a decision to assess go on the next panel's agenda."""
    waiting = AssessmentRequest.objects.filter(
        status=RequestStatus.OPEN, decided_to_assess__isnull=True, decided_not_to_assess__isnull=True
    ).order_by("received", "pk")
    taken: dict[int | None, int] = {}
    ids = []
    for pk, team in waiting.values_list("pk", "child__team_id"):
        if taken.get(team, 0) < per_team:
            taken[team] = taken.get(team, 0) + 1
            ids.append(pk)
    panel = rules.next_panel_day(today, settings.SENDHUB_PANEL_WEEKDAY)
    AssessmentRequest.objects.filter(pk__in=ids).update(panel_on=panel)


def _status(sc: SyntheticChild, today: date) -> rules.CaseStatus | None:
    for case in sc.cases:
        if case.plan is not None:
            due = rules.cohort_phase_transfer_due(sc.birth, today)
            status = rules.plan_status(dataclasses.replace(case.plan, phase_transfer_due=due), today)
            return None if status.stage.closed else status
        status = rules.assessment_status(case.assessment, today)
        return None if status.stage.closed else status
    return None


def _request_status(case: SyntheticCase) -> str:
    f = case.assessment
    if f.final_issued:
        return RequestStatus.ISSUED
    if f.decided_not_to_assess:
        return RequestStatus.NOT_ASSESSED
    if f.decided_not_to_issue:
        return RequestStatus.NOT_ISSUED
    if f.withdrawn:
        return RequestStatus.WITHDRAWN
    return RequestStatus.OPEN


def _cases(
    population: list[SyntheticChild], saved: dict[str, Child], rng: random.Random, today: date
) -> dict[str, int]:
    advisers = {
        key: User.objects.filter(email=f"{local}@demo.sendhub.test").first()
        for key, local in ADVISER_EMAIL.items()
    }
    requests, pairs = [], []
    for sc in population:
        child = saved[sc.key]
        for case in sc.cases:
            f = case.assessment
            requests.append(
                AssessmentRequest(
                    child=child,
                    received=f.received,
                    source=case.source.value,
                    status=_request_status(case),
                    decided_to_assess=f.decided_to_assess,
                    decided_not_to_assess=f.decided_not_to_assess,
                    decided_to_issue=f.decided_to_issue,
                    decided_not_to_issue=f.decided_not_to_issue,
                    draft_issued=f.draft_issued,
                    setting_consulted=f.setting_consulted,
                    setting_responded=f.setting_responded,
                    final_issued=f.final_issued,
                    withdrawn=f.withdrawn,
                    officer=child.officer,
                )
            )
            pairs.append((child, case))
    AssessmentRequest.objects.bulk_create(requests, batch_size=1000)
    advice, exceptions, plans, timeline = [], [], [], []
    for request, (child, case) in zip(requests, pairs, strict=True):
        f = case.assessment
        for kind, a in zip(["educational", "psychological", "health", "social_care"], f.advice, strict=False):
            mapped = ADVICE_KIND[kind]
            adviser = advisers.get(mapped) if a.received is None or rng.random() < 0.1 else None
            advice.append(
                AdviceRequest(
                    request=request,
                    kind=mapped,
                    requested_on=a.requested,
                    due=a.due,
                    received_on=a.received,
                    adviser=adviser,
                    adviser_name=adviser.full_name if adviser else f"{ADVICE_KIND_LABELS[mapped]} adviser",
                )
            )
        for e in f.exceptions:
            exceptions.append(
                AssessmentException(request=request, reason=e.reason.value, start=e.start, end=e.end)
            )
        timeline.append(
            TimelineEntry(
                child=child,
                occurred_on=f.received,
                kind="request",
                summary="Request for an EHC needs assessment received",
            )
        )
        for when, text in [
            (f.decided_to_assess, "Decided to assess"),
            (f.decided_not_to_assess, "Decided not to assess"),
            (f.draft_issued, "Draft EHC plan issued"),
            (f.final_issued, "Final EHC plan issued"),
            (f.decided_not_to_issue, "Decided not to issue a plan"),
            (f.withdrawn, "Request withdrawn"),
        ]:
            if when:
                timeline.append(TimelineEntry(child=child, occurred_on=when, kind="decision", summary=text))
        if case.plan is not None:
            p = case.plan
            unit, resourced = _unit_or_resourced(child)
            plans.append(
                (
                    Plan(
                        child=child,
                        request=request,
                        status=PLAN_STATUS.get(case.stage, PlanStatus.ACTIVE),
                        start_date=p.issued,
                        named_setting=child.school,
                        named_setting_type="" if child.school else _type_without_school(child, p.issued),
                        named_setting_sen_unit=unit,
                        named_setting_resourced_provision=resourced,
                        amendment_notice=p.amendment_notice,
                        amended_issued=p.amended_issued,
                        cease_notice=p.cease_notice,
                        ceased=p.ceased,
                        cease_reason=rng.choice(["2", "3", "4", "5", "6"]) if p.cease_notice else "",
                        personal_budget=rng.random() < 0.06,
                    ),
                    case,
                )
            )
        elif f.draft_issued is not None:
            plans.append((Plan(child=child, request=request, status=PlanStatus.DRAFT), case))
    AdviceRequest.objects.bulk_create(advice, batch_size=2000)
    AssessmentException.objects.bulk_create(exceptions)
    Plan.objects.bulk_create([p for p, _ in plans], batch_size=1000)
    plan_rows(plans, rng, today)
    TimelineEntry.objects.bulk_create(timeline, batch_size=2000)
    return {"requests": len(requests), "plans": len(plans)}


def _unit_or_resourced(child: Child) -> tuple[bool, bool]:
    """Whether section I names the SEN unit or the resourced provision of the child's school (SEN2 items
    4.7e/4.7f): about half the plans naming a school that has one, a few per cent of all plans. Drawn from
    its own generator so the rest of the demo does not change with it."""
    if child.school is None or child.school.setting_type != SettingType.RESOURCED:
        return False, False
    own = random.Random(f"unit{child.last_name}{child.birth_date}")
    place = own.choices(["mainstream", "unit", "resourced"], weights=[5, 2, 3])[0]
    return place == "unit", place == "resourced"


def _type_without_school(child: Child, issued: date) -> str:
    """The setting type section I names for a child with no school: early years, EOTAS or home education.
    Drawn from its own generator so the rest of the demo does not change with it."""
    if (issued - child.birth_date).days < 5 * 365:
        return "EYP"
    own = random.Random(f"{child.last_name}{child.birth_date}")
    return own.choices(["OLA", "EHE", "OPA"], weights=[5, 3, 2])[0]


def _family(population: list[SyntheticChild], saved: dict[str, Child], rng: random.Random) -> None:
    parents, professionals = [], []
    for sc in population:
        child = saved[sc.key]
        mother = rng.random() < 0.8
        first = rng.choice(names.FIRST_NAMES_F if mother else names.FIRST_NAMES_M)
        parents.append(
            ParentCarer(
                child=child,
                name=f"{first} {child.last_name}",
                relationship="Mother" if mother else "Father",
                email=f"{first.lower()}.{child.last_name.lower()}{sc.pick % 97}@example.invalid",
                contact_preference=rng.choice(["email", "email", "phone", "text", "post"]),
                language=sc.first_language if sc.first_language != "Other" else "English",
                interpreter_needed=sc.first_language not in {"English", "Other"} and rng.random() < 0.3,
            )
        )
        if sc.sen_status == "ehcp":
            professionals.append(
                Professional(
                    child=child,
                    name=f"{rng.choice(names.FIRST_NAMES_F)} {rng.choice(names.SURNAMES)}",
                    role="Educational psychologist",
                    organisation="Educational Psychology Service",
                )
            )
    ParentCarer.objects.bulk_create(parents, batch_size=2000)
    Professional.objects.bulk_create(professionals, batch_size=2000)


def _demo_family(today: date) -> None:
    """The demo parent account IS the recorded parent (same name and email) of its children: one whose draft
    plan is inside the 15 days for comments and naming a setting (reg 13(1), CFA s.38), one with a plan."""
    parent_user = User.objects.filter(email="parent@demo.sendhub.test").first()
    if parent_user is None:
        return
    demo = Child.objects.filter(reference__startswith="DEMO-")
    in_draft = (
        demo.filter(
            requests__status=RequestStatus.OPEN,
            requests__draft_issued__gt=today - timedelta(days=15),
            requests__draft_issued__lte=today,
            requests__final_issued__isnull=True,
        )
        .order_by("pk")
        .first()
    )
    with_plan = (
        demo.filter(plans__status=PlanStatus.ACTIVE)
        .exclude(pk__in=[in_draft.pk] if in_draft else [])
        .order_by("pk")
        .first()
    )
    for child in (c for c in (in_draft, with_plan) if c is not None):
        record = child.parents.order_by("pk").first()
        if record is None:
            continue
        record.name = parent_user.full_name
        record.relationship = "Mother"
        record.email = parent_user.email
        record.user = parent_user
        record.full_clean()
        record.save()
    _demo_young_person(demo, today)


def _demo_young_person(demo: Any, today: date) -> None:
    """The demo young person account is the record of a young person (over school age, under 25: CFA 2014
    s.83(2)) with a plan, named as the account is, so the family pages show them their own case."""
    account = User.objects.filter(email="youngperson@demo.sendhub.test").first()
    if account is None or Child.objects.filter(account=account).exists():
        return
    for child in demo.filter(plans__status=PlanStatus.ACTIVE, account__isnull=True).order_by(
        "birth_date", "pk"
    ):
        if child.birth_date and young_person_check(child.birth_date, today).allowed:
            first, _, last = account.full_name.partition(" ")
            child.first_name, child.last_name, child.account = first, last, account
            child.full_clean()
            child.save(update_fields=["first_name", "last_name", "account"])
            return


def _panels(requests: list[AssessmentRequest], today: date) -> None:
    """Panel decisions and their letters for the last eight weeks of decisions whether to assess."""
    from sendhub.cases.services import letters
    from sendhub.cases.services.panel import ensure_default_templates, letter_context, template_key_for

    members = list(
        User.objects.filter(
            role__in=[Role.TEAM_MANAGER, Role.EP, Role.HEALTH, Role.SOCIAL_CARE],
            email__endswith="@demo.sendhub.test",
        ).order_by("pk")[:5]
    )
    chair = next((u for u in members if u.role == Role.TEAM_MANAGER), None)
    ensure_default_templates()  # as decide_at_panel does: the letters need their templates
    templates = {t.key: t for t in LetterTemplate.objects.all()}
    meetings: dict[date, PanelMeeting] = {}
    for request in requests:
        decided = request.decided_to_assess or request.decided_not_to_assess
        if decided is None or decided < today - timedelta(weeks=8):
            continue
        if decided not in meetings:
            meeting, _ = PanelMeeting.objects.get_or_create(held_on=decided, defaults={"chair": chair})
            meeting.members_present.add(*members)
            meetings[decided] = meeting
        assess = request.decided_to_assess is not None
        decision = PanelDecision.objects.create(
            meeting=meetings[decided],
            request=request,
            question="assess",
            outcome="yes" if assess else "no",
            decided_by=chair,
            reasons=(
                "Evidence shows the child may need provision through an EHC plan."
                if assess
                else "Needs can be met from resources ordinarily available."
            ),
        )
        template = templates.get(template_key_for(decision))
        if template is not None:  # as the decision's service does: one letter per parent, kept as a PDF
            context = letter_context(decision, settings.SENDHUB_LA_NAME)
            for addressee in letters.parent_addressees(request.child):
                letters.make_letter(
                    template=template,
                    child=request.child,
                    addressee=addressee,
                    context=context,
                    by=chair,
                    today=decided,
                    request=request,
                    decision=decision,
                )


def _review_invitations(today: date) -> None:
    """The bulk-letters job as a team manager runs it: next month's annual review invitations."""
    from sendhub.cases.models import LetterBatch
    from sendhub.cases.rules.periods import add_months
    from sendhub.cases.services.letter_batches import run_batch

    manager = User.objects.filter(role=Role.TEAM_MANAGER, email__endswith="@demo.sendhub.test").first()
    if manager is None:
        return
    batch = LetterBatch.objects.create(
        template_key="review-invitation",
        month=add_months(today.replace(day=1), 1),
        requested_by=manager,
        team=manager.team,
    )
    run_batch(batch.pk, today)
