"""Cross-field rules for settings (PlanDetail, PlacementDetail) and active plans (module 5). Pure, no Django.

Rule ids and their sources are listed in ``rules.RULES`` and docs/domains/sen2.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from sendhub.cases.rules import TransferKind, phase_transfer_amended_plan_due
from sendhub.sen2.validation.common import NOT_IN_EDUCATION, Context, Found, age_on, check_work_based, fmt
from sendhub.sen2.xmlmodel import ActivePlans, NamedPlan, Person, PlacementDetail, PlanDetail


def check_settings(
    p: Person, items: Sequence[PlanDetail | PlacementDetail], ctx: Context, parent: str, tag: str
) -> Iterator[Found]:
    ranks: dict[str, int] = {}
    for i, s in enumerate(items, start=1):
        sp = f"{parent}/{tag}[{i}]"
        if bool(s.urn) + bool(s.ukprn) + bool(s.sen_setting) != 1:  # the common case in one step
            given = [n for n, v in (("URN", s.urn), ("UKPRN", s.ukprn), ("SENSetting", s.sen_setting)) if v]
            yield (
                "SET-01",
                sp,
                "The setting is given by " + (" and ".join(given) if given else "nothing") + ".",
                "Give exactly one: the URN of a school, the UKPRN of a college, or a setting type code.",
            )
        if s.sen_setting_other and not s.sen_setting:
            yield (
                "SET-02",
                f"{sp}/SENSettingOther",
                "Other-setting text is given without a setting type.",
                "Remove the text, or give the setting type it describes.",
            )
        if s.sen_setting == "NIEO" and not s.sen_setting_other:
            yield (
                "SET-02",
                f"{sp}/SENSettingOther",
                "'Not in education - other' needs a description.",
                "Describe the circumstances, e.g. permanently excluded.",
            )
        if (
            s.sen_setting in NOT_IN_EDUCATION
            and p.person_birth_date
            and (age_on(p.person_birth_date, ctx.reference_date) < 16)
        ):
            yield (
                "COD-01",
                f"{sp}/SENSetting",
                f"Setting {s.sen_setting} is only for young people aged 16 or over.",
                "Record the school or other arrangement the child attends.",
            )
        ended = (
            isinstance(s, PlacementDetail)
            and s.leaving_date is not None
            and s.leaving_date <= ctx.reference_date
        )
        if not s.placement_rank:
            yield (
                "SET-03",
                f"{sp}/PlacementRank",
                "The placement rank is missing.",
                "Record 1 for the main setting, 2 for a second (dual) setting.",
            )
        elif not ended:
            ranks[s.placement_rank] = ranks.get(s.placement_rank, 0) + 1
    for rank, count in sorted(ranks.items()) if len(ranks) < sum(ranks.values()) else ():
        if count > 1:
            yield (
                "SET-03",
                f"{parent}/{tag}",
                f"{count} current settings have placement rank {rank}.",
                "Only one setting can be primary (1) and one secondary (2) at a time.",
            )


def check_active(  # noqa: C901 (one check per DfE SEN2 validation rule, in the guide's order)
    p: Person, ap: ActivePlans, plan: NamedPlan | None, ctx: Context, xp: str
) -> Iterator[Found]:
    ref = ctx.reference_date
    if plan is None:
        yield (
            "ACT-01",
            xp,
            "Active plan details are given but the request has no plan.",
            "Add the plan (NamedPlan) to the assessment, or remove the active plan details.",
        )
    elif plan.cease_date is not None and plan.cease_date <= ref:
        yield (
            "ACT-01",
            xp,
            f"Active plan details are given but the plan ceased on {fmt(plan.cease_date)}.",
            "Remove the active plan details of a ceased plan.",
        )
    if not ap.placements and ap.transfer_la is None:
        yield (
            "ACT-02",
            xp,
            "The active plan has no placement.",
            "Record where the child or young person is educated (PlacementDetail).",
        )
    for i, pl in enumerate(ap.placements, start=1):
        pp = f"{xp}/PlacementDetail[{i}]"
        if pl.entry_date is None:
            yield (
                "ACT-03",
                f"{pp}/EntryDate",
                "The placement has no start date.",
                "Record the date it started.",
            )
            continue
        if pl.leaving_date and pl.leaving_date < pl.entry_date:
            yield (
                "ACT-03",
                f"{pp}/LeavingDate",
                f"The placement ended ({fmt(pl.leaving_date)}) before it started ({fmt(pl.entry_date)}).",
                "Correct the leaving date or the entry date.",
            )
        if pl.entry_date > ref:
            yield (
                "ACT-03",
                f"{pp}/EntryDate",
                f"The placement starts on {fmt(pl.entry_date)}, after the reference date.",
                "Leave out placements that had not started by the reference date.",
            )
        if plan is not None and plan.start_date and pl.leaving_date and pl.leaving_date < plan.start_date:
            yield (
                "ACT-03",
                f"{pp}/LeavingDate",
                f"The placement ended ({fmt(pl.leaving_date)}) before the plan "
                f"started ({fmt(plan.start_date)}).",
                "Leave out placements that ended before the plan.",
            )
        if plan is not None and plan.cease_date and pl.entry_date > plan.cease_date:
            yield (
                "ACT-03",
                f"{pp}/EntryDate",
                f"The placement started ({fmt(pl.entry_date)}) after the plan "
                f"ceased ({fmt(plan.cease_date)}).",
                "Leave out placements that began after the plan ceased.",
            )
        if pl.wbp:
            yield from check_work_based(p.person_birth_date, pl.wbp, ctx, f"{pp}/WBP")
    yield from check_settings(p, ap.placements, ctx, xp, "PlacementDetail")
    ranks = [n.sen_type_rank for n in ap.sen_needs]
    types = [n.sen_type for n in ap.sen_needs if n.sen_type]
    if ranks.count("1") != 1 or ranks.count("2") > 1 or len(set(types)) != len(types):
        yield (
            "ACT-04",
            f"{xp}/SENneed",
            "The needs are not one primary need (rank 1) and at most one different secondary need (rank 2).",
            "Record the primary need with rank 1 and any secondary need with rank 2.",
        )
    yield from check_reviews(ap, plan, ref, xp)
    if ap.phase_transfer_due_date is not None or ap.phase_transfer_final_date is not None:
        yield from check_phase_transfer(ap, ref, xp)


def check_reviews(ap: ActivePlans, plan: NamedPlan | None, ref: date, xp: str) -> Iterator[Found]:
    meeting = ap.review_meeting
    if ap.review_outcome and meeting is None:
        yield (
            "ACT-05",
            f"{xp}/ReviewMeeting",
            "A review outcome is given without the review meeting date.",
            "Record the date of the annual review meeting.",
        )
    if meeting is not None:
        if meeting > ref:
            yield (
                "ACT-05",
                f"{xp}/ReviewMeeting",
                f"The review meeting ({fmt(meeting)}) is after the reference date.",
                "Report the latest review held on or before the reference date.",
            )
        if plan is not None and plan.start_date and meeting < plan.start_date:
            yield (
                "ACT-05",
                f"{xp}/ReviewMeeting",
                f"The review meeting ({fmt(meeting)}) is before the plan started ({fmt(plan.start_date)}).",
                "Correct the review meeting date.",
            )
        for tag, value in (("LastReview", ap.last_review), ("ReviewDraft", ap.review_draft)):
            if value is not None and value < meeting:
                yield (
                    "ACT-05",
                    f"{xp}/{tag}",
                    f"{tag} ({fmt(value)}) is before the review meeting ({fmt(meeting)}).",
                    "Correct the date: it follows the meeting.",
                )
    if ap.review_draft is not None and ap.review_outcome != "A":
        yield (
            "ACT-05",
            f"{xp}/ReviewDraft",
            "A draft amended plan date is given but the review outcome is not 'amend' (A).",
            "Set the review outcome to A, or remove ReviewDraft.",
        )


# Item 5.6a (PhaseTransferDueDate) is the reg 18(1) deadline, so it falls on one of its days (15 February,
# or 31 March for a move into post-16 education), whatever the year.
PHASE_TRANSFER_DEADLINE_DAYS = frozenset(
    (due.month, due.day) for due in (phase_transfer_amended_plan_due(2000, kind) for kind in TransferKind)
)


def check_phase_transfer(ap: ActivePlans, ref: date, xp: str) -> Iterator[Found]:
    """PHT-01: the phase-transfer dates (items 5.6a-b). A final date later than the due date is allowed:
    late amendments happen, and the return is how DfE counts them."""
    due, final = ap.phase_transfer_due_date, ap.phase_transfer_final_date
    if due is None:
        yield (
            "PHT-01",
            f"{xp}/PhaseTransferFinalDate",
            "A phase-transfer final plan date is given without the date the amended plan was due.",
            "Record the due date (15 February, or 31 March for a move into post-16 education), or remove "
            "the final date.",
        )
    elif (due.month, due.day) not in PHASE_TRANSFER_DEADLINE_DAYS:
        yield (
            "PHT-01",
            f"{xp}/PhaseTransferDueDate",
            f"The phase-transfer due date {fmt(due)} is not a phase-transfer deadline.",
            "Give 15 February of the year of the transfer, or 31 March for a move from secondary school "
            "into post-16 education (SEND Regulations 2014, regulation 18).",
        )
    if final is not None and final > ref:
        yield (
            "PHT-01",
            f"{xp}/PhaseTransferFinalDate",
            f"The final amended plan date {fmt(final)} is after the reference date {fmt(ref)}.",
            "Report only an amended plan issued by the reference date.",
        )
