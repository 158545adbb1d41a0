"""The LAIT measures the dashboard loads: every SEN-related measure in LAIT's file, with our names.

Each row is (our name, LAIT ``Measure_short``, board, unit). Polarity, year type, topic, label and the
quartile flag come from LAIT's dictionary on load (`catalogue.resolve_lait`).

Checked against LAIT's dictionary and ``bds_long_0.parquet`` (April 2026 copy): every measure whose
code, name, data item or description mentions SEN, SEND, EHC plans or statements is here, except those
in `NOT_LOADED`. LAIT has **no absence or exclusion measure by SEN status**: its absence and exclusion
measures are for all pupils, by phase, for special schools, and for children in need or looked after.
The special-school measures are the nearest SEN proxy and are loaded.
"""

from __future__ import annotations

MEASURES: tuple[tuple[str, str, str, str], ...] = (
    # Early years, phonics and key stage 2
    ("eyfsp_gld_ehcp", "FSP_Gooddev_With_SENSTATE", "primary", "percent"),
    ("eyfsp_gld_sen_support", "FSP_Gooddev_Without_SENSTATE", "primary", "percent"),
    ("phonics_ehcp", "KS1P_EHCP", "primary", "percent"),
    ("phonics_sen_support", "KS1P_SEND", "primary", "percent"),
    ("phonics_no_sen", "KS1P_NonSEND", "", "percent"),
    ("ks2_rwm_ehcp", "NEW_KS2_RWM_Sen_Withsta", "primary", "percent"),
    ("ks2_rwm_sen_support", "NEW_KS2_RWM_Sen_W/Osta", "primary", "percent"),
    ("ks2_rwm_no_sen", "NoID_SEN_NEW_KS2_RWM", "", "percent"),
    ("ks2_reading_progress_ehcp", "KS2_SEN_Reading_Progress", "primary", "score"),
    ("ks2_reading_progress_sen_support", "KS2_SENSupport_Reading_Progress", "primary", "score"),
    ("ks2_reading_progress_no_sen", "KS2_NonSEN_Reading_Progress", "", "score"),
    ("ks2_writing_progress_ehcp", "KS2_SEN_Writing_Progress", "primary", "score"),
    ("ks2_writing_progress_sen_support", "KS2_SENSupport_Writing_Progress", "primary", "score"),
    ("ks2_writing_progress_no_sen", "KS2_NonSEN_Writing_Progress", "", "score"),
    ("ks2_maths_progress_ehcp", "KS2_SEN_Maths_Progress", "primary", "score"),
    ("ks2_maths_progress_sen_support", "KS2_SENSupport_Maths_Progress", "primary", "score"),
    ("ks2_maths_progress_no_sen", "KS2_NonSEN_Maths_Progress", "", "score"),
    ("ks2_multiplication_full_marks_ehcp", "Multiplication_EHCP", "primary", "percent"),
    ("ks2_multiplication_full_marks_sen_support", "Multiplication_SENDSupport", "primary", "percent"),
    ("ks2_multiplication_full_marks_all_sen", "Multiplication_AllSEND", "primary", "percent"),
    # Key stage 4 and age 19
    ("ks4_attainment8_ehcp", "SEN_Stat_AVG_Attain8_Score", "secondary", "score"),
    ("ks4_attainment8_sen_support", "SEN_WoStat_AVG_Attain8_Score", "secondary", "score"),
    ("ks4_attainment8_no_sen", "SEN_NoID_AVG_Attain8_Score", "", "score"),
    ("ks4_progress8_ehcp", "SEN_Stat_AVG_Prog8_Score", "secondary", "score"),
    ("ks4_progress8_sen_support", "SEN_WoStat_AVG_Prog8_Score", "secondary", "score"),
    ("ks4_progress8_no_sen", "SEN_NoID_AVG_Prog8_Score", "", "score"),
    ("ks4_ebacc_aps_ehcp", "EngBacAvgPointScoreSEN", "secondary", "score"),
    ("ks4_ebacc_aps_sen_support", "EngBacAvgPointScoreSENSupport", "secondary", "score"),
    ("ks4_ebacc_aps_no_sen", "EngBacAvgPointScoreNonSEN", "", "score"),
    ("ks4_ebacc_entries_ehcp", "EngBacEntriesSEN", "secondary", "percent"),
    ("ks4_ebacc_entries_sen_support", "EngBacEntriesSENSupport", "secondary", "percent"),
    ("ks4_ebacc_entries_no_sen", "EngBacEntriesNonSEN", "", "percent"),
    ("level2_at_19_ehcp", "Age19_SEN-S", "secondary", "percent"),
    ("level2_at_19_sen_support", "Age19_SENwoS", "secondary", "percent"),
    ("level2_at_19_no_sen", "Age19_NoNSEN", "", "percent"),
    ("level2_english_maths_at_19_ehcp", "Age19_SEN-S_L2EM", "secondary", "percent"),
    ("level2_english_maths_at_19_sen_support", "Age19_SENwoS_L2EM", "secondary", "percent"),
    ("level2_english_maths_at_19_no_sen", "Age19_NoNSEN_L2EM", "", "percent"),
    ("level3_at_19_ehcp", "Age19_SEN-S_L3", "secondary", "percent"),
    ("level3_at_19_sen_support", "Age19_SENwoS_L3", "secondary", "percent"),
    ("level3_at_19_no_sen", "Age19_NoNSEN_L3", "", "percent"),
    # Destinations
    ("ks4_destination_sustained_ehcp", "SusEdOverall_SEN_Stat_incSpec", "destinations", "percent"),
    ("ks4_destination_sustained_sen_support", "SusEdOverall_SEN_NoStat_incSpec", "destinations", "percent"),
    ("ks4_destination_sustained_no_sen", "SusEdOverall_NoSEN_incSpec", "", "percent"),
    ("ks4_destination_sustained_sen_cohort", "KS4_SEN_Des_incSpec", "destinations", "percent"),
    ("sen_16_17_in_education_training", "16-17YroldSEN_ET", "destinations", "percent"),
    # Special schools: the nearest LAIT has to absence and exclusions by SEN status
    ("absence_special_overall", "total_absence_special", "absence", "percent"),
    ("absence_special_authorised", "authorised_absence_special", "absence", "percent"),
    ("absence_special_unauthorised", "unauthorised_absence_special", "absence", "percent"),
    ("persistent_absence_special", "SpecPerAbNew", "absence", "percent"),
    ("severe_absence_special", "SpecSevPerAbNew", "absence", "percent"),
    ("suspensions_special", "SpecFixedEx", "exclusions", "rate"),
    ("pupils_suspended_special", "Spec_ Pup_FixedEx", "exclusions", "rate"),
    ("permanent_exclusions_special", "SpecPermEx", "exclusions", "rate"),
    # Identification (school census: % of pupils), EHC plan process, appeals, finance
    ("ehcp_pupil_rate", "SEN_TotStat", "ehcp", "percent"),
    ("ehcp_pupil_rate_primary", "PrimStatements", "ehcp", "percent"),
    ("ehcp_pupil_rate_secondary", "SecStatements", "ehcp", "percent"),
    ("sen_support_pupil_rate", "SEN_TotSENSuP", "ehcp", "percent"),
    ("sen_support_pupil_rate_primary", "PrimNoStatements", "ehcp", "percent"),
    ("sen_support_pupil_rate_secondary", "SecNoStatements", "ehcp", "percent"),
    ("ehcp_plans_during_year", "SEN_CASES_DUR_YEAR", "", "count"),
    ("ehcp_ceased_plans", "SEN_TOT_CEASED_EHC_PLAN", "", "count"),
    ("ehcp_assessment_no_plan_pc", "SEN_PLAN_NOT_ISSUED", "", "percent"),
    ("ehcp_no_plan_decision_16_weeks_pc", "SEN_NOT_ISSUE_PLAN_16WKS", "", "percent"),
    ("ehcp_new_plans_mainstream_pc", "SEN_State-Plans_sch", "", "percent"),
    ("ehcp_annual_reviews_expected_pc", "SEN_PEC_AN_REVIEW_EXPECTED", "", "percent"),
    ("ehcp_annual_review_meetings_pc", "SEN_PEC_AN_REVIEW_MEET_REC", "", "percent"),
    ("send_tribunal_appeal_rate", "SEN_AppealableDec", "ehcp", "percent"),
    ("sen_weekly_unit_cost", "SENFinance", "", "pounds"),
    # Children in need and looked after, by SEN status
    ("cin_with_sen_support_pc", "CINSEN_SUP", "ehcp", "percent"),
    ("cin_with_ehcp_pc", "CINStatement", "ehcp", "percent"),
    ("cin_with_no_sen_pc", "CINNoSEN", "", "percent"),
    ("cla_with_sen_support_pc", "LAC_SEN", "ehcp", "percent"),
    ("cla_with_ehcp_pc", "LAC_SEN_Statement", "ehcp", "percent"),
)

# Our wording where LAIT's is wrong. LAIT calls `16-17YroldSEN_ET` "16-17 yr olds with SEN in education &
# training", but its figures are those of young people with an EHC plan: Camden 2020-2023 85.19, 92.76,
# 91.62, 90.97 are the progress report's "16/17 year olds in education & training - EHCP" row (85.2%,
# 92.8%, 91.6%, 91.0%); its SEN Support row (88.2%, 89.7%, 92.5%, 92.2%) is not in LAIT.
LABELS: dict[str, str] = {
    "16-17YroldSEN_ET": "16 and 17 year olds with an EHC plan in education or training, as at 31 March (%)",
}

# Board rows whose figures no shared file holds: (board, label, why). Shown as "not available" with the
# reason, so the table has the row the progress report has instead of silently dropping it.
UNAVAILABLE: tuple[tuple[str, str, str], ...] = (
    (
        "destinations",
        "16 and 17 year olds with SEN Support in education or training, as at 31 March (%)",
        'not in the loaded data. DfE publishes it in "Participation in education, training and NEET age 16'
        ' to 17 by local authority" (by SEN status); LAIT has only the EHC plan figure, and the 16-18'
        ' destination files were not obtainable (../shared/data/README.md, "Not obtained").',
    ),
)

# SEN-related LAIT measures deliberately not loaded: LAIT's copies of figures loaded from DfE's own EHC
# plan release (catalogue.EES_INDICATORS), which is the primary source and more recent.
NOT_LOADED: dict[str, str] = {
    "SEN_EHC_All_20wks": "ehcp_20_week_incl_exceptions",
    "SEN_EHC_Excpt_20wks": "ehcp_20_week_excl_exceptions",
    "SEN_INIT_REQ": "ehcp_requests",
    "EHCP_Initial_req_refused": "ehcp_refusal_to_assess_pc",
    "SEN_ASSESSMENT": "ehcp_assessments",
    "SEN_PLAN_ISSUED": "ehcp_assessment_plan_issued_pc",
    "SEN_CASES_JAN": "ehcp_caseload",
    "SEN_AN_REVIEW_EXPECTED": "ehcp_annual_reviews_expected",
    "SEN_AN_REVIEW_MEET_REC": "ehcp_annual_review_meetings",
    "SEN_PEC_OUTCOME_COM_4WKS": "ehcp_annual_review_decision_4_weeks_pc",
}
