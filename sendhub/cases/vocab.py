"""Fixed vocabularies from the DfE SEN2 return (schema 2025), as (code, label) pairs. Pure Python."""

from __future__ import annotations

# SEN2 <SENtype>: the type of need, ranked primary (1) or secondary (2).
SEN_NEEDS: list[tuple[str, str]] = [
    ("SPLD", "Specific learning difficulty"),
    ("MLD", "Moderate learning difficulty"),
    ("SLD", "Severe learning difficulty"),
    ("PMLD", "Profound and multiple learning difficulty"),
    ("SEMH", "Social, emotional and mental health"),
    ("SLCN", "Speech, language and communication needs"),
    ("HI", "Hearing impairment"),
    ("VI", "Vision impairment"),
    ("MSI", "Multi-sensory impairment"),
    ("PD", "Physical disability"),
    ("ASD", "Autistic spectrum disorder"),
    ("DS", "Down syndrome"),
    ("OTH", "Other difficulty"),
]

# SEN2 <Ethnicity>: the main DfE codes (the extended codes are accepted too, see SEN2_EXTENDED_ETHNICITY).
ETHNICITY: list[tuple[str, str]] = [
    ("WBRI", "White - British"),
    ("WIRI", "White - Irish"),
    ("WIRT", "White - Irish Traveller"),
    ("WROM", "Gypsy / Roma"),
    ("WOTH", "Any other White background"),
    ("MWBC", "White and Black Caribbean"),
    ("MWBA", "White and Black African"),
    ("MWAS", "White and Asian"),
    ("MOTH", "Any other Mixed background"),
    ("AIND", "Indian"),
    ("APKN", "Pakistani"),
    ("ABAN", "Bangladeshi"),
    ("AOTH", "Any other Asian background"),
    ("BCRB", "Black Caribbean"),
    ("BAFR", "Black - African"),
    ("BOTH", "Any other Black background"),
    ("CHNE", "Chinese"),
    ("OOTH", "Any other ethnic group"),
    ("REFU", "Refused"),
    ("NOBT", "Information not yet obtained"),
]

# SEN2 <RequestSource>: who made the request (1-5).
REQUEST_SOURCE_SEN2: dict[str, str] = {
    "parent": "1",
    "young_person": "1",
    "school": "2",
    "health": "3",
    "social_care": "4",
    "other": "5",
}

# SEN2 <SENSetting> where no URN or UKPRN identifies the setting.
SEN_SETTINGS_NO_URN: list[tuple[str, str]] = [
    ("OLA", "Other - arranged by the local authority (section 61)"),
    ("OPA", "Other - alternative arrangements made by parents or young person (section 42(5))"),
    ("EHE", "Elective home education"),
    ("EYP", "Early years provider with no URN"),
    ("OTH", "Other - type of setting named but no specific setting"),
    ("NEET", "Not in education, employment or training (16-25)"),
    ("NIEC", "Not in education or training - notice to cease issued"),
    ("NIEO", "Not in education or training - other"),
]

# SEN2 <PlanRes>/<Res>: a residential placement, by weeks a year.
RESIDENTIAL: list[tuple[str, str]] = [("A", "38 to 51 weeks"), ("B", "52 weeks")]

# SEN2 <PlanWBP>/<WBP>: work-based learning.
WORK_BASED_LEARNING: list[tuple[str, str]] = [
    ("A", "Apprenticeship"),
    ("T", "Traineeship"),
    ("S", "Supported internship"),
]

# SEN2 <CeaseReason> (1-9).
CEASE_REASONS: list[tuple[str, str]] = [
    ("1", "Reached maximum age"),
    ("2", "Needs met without an EHC plan"),
    ("3", "Moved on to higher education"),
    ("4", "Moved on to paid employment"),
    ("5", "Transferred to another local authority in England"),
    ("6", "Young person no longer wishes to engage in education or training"),
    ("7", "Moved outside England"),
    ("8", "Died"),
    ("9", "Other"),
]

# EHC plan sections, SEND Regulations 2014 reg 12(1).
PLAN_SECTIONS: list[tuple[str, str]] = [
    ("A", "Views, interests and aspirations of the child or young person and their parents"),
    ("B", "Special educational needs"),
    ("C", "Health needs related to SEN or disability"),
    ("D", "Social care needs related to SEN or disability"),
    ("E", "Outcomes sought"),
    ("F", "Special educational provision"),
    ("G", "Health provision"),
    ("H1", "Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970"),
    ("H2", "Other social care provision"),
    ("I", "Placement: name and type of school or institution"),
    ("J", "Personal budget"),
    ("K", "Advice and information gathered during the assessment"),
]

ADVICE_KINDS: list[tuple[str, str]] = [
    ("educational", "Educational advice (reg 6(1)(b))"),
    ("medical", "Medical advice (reg 6(1)(c))"),
    ("psychological", "Psychological advice (reg 6(1)(d))"),
    ("social_care", "Social care advice (reg 6(1)(e))"),
    ("other", "Other advice (reg 6(1)(f)-(h))"),
]


def codes(pairs: list[tuple[str, str]]) -> list[str]:
    return [code for code, _ in pairs]
