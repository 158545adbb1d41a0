"""Reads for the SEND admissions panel's pages: the meetings with their agendas, the choices of the referral
form, and the steps a referral may take next."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.http import Http404

from sendhub.cases.selectors.funding import NEED_NAMES
from sendhub.funding.models import (
    NEXT_STEPS,
    WAITING,
    AdmissionReferral,
    AdmissionsPanel,
    ProvisionKind,
    ReferralStatus,
    SpecialistProvision,
)
from sendhub.lib.dates import long_date

# The phases a referral can be for (a provision's own phase is offered too).
PHASES = ("Early years", "Primary", "Secondary", "All-through", "Post-16")


@dataclass(frozen=True)
class PanelRow:
    panel: AdmissionsPanel
    listed: int  # referrals on the agenda
    waiting: int  # of which still waiting for a decision, offer or reply


def panel_rows() -> list[PanelRow]:
    """Every admissions panel meeting, latest first, with the referrals listed at it."""
    panels = list(AdmissionsPanel.objects.order_by("-meets_on"))
    listed = Counter(AdmissionReferral.objects.filter(panel__isnull=False).values_list("panel_id", flat=True))
    waiting = Counter(
        AdmissionReferral.objects.filter(panel__isnull=False, status__in=WAITING).values_list(
            "panel_id", flat=True
        )
    )
    return [PanelRow(p, listed[p.pk], waiting[p.pk]) for p in panels]


def panel_choices(on_or_after: date) -> list[tuple[int, str]]:
    """Meetings a referral can be listed at: those on or after the day given."""
    return [
        (p.pk, long_date(p.meets_on))
        for p in AdmissionsPanel.objects.filter(meets_on__gte=on_or_after).order_by("meets_on")
    ]


def get_panel(pk: int) -> AdmissionsPanel:
    panel = AdmissionsPanel.objects.filter(pk=pk).first()
    if panel is None:
        raise Http404("No such panel meeting")
    return panel


def provision_choices() -> list[tuple[int, str]]:
    """Special schools and ARPs: the places the admissions panel decides."""
    rows = SpecialistProvision.objects.filter(kind__in=[ProvisionKind.SPECIAL, ProvisionKind.ARP])
    return list(rows.order_by("name").values_list("pk", "name"))


def get_referable_provision(pk: int) -> SpecialistProvision:
    provision = SpecialistProvision.objects.filter(
        pk=pk, kind__in=[ProvisionKind.SPECIAL, ProvisionKind.ARP]
    ).first()
    if provision is None:
        raise Http404("No such provision")
    return provision


def need_choices() -> list[tuple[str, str]]:
    """SEN2 primary needs under their plain names."""
    return sorted(NEED_NAMES.items(), key=lambda item: item[1])


def phase_choices() -> list[str]:
    held = set(SpecialistProvision.objects.values_list("phase", flat=True))
    return [*PHASES, *sorted(held - set(PHASES))]


def get_referral(pk: int) -> AdmissionReferral:
    referral = AdmissionReferral.objects.select_related("provision", "panel").filter(pk=pk).first()
    if referral is None:
        raise Http404("No such referral")
    return referral


def next_steps(referral: AdmissionReferral) -> list[tuple[str, str]]:
    """The steps the referral may take next, as (value, label) in the panel's order; none once decided."""
    return [(s, str(ReferralStatus(s).label)) for s in NEXT_STEPS.get(referral.status, ())]
