"""The declarative indicator catalogue.

Every national indicator the dashboard knows is one row here: which file, which breakdown rows, which
value column, its polarity, unit and year type. Loading next year's files of the same layout needs no code
change: the readers pick up every ``time_period`` present. LAIT indicators take their polarity, year type
and wording from LAIT's own data dictionary (``lait_data_dictionary.csv``) when it is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal, cast

from sendhub.dashboard.national.lait_measures import LABELS, MEASURES

Polarity = Literal["High", "Low"] | None
Unit = Literal["percent", "count", "score", "rate", "pounds"]

EHCP_DIR = "dfe-ehcp/data"
LAIT_FILE = "lait/bds_long_0.parquet"
LAIT_DICTIONARY = "lait/lait_data_dictionary.csv"
NEIGHBOURS_FILE = "lait/statistical_neighbours.csv"
# LAIT's KS4 destination measures (dictionary `Table_status` "ks4_dm_ud_…") are relabelled by the
# destination year DfE uses (`readers.destination_period`).
DESTINATION_YEAR = "destination_year"


@dataclass(frozen=True)
class Indicator:
    name: str
    label: str
    topic: str
    unit: Unit
    polarity: Polarity
    year_type: str
    source: Literal["ees", "lait"]
    file: str
    value_column: str = ""
    filters: tuple[tuple[str, str], ...] = ()
    numerator: str = ""
    denominator: str = ""
    lait_code: str = ""
    quartiles: bool = True
    notes: str = ""
    board: str = field(default="", compare=False)
    period_rule: str = ""

    @property
    def has_direction(self) -> bool:
        return self.polarity in ("High", "Low")


def _ees(
    name: str,
    label: str,
    file: str,
    column: str,
    topic_row: str,
    *,
    unit: Unit,
    polarity: Polarity,
    year_type: str,
    topic: str,
    numerator: str = "",
    denominator: str = "",
    board: str = "",
    notes: str = "",
) -> Indicator:
    return Indicator(
        name=name,
        label=label,
        topic=topic,
        unit=unit,
        polarity=polarity,
        year_type=year_type,
        source="ees",
        file=f"{EHCP_DIR}/{file}",
        value_column=column,
        filters=(("breakdown_topic", topic_row),),
        numerator=numerator,
        denominator=denominator,
        board=board,
        notes=notes,
    )


def _lait(name: str, code: str, *, board: str, unit: Unit = "percent", label: str = "") -> Indicator:
    # Polarity, year type, topic and (unless given) label are filled from LAIT's dictionary on load.
    return Indicator(
        name=name,
        label=label,
        topic="",
        unit=unit,
        polarity=None,
        year_type="",
        source="lait",
        file=LAIT_FILE,
        lait_code=code,
        board=board,
    )


CAL = "Calendar year"
JAN = "January (academic year snapshot)"
TIME = "timeliness_20_week.csv"
ALL_ISSUED = "All EHC plans issued"

EES_INDICATORS: tuple[Indicator, ...] = (
    _ees(
        "ehcp_20_week_incl_exceptions",
        "New EHC plans issued within 20 weeks, including exceptions",
        TIME,
        "pc_plans_issued_within_20_weeks",
        ALL_ISSUED,
        unit="percent",
        polarity="High",
        year_type=CAL,
        topic="EHC plan timeliness",
        numerator="plans_issued_within_20_weeks",
        denominator="plans_issued_den",
        board="ehcp",
    ),
    _ees(
        "ehcp_20_week_excl_exceptions",
        "New EHC plans issued within 20 weeks, excluding exceptions",
        TIME,
        "pc_plans_issued_20_weeks_ex",
        ALL_ISSUED,
        unit="percent",
        polarity="High",
        year_type=CAL,
        topic="EHC plan timeliness",
        numerator="plans_issued_20_weeks_ex",
        denominator="plans_issued_den_ex",
        board="ehcp",
    ),
    _ees(
        "ehcp_plans_issued",
        "New EHC plans issued (timeliness denominator)",
        TIME,
        "plans_issued_den",
        ALL_ISSUED,
        unit="count",
        polarity=None,
        year_type=CAL,
        topic="EHC plan timeliness",
    ),
    _ees(
        "ehcp_caseload",
        "EHC plans in place at January",
        "caseload.csv",
        "ehcplans",
        "All EHC plans",
        unit="count",
        polarity=None,
        year_type=JAN,
        topic="EHC plan caseload",
        board="ehcp",
    ),
    _ees(
        "ehcp_new_plans",
        "New EHC plans made in the calendar year",
        "newplans.csv",
        "new_ehc_plans",
        "New EHC plans",
        unit="count",
        polarity=None,
        year_type=CAL,
        topic="EHC plan caseload",
        board="ehcp",
    ),
    _ees(
        "ehcp_requests",
        "Requests for an EHC needs assessment",
        "requests.csv",
        "requests_received_in_year",
        "All requests for EHC needs assessments",
        unit="count",
        polarity=None,
        year_type=CAL,
        topic="Requests and assessments",
        board="ehcp",
    ),
    _ees(
        "ehcp_refusals_to_assess",
        "Requests refused (decided not to assess)",
        "requests.csv",
        "requests_decided_not_to_assess",
        "All requests for EHC needs assessments",
        unit="count",
        polarity=None,
        year_type=CAL,
        topic="Requests and assessments",
        board="ehcp",
    ),
    _ees(
        "ehcp_refusal_to_assess_pc",
        "Requests decided not to assess, % of requests",
        "requests.csv",
        "request_not_assess_pc",
        "All requests for EHC needs assessments",
        unit="percent",
        polarity=None,
        year_type=CAL,
        topic="Requests and assessments",
        numerator="requests_decided_not_to_assess",
        denominator="requests_received_in_year",
        board="ehcp",
    ),
    _ees(
        "ehcp_request_decision_6_weeks_pc",
        "Request decisions made within 6 weeks",
        "requests.csv",
        "request_outcome_six_weeks_pc",
        "All requests for EHC needs assessments",
        unit="percent",
        polarity="High",
        year_type=CAL,
        topic="Requests and assessments",
        numerator="request_outcome_six_weeks",
        board="ehcp",
    ),
    _ees(
        "ehcp_assessments",
        "EHC needs assessments completed",
        "assessments.csv",
        "assess_in_year",
        "All EHC needs assessments",
        unit="count",
        polarity=None,
        year_type=CAL,
        topic="Requests and assessments",
    ),
    _ees(
        "ehcp_assessment_plan_issued_pc",
        "Assessments where a plan was issued",
        "assessments.csv",
        "assess_issued_pc",
        "All EHC needs assessments",
        unit="percent",
        polarity=None,
        year_type=CAL,
        topic="Requests and assessments",
        numerator="assess_issued",
        denominator="assess_in_year",
    ),
    _ees(
        "ehcp_annual_reviews_expected",
        "Annual reviews expected",
        "annual_reviews.csv",
        "review_expected",
        "All annual reviews",
        unit="count",
        polarity=None,
        year_type=CAL,
        topic="Annual reviews",
        board="ehcp",
    ),
    _ees(
        "ehcp_annual_review_meetings",
        "Annual review meetings held",
        "annual_reviews.csv",
        "total_review_meeting",
        "All annual reviews",
        unit="count",
        polarity=None,
        year_type=CAL,
        topic="Annual reviews",
        board="ehcp",
    ),
    _ees(
        "ehcp_annual_review_decision_4_weeks_pc",
        "Annual review decisions made within 4 weeks",
        "annual_reviews.csv",
        "pc_decsion_4weeks",
        "All annual reviews",
        unit="percent",
        polarity="High",
        year_type=CAL,
        topic="Annual reviews",
        numerator="number_decsion_4weeks",
        board="ehcp",
    ),
)

PLACEMENTS: tuple[tuple[str, str, str], ...] = (
    ("mainstream", "mainstream_total_pc", "Mainstream school"),
    ("special", "special_total_pc", "Special school"),
    ("ap_pru", "ap_pru_total_pc", "Alternative provision or PRU"),
    ("fe", "fe_total_pc", "Further education"),
    ("elsewhere", "ed_elsewhere_pc", "Educated elsewhere"),
    ("early_years", "nm_early_years_pc", "Non-maintained early years"),
)

NEEDS: tuple[tuple[str, str], ...] = (
    ("asd", "Autistic spectrum disorder"),
    ("semh", "Social, emotional and mental health"),
    ("slcn", "Speech, language and communication needs"),
    ("mld", "Moderate learning difficulty"),
    ("sld", "Severe learning difficulty"),
    ("pmld", "Profound and multiple learning difficulty"),
    ("spld", "Specific learning difficulty"),
    ("pd", "Physical disability"),
    ("hi", "Hearing impairment"),
    ("vi", "Visual impairment"),
    ("msi", "Multi-sensory impairment"),
    ("oth", "Other difficulty or disability"),
)

PLACEMENT_INDICATORS = tuple(
    _ees(
        f"ehcp_placement_{key}_pc",
        f"EHC plans placed in: {label} (%)",
        "caseload.csv",
        column,
        "All EHC plans",
        unit="percent",
        polarity=None,
        year_type=JAN,
        topic="Placements",
        board="ehcp",
    )
    for key, column, label in PLACEMENTS
)

NEED_INDICATORS = tuple(
    _ees(
        f"ehcp_need_{key}_pc",
        f"EHC plans with primary need: {label} (%)",
        "sen_needs_all_plans.csv",
        f"{key}_pc",
        "All EHC plans",
        unit="percent",
        polarity=None,
        year_type=JAN,
        topic="Needs mix",
        numerator=f"number_{key}",
        denominator="ehc_plans",
        board="ehcp",
    )
    for key, label in NEEDS
)

LAIT_INDICATORS: tuple[Indicator, ...] = tuple(
    _lait(name, code, board=board, unit=cast(Unit, unit), label=LABELS.get(code, ""))
    for name, code, board, unit in MEASURES
)

CATALOGUE: tuple[Indicator, ...] = EES_INDICATORS + PLACEMENT_INDICATORS + NEED_INDICATORS + LAIT_INDICATORS

BOARDS: dict[str, str] = {
    "ehcp": "EHC plans: demand, timeliness, needs and placements",
    "primary": "Outcomes: primary attainment",
    "secondary": "Outcomes: secondary and post-16",
    "destinations": "Outcomes: pupil destinations",
    "absence": "Outcomes: absence",
    "exclusions": "Outcomes: exclusions",
}


def by_name(catalogue: tuple[Indicator, ...] = CATALOGUE) -> dict[str, Indicator]:
    names = [i.name for i in catalogue]
    if len(names) != len(set(names)):
        raise ValueError("Indicator names in the catalogue must be unique")
    return {i.name: i for i in catalogue}


NO_POLARITY = "LAIT gives no polarity for this measure, so it is not ranked or banded."
NO_DESCRIPTION = "LAIT's data dictionary gives no description for this measure."


def resolve_lait(indicator: Indicator, entry: dict[str, str]) -> Indicator:
    """Fill polarity, year type, topic, label and definition of a LAIT indicator from its dictionary row.

    Where the dictionary gives no polarity (``-``, ``NA``) or no description, the definition says so."""
    polarity_text = (entry.get("polarity") or "").strip()
    polarity: Polarity = "High" if polarity_text == "High" else "Low" if polarity_text == "Low" else None
    description = (entry.get("description") or "").strip()
    notes = description if description not in ("", "NA") else NO_DESCRIPTION
    if polarity is None:
        notes = f"{notes}\n\n{NO_POLARITY}"
    return replace(
        indicator,
        polarity=polarity,
        year_type=(entry.get("year_type") or "").strip(),
        topic=(entry.get("topic") or "").strip(),
        label=indicator.label or (entry.get("measure") or indicator.lait_code).strip(),
        quartiles=(entry.get("no_quartile") or "").strip().upper() != "N",
        notes=notes,
        period_rule=DESTINATION_YEAR
        if (entry.get("table_status") or "").strip().startswith("ks4_dm_ud")
        else indicator.period_rule,
    )
