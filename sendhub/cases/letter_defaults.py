"""The default text of every statutory letter: staff with the right role edit them (letter templates page).

Plain data, no Django, so a migration can copy it. Bodies use {{ merge_fields }} (listed in MERGE_FIELDS);
the letterhead (council's details, date, recipient's name and address, reference, officer's contact
details) is laid out around the body by the letter renderer, so no edit can drop it. Where the law
requires the family to be told of their rights (appeal, mediation, information, advice and support), the
default text carries them, with the services' details from settings.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DefaultLetter:
    name: str
    regulation: str
    recipient: str  # "parent", "adviser", "setting" or "authority"
    subject: str
    body: str


MERGE_FIELDS = [
    ("letter_date", "The date of the letter"),
    ("recipient_name", "Who the letter is to"),
    ("child_name", "The child or young person's full name"),
    ("child_first_name", "Their first name"),
    ("child_reference", "The case reference"),
    ("child_birth_date", "Their date of birth"),
    ("officer_name", "The case officer"),
    ("officer_email", "The case officer's email"),
    ("officer_phone", "The case officer's phone (or the council's)"),
    ("la_name", "The council's name"),
    ("council_address", "The SEND service's address"),
    ("council_phone", "The SEND service's phone"),
    ("council_email", "The SEND service's email"),
    ("iass_name", "The information, advice and support service"),
    ("iass_phone", "Its phone"),
    ("iass_web", "Its website"),
    ("mediation_service", "The mediation service and how to reach it"),
    ("received", "The date the request was received"),
    ("decision_date", "The date of the decision"),
    ("reasons", "The reasons given for the decision"),
    ("advice_kind", "The advice asked for"),
    ("advice_due", "The date the advice is due"),
    ("comments_due", "The last day for comments on a draft or proposed amendments"),
    ("setting_name", "The school or college (named, consulted or moving to)"),
    ("response_due", "The date a setting's answer is due"),
    ("review_due", "The date the annual review is due by"),
    ("review_meeting", "The date of the review meeting"),
    ("issued_on", "The date the plan (or version) was issued"),
    ("authority_name", "The local authority a plan is transferred to"),
    ("move_date", "The date the family moves to the other authority's area"),
    ("transfer_date", "The date the plan passes to the other authority"),
    ("notice_due", "The date the other authority must write to the family by"),
]

RIGHTS = (
    "If you disagree with this decision you can appeal to the First-tier Tribunal (Special Educational "
    "Needs and Disability). You must appeal within 2 months of the date of this letter, or within 1 month "
    "of the date of a mediation certificate if that is later. Before you appeal you must contact a "
    "mediation adviser, unless your appeal is only about the school or college named: "
    "{{ mediation_service }}. Mediation is free and you do not have to take it up. You can also ask us "
    "for a disagreement resolution meeting at any time.\n\n"
    "Free, impartial information, advice and support is available from {{ iass_name }}: "
    "{{ iass_phone }}, {{ iass_web }}."
)
SUPPORT = "Free, impartial information, advice and support is available from {{ iass_name }}: {{ iass_phone }}, {{ iass_web }}."
CLOSE = (
    "If you have any questions, please contact {{ officer_name }} on {{ officer_phone }} or at "
    "{{ officer_email }}.\n\nYours sincerely,\n\n{{ officer_name }}\n{{ la_name }} SEND service"
)

DEFAULT_LETTERS: dict[str, DefaultLetter] = {
    "request-acknowledgement": DefaultLetter(
        "Acknowledgement of a request for an assessment",
        "SEND Regulations 2014 reg 4(1); CFA 2014 s.36",
        "parent",
        "We have received the request for an EHC needs assessment for {{ child_name }}",
        "Dear {{ recipient_name }},\n\nWe received a request on {{ received }} for an education, health and "
        "care (EHC) needs assessment for {{ child_name }}. We are now considering whether an assessment is "
        "needed, and we will tell you our decision by {{ decision_date }}.\n\nYou can tell us your views, "
        "wishes and feelings, and send us any information or reports you would like us to consider.\n\n"
        + SUPPORT
        + "\n\n"
        + CLOSE,
    ),
    "assess-yes": DefaultLetter(
        "Decision to assess",
        "SEND Regulations 2014 reg 5(1); CFA 2014 s.36(7)",
        "parent",
        "We will carry out an EHC needs assessment for {{ child_name }}",
        "Dear {{ recipient_name }},\n\nWe considered the request received on {{ received }} for an "
        "education, health and care (EHC) needs assessment for {{ child_name }}. On {{ decision_date }} we "
        "decided to carry out the assessment. {{ reasons }}\n\nWe will now ask for advice from the people "
        "who know {{ child_first_name }}, and from you. " + SUPPORT + "\n\n" + CLOSE,
    ),
    "assess-no": DefaultLetter(
        "Decision not to assess",
        "SEND Regulations 2014 reg 5(1); CFA 2014 s.36(5) and s.51(2)(a)",
        "parent",
        "Decision about an EHC needs assessment for {{ child_name }}",
        "Dear {{ recipient_name }},\n\nWe considered the request received on {{ received }} for an "
        "education, health and care (EHC) needs assessment for {{ child_name }}. On {{ decision_date }} we "
        "decided not to carry out an assessment, for these reasons: {{ reasons }}\n\n"
        + RIGHTS
        + "\n\n"
        + CLOSE,
    ),
    "advice-request": DefaultLetter(
        "Request for advice",
        "SEND Regulations 2014 reg 6(1) (advice due within 6 weeks, reg 8(1))",
        "adviser",
        "Request for advice for {{ child_name }}: {{ advice_kind }}",
        "Dear {{ recipient_name }},\n\nWe are carrying out an education, health and care needs assessment "
        "for {{ child_name }} (born {{ child_birth_date }}, our reference {{ child_reference }}). Please "
        "send us your {{ advice_kind }} by {{ advice_due }}.\n\nYour advice should set out "
        "{{ child_first_name }}'s needs, the provision needed to meet them and the outcomes it is intended "
        "to achieve. Please say if you need more time, and why.\n\n" + CLOSE,
    ),
    "issue-yes": DefaultLetter(
        "Decision to issue a plan",
        "SEND Regulations 2014 reg 13; CFA 2014 s.37",
        "parent",
        "We will issue an EHC plan for {{ child_name }}",
        "Dear {{ recipient_name }},\n\nFollowing the EHC needs assessment for {{ child_name }}, we decided "
        "on {{ decision_date }} to issue an EHC plan. {{ reasons }}\n\nWe will send you the draft plan. You "
        "will have at least 15 days to comment on it and to ask for a particular school or college to be "
        "named.\n\n" + SUPPORT + "\n\n" + CLOSE,
    ),
    "issue-no": DefaultLetter(
        "Notice of a decision not to issue a plan",
        "SEND Regulations 2014 reg 10(1); CFA 2014 s.36(9) and s.51(2)(b)",
        "parent",
        "Decision about an EHC plan for {{ child_name }}",
        "Dear {{ recipient_name }},\n\nFollowing the EHC needs assessment for {{ child_name }}, we decided "
        "on {{ decision_date }} not to issue an EHC plan, for these reasons: {{ reasons }}\n\nWe will "
        "send you the information gathered during the assessment, which the school or college can use to "
        "support {{ child_first_name }}.\n\n" + RIGHTS + "\n\n" + CLOSE,
    ),
    "draft-plan": DefaultLetter(
        "Draft plan covering letter",
        "SEND Regulations 2014 reg 13(1); CFA 2014 s.38",
        "parent",
        "The draft EHC plan for {{ child_name }}",
        "Dear {{ recipient_name }},\n\nWith this letter is the draft education, health and care plan for "
        "{{ child_name }}, issued on {{ issued_on }}. Section I (the school or college) is left blank in a "
        "draft.\n\nYou have until {{ comments_due }} (at least 15 days) to:\n- tell us your comments on "
        "the draft, and ask for a meeting with us to discuss it; and\n- ask for a particular school, "
        "college or other institution to be named in the plan. We will consult it, and name it unless it "
        "would be unsuitable or incompatible with the efficient education of others or the efficient use "
        "of resources. Information about schools and colleges is in our Local Offer.\n\nYou can also ask "
        "for a personal budget for some of the provision.\n\n" + SUPPORT + "\n\n" + CLOSE,
    ),
    "final-plan": DefaultLetter(
        "Final plan covering letter",
        "SEND Regulations 2014 reg 13(2) and reg 14; CFA 2014 s.39, s.40 and s.51",
        "parent",
        "The final EHC plan for {{ child_name }}",
        "Dear {{ recipient_name }},\n\nWith this letter is the final education, health and care plan for "
        "{{ child_name }}, issued on {{ issued_on }}. It names {{ setting_name }}, which must admit "
        "{{ child_first_name }}.\n\n" + RIGHTS.replace("this decision", "the plan") + "\n\n" + CLOSE,
    ),
    "consultation": DefaultLetter(
        "Consultation with a school or college",
        "CFA 2014 s.39(2) and s.39(8) (SEND Code of Practice 9.80: 15 days to respond)",
        "setting",
        "Consultation about naming {{ setting_name }} in the EHC plan of {{ child_name }}",
        "Dear {{ recipient_name }},\n\nWe are consulting you about naming {{ setting_name }} in the "
        "education, health and care plan for {{ child_name }} (born {{ child_birth_date }}, our "
        "reference {{ child_reference }}). The draft plan and the advice gathered are enclosed.\n\nPlease "
        "tell us by {{ response_due }} whether you can meet {{ child_first_name }}'s needs, and if not, "
        "why not.\n\n" + CLOSE,
    ),
    "review-invitation": DefaultLetter(
        "Annual review invitation",
        "CFA 2014 s.44(1); SEND Regulations 2014 regs 19 and 20",
        "parent",
        "The annual review of {{ child_name }}'s EHC plan",
        "Dear {{ recipient_name }},\n\n{{ child_name }}'s education, health and care plan must be "
        "reviewed by {{ review_due }}. The school or college will invite you to the review meeting, with "
        "at least 2 weeks' notice, and ask for your views and {{ child_first_name }}'s.\n\nBefore the "
        "meeting you will be sent the advice and information gathered for the review. After it, we will "
        "decide whether to keep the plan as it is, amend it or cease to maintain it, and write to you "
        "within 4 weeks of the meeting.\n\n" + SUPPORT + "\n\n" + CLOSE,
    ),
    "review-keep": DefaultLetter(
        "Decision after a review: keep the plan",
        "SEND Regulations 2014 reg 20(10); CFA 2014 s.51(2)(e)",
        "parent",
        "Decision after the annual review of {{ child_name }}'s EHC plan",
        "Dear {{ recipient_name }},\n\nFollowing the review meeting on {{ review_meeting }}, we decided on "
        "{{ decision_date }} to keep {{ child_name }}'s EHC plan as it is.\n\n" + RIGHTS + "\n\n" + CLOSE,
    ),
    "review-amend": DefaultLetter(
        "Decision after a review: amend the plan",
        "SEND Regulations 2014 reg 20(10) and reg 22",
        "parent",
        "Decision after the annual review of {{ child_name }}'s EHC plan",
        "Dear {{ recipient_name }},\n\nFollowing the review meeting on {{ review_meeting }}, we decided on "
        "{{ decision_date }} to amend {{ child_name }}'s EHC plan. We will send you the proposed "
        "amendments, and you will have at least 15 days to comment on them and to ask for a particular "
        "school or college to be named.\n\n" + SUPPORT + "\n\n" + CLOSE,
    ),
    "review-cease": DefaultLetter(
        "Decision after a review: cease the plan",
        "SEND Regulations 2014 reg 20(10) and reg 31; CFA 2014 s.45",
        "parent",
        "Decision after the annual review of {{ child_name }}'s EHC plan",
        "Dear {{ recipient_name }},\n\nFollowing the review meeting on {{ review_meeting }}, we decided on "
        "{{ decision_date }} that we propose to cease to maintain {{ child_name }}'s EHC plan. We will "
        "send you a formal notice with our reasons.\n\n" + SUPPORT + "\n\n" + CLOSE,
    ),
    "amendments-proposed": DefaultLetter(
        "Notice of proposed amendments",
        "SEND Regulations 2014 reg 22(2)",
        "parent",
        "Proposed amendments to {{ child_name }}'s EHC plan",
        "Dear {{ recipient_name }},\n\nWith this letter are the changes we propose to make to "
        "{{ child_name }}'s education, health and care plan, sent on {{ issued_on }}, with the evidence "
        "for them.\n\nYou have until {{ comments_due }} (at least 15 days) to comment on them, to ask for "
        "a meeting with us, and to ask for a particular school or college to be named.\n\n"
        + SUPPORT
        + "\n\n"
        + CLOSE,
    ),
    "amended-final": DefaultLetter(
        "Final amended plan covering letter",
        "SEND Regulations 2014 reg 22(3); CFA 2014 s.51",
        "parent",
        "The amended EHC plan for {{ child_name }}",
        "Dear {{ recipient_name }},\n\nWith this letter is {{ child_name }}'s amended education, health "
        "and care plan, issued on {{ issued_on }}. It names {{ setting_name }}.\n\n"
        + RIGHTS.replace("this decision", "the plan")
        + "\n\n"
        + CLOSE,
    ),
    "phase-transfer": DefaultLetter(
        "Phase transfer: amended plan naming the next school or college",
        "SEND Regulations 2014 reg 18(1); CFA 2014 s.51",
        "parent",
        "{{ child_name }}'s move to {{ setting_name }}",
        "Dear {{ recipient_name }},\n\nWith this letter is {{ child_name }}'s education, health and care "
        "plan, amended on {{ issued_on }} for the move to the next phase of education. It names "
        "{{ setting_name }}.\n\n" + RIGHTS.replace("this decision", "the plan") + "\n\n" + CLOSE,
    ),
    "cease-notice": DefaultLetter(
        "Notice to cease to maintain a plan",
        "CFA 2014 s.45; SEND Regulations 2014 regs 29-31",
        "parent",
        "Notice that we intend to cease to maintain {{ child_name }}'s EHC plan",
        "Dear {{ recipient_name }},\n\nWe have decided to cease to maintain {{ child_name }}'s education, "
        "health and care plan, for these reasons: {{ reasons }}\n\nThe plan will stay in place until the "
        "time for appealing has passed and, if you appeal, until the appeal is decided.\n\n"
        + RIGHTS
        + "\n\n"
        + CLOSE,
    ),
    "transfer-to-authority": DefaultLetter(
        "Transfer of a plan to the new local authority",
        "SEND Regulations 2014 reg 15(2)-(5); CFA 2014 s.47",
        "authority",
        "Transfer of the EHC plan of {{ child_name }} to {{ authority_name }}",
        "Dear {{ recipient_name }},\n\n{{ child_name }} (born {{ child_birth_date }}, our reference "
        "{{ child_reference }}) has an education, health and care plan maintained by {{ la_name }}. The "
        "family moves into your area on {{ move_date }}. Under regulation 15(2) of the Special Educational "
        "Needs and Disability Regulations 2014 we transfer the plan to you on {{ transfer_date }}: the plan "
        "is enclosed, and we will send the advice gathered for it.\n\nFrom that date the plan is treated "
        "as made by you on the date we made it, and you must maintain it (regulation 15(3)). You must tell "
        "the family by {{ notice_due }} that the plan has been transferred, whether you propose to make an "
        "EHC needs assessment and when you propose to review the plan (regulation 15(4)). The review must "
        "be held by {{ review_due }} (regulation 15(5)).\n\n" + CLOSE,
    ),
    "transfer-to-parent": DefaultLetter(
        "Transfer of a plan: letter to the family",
        "SEND Regulations 2014 reg 15(2)-(5); CFA 2014 s.47",
        "parent",
        "{{ child_name }}'s EHC plan is moving to {{ authority_name }}",
        "Dear {{ recipient_name }},\n\nThank you for telling us about your move to {{ authority_name }} "
        "on {{ move_date }}. {{ child_name }}'s education, health and care plan moves with "
        "{{ child_first_name }}: we are sending it to {{ authority_name }}, which will maintain it from "
        "{{ transfer_date }} (regulation 15 of the Special Educational Needs and Disability Regulations "
        "2014). Until then {{ la_name }} keeps maintaining it.\n\n{{ authority_name }} must write to you "
        "by {{ notice_due }} to tell you that it has the plan, whether it proposes to assess "
        "{{ child_first_name }}'s needs again and when it will review the plan. The review must be held by "
        "{{ review_due }}.\n\n" + SUPPORT + "\n\n" + CLOSE,
    ),
}
