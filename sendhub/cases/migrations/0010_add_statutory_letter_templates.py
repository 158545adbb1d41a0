"""A template for every statutory letter (issue 17), with the regulation each meets and who it goes to.

Self-contained: the texts are copied here as they were when this migration was written (the current
defaults are in sendhub/cases/letter_defaults.py). The four panel letters of cases/0002 take the new text
only if they were never edited (version 1); edited ones keep their text and gain the regulation.
"""

from django.db import migrations

TEMPLATES = {
    "request-acknowledgement": {
        "name": "Acknowledgement of a request for an assessment",
        "regulation": "SEND Regulations 2014 reg 4(1); CFA 2014 s.36",
        "recipient": "parent",
        "subject": "We have received the request for an EHC needs assessment for {{ child_name }}",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "We received a request on {{ received }} for an education, health and "
        "care (EHC) needs assessment for {{ child_name }}. We are now "
        "considering whether an assessment is needed, and we will tell you our "
        "decision by {{ decision_date }}.\n"
        "\n"
        "You can tell us your views, wishes and feelings, and send us any "
        "information or reports you would like us to consider.\n"
        "\n"
        "Free, impartial information, advice and support is available from {{ "
        "iass_name }}: {{ iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ "
        "officer_phone }} or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "assess-yes": {
        "name": "Decision to assess",
        "regulation": "SEND Regulations 2014 reg 5(1); CFA 2014 s.36(7)",
        "recipient": "parent",
        "subject": "We will carry out an EHC needs assessment for {{ child_name }}",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "We considered the request received on {{ received }} for an education, health and "
        "care (EHC) needs assessment for {{ child_name }}. On {{ decision_date }} we decided "
        "to carry out the assessment. {{ reasons }}\n"
        "\n"
        "We will now ask for advice from the people who know {{ child_first_name }}, and "
        "from you. Free, impartial information, advice and support is available from {{ "
        "iass_name }}: {{ iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ officer_phone }} "
        "or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "assess-no": {
        "name": "Decision not to assess",
        "regulation": "SEND Regulations 2014 reg 5(1); CFA 2014 s.36(5) and s.51(2)(a)",
        "recipient": "parent",
        "subject": "Decision about an EHC needs assessment for {{ child_name }}",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "We considered the request received on {{ received }} for an education, health and "
        "care (EHC) needs assessment for {{ child_name }}. On {{ decision_date }} we decided "
        "not to carry out an assessment, for these reasons: {{ reasons }}\n"
        "\n"
        "If you disagree with this decision you can appeal to the First-tier Tribunal "
        "(Special Educational Needs and Disability). You must appeal within 2 months of the "
        "date of this letter, or within 1 month of the date of a mediation certificate if "
        "that is later. Before you appeal you must contact a mediation adviser, unless your "
        "appeal is only about the school or college named: {{ mediation_service }}. Mediation "
        "is free and you do not have to take it up. You can also ask us for a disagreement "
        "resolution meeting at any time.\n"
        "\n"
        "Free, impartial information, advice and support is available from {{ iass_name }}: "
        "{{ iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ officer_phone }} "
        "or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "advice-request": {
        "name": "Request for advice",
        "regulation": "SEND Regulations 2014 reg 6(1) (advice due within 6 weeks, reg 8(1))",
        "recipient": "adviser",
        "subject": "Request for advice for {{ child_name }}: {{ advice_kind }}",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "We are carrying out an education, health and care needs assessment for {{ "
        "child_name }} (born {{ child_birth_date }}, our reference {{ child_reference "
        "}}). Please send us your {{ advice_kind }} by {{ advice_due }}.\n"
        "\n"
        "Your advice should set out {{ child_first_name }}'s needs, the provision needed "
        "to meet them and the outcomes it is intended to achieve. Please say if you need "
        "more time, and why.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ "
        "officer_phone }} or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "issue-yes": {
        "name": "Decision to issue a plan",
        "regulation": "SEND Regulations 2014 reg 13; CFA 2014 s.37",
        "recipient": "parent",
        "subject": "We will issue an EHC plan for {{ child_name }}",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "Following the EHC needs assessment for {{ child_name }}, we decided on {{ "
        "decision_date }} to issue an EHC plan. {{ reasons }}\n"
        "\n"
        "We will send you the draft plan. You will have at least 15 days to comment on it and "
        "to ask for a particular school or college to be named.\n"
        "\n"
        "Free, impartial information, advice and support is available from {{ iass_name }}: "
        "{{ iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ officer_phone }} "
        "or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "issue-no": {
        "name": "Notice of a decision not to issue a plan",
        "regulation": "SEND Regulations 2014 reg 10(1); CFA 2014 s.36(9) and s.51(2)(b)",
        "recipient": "parent",
        "subject": "Decision about an EHC plan for {{ child_name }}",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "Following the EHC needs assessment for {{ child_name }}, we decided on {{ "
        "decision_date }} not to issue an EHC plan, for these reasons: {{ reasons }}\n"
        "\n"
        "We will send you the information gathered during the assessment, which the school or "
        "college can use to support {{ child_first_name }}.\n"
        "\n"
        "If you disagree with this decision you can appeal to the First-tier Tribunal (Special "
        "Educational Needs and Disability). You must appeal within 2 months of the date of "
        "this letter, or within 1 month of the date of a mediation certificate if that is "
        "later. Before you appeal you must contact a mediation adviser, unless your appeal is "
        "only about the school or college named: {{ mediation_service }}. Mediation is free "
        "and you do not have to take it up. You can also ask us for a disagreement resolution "
        "meeting at any time.\n"
        "\n"
        "Free, impartial information, advice and support is available from {{ iass_name }}: {{ "
        "iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ officer_phone }} "
        "or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "draft-plan": {
        "name": "Draft plan covering letter",
        "regulation": "SEND Regulations 2014 reg 13(1); CFA 2014 s.38",
        "recipient": "parent",
        "subject": "The draft EHC plan for {{ child_name }}",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "With this letter is the draft education, health and care plan for {{ child_name }}, "
        "issued on {{ issued_on }}. Section I (the school or college) is left blank in a "
        "draft.\n"
        "\n"
        "You have until {{ comments_due }} (at least 15 days) to:\n"
        "- tell us your comments on the draft, and ask for a meeting with us to discuss it; "
        "and\n"
        "- ask for a particular school, college or other institution to be named in the "
        "plan. We will consult it, and name it unless it would be unsuitable or incompatible "
        "with the efficient education of others or the efficient use of resources. "
        "Information about schools and colleges is in our Local Offer.\n"
        "\n"
        "You can also ask for a personal budget for some of the provision.\n"
        "\n"
        "Free, impartial information, advice and support is available from {{ iass_name }}: "
        "{{ iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ officer_phone }} "
        "or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "final-plan": {
        "name": "Final plan covering letter",
        "regulation": "SEND Regulations 2014 reg 13(2) and reg 14; CFA 2014 s.39, s.40 and s.51",
        "recipient": "parent",
        "subject": "The final EHC plan for {{ child_name }}",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "With this letter is the final education, health and care plan for {{ child_name }}, "
        "issued on {{ issued_on }}. It names {{ setting_name }}, which must admit {{ "
        "child_first_name }}.\n"
        "\n"
        "If you disagree with the plan you can appeal to the First-tier Tribunal (Special "
        "Educational Needs and Disability). You must appeal within 2 months of the date of "
        "this letter, or within 1 month of the date of a mediation certificate if that is "
        "later. Before you appeal you must contact a mediation adviser, unless your appeal "
        "is only about the school or college named: {{ mediation_service }}. Mediation is "
        "free and you do not have to take it up. You can also ask us for a disagreement "
        "resolution meeting at any time.\n"
        "\n"
        "Free, impartial information, advice and support is available from {{ iass_name }}: "
        "{{ iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ officer_phone }} "
        "or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "consultation": {
        "name": "Consultation with a school or college",
        "regulation": "CFA 2014 s.39(2) and s.39(8) (SEND Code of Practice 9.80: 15 days to respond)",
        "recipient": "setting",
        "subject": "Consultation about naming {{ setting_name }} in the EHC plan of {{ child_name }}",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "We are consulting you about naming {{ setting_name }} in the education, health "
        "and care plan for {{ child_name }} (born {{ child_birth_date }}, our reference {{ "
        "child_reference }}). The draft plan and the advice gathered are enclosed.\n"
        "\n"
        "Please tell us by {{ response_due }} whether you can meet {{ child_first_name "
        "}}'s needs, and if not, why not.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ officer_phone "
        "}} or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "review-invitation": {
        "name": "Annual review invitation",
        "regulation": "CFA 2014 s.44(1); SEND Regulations 2014 regs 19 and 20",
        "recipient": "parent",
        "subject": "The annual review of {{ child_name }}'s EHC plan",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "{{ child_name }}'s education, health and care plan must be reviewed by {{ "
        "review_due }}. The school or college will invite you to the review meeting, "
        "with at least 2 weeks' notice, and ask for your views and {{ "
        "child_first_name }}'s.\n"
        "\n"
        "Before the meeting you will be sent the advice and information gathered for "
        "the review. After it, we will decide whether to keep the plan as it is, "
        "amend it or cease to maintain it, and write to you within 4 weeks of the "
        "meeting.\n"
        "\n"
        "Free, impartial information, advice and support is available from {{ "
        "iass_name }}: {{ iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ "
        "officer_phone }} or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "review-keep": {
        "name": "Decision after a review: keep the plan",
        "regulation": "SEND Regulations 2014 reg 20(10); CFA 2014 s.51(2)(e)",
        "recipient": "parent",
        "subject": "Decision after the annual review of {{ child_name }}'s EHC plan",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "Following the review meeting on {{ review_meeting }}, we decided on {{ "
        "decision_date }} to keep {{ child_name }}'s EHC plan as it is.\n"
        "\n"
        "If you disagree with this decision you can appeal to the First-tier Tribunal "
        "(Special Educational Needs and Disability). You must appeal within 2 months of the "
        "date of this letter, or within 1 month of the date of a mediation certificate if "
        "that is later. Before you appeal you must contact a mediation adviser, unless your "
        "appeal is only about the school or college named: {{ mediation_service }}. "
        "Mediation is free and you do not have to take it up. You can also ask us for a "
        "disagreement resolution meeting at any time.\n"
        "\n"
        "Free, impartial information, advice and support is available from {{ iass_name }}: "
        "{{ iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ officer_phone "
        "}} or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "review-amend": {
        "name": "Decision after a review: amend the plan",
        "regulation": "SEND Regulations 2014 reg 20(10) and reg 22",
        "recipient": "parent",
        "subject": "Decision after the annual review of {{ child_name }}'s EHC plan",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "Following the review meeting on {{ review_meeting }}, we decided on {{ "
        "decision_date }} to amend {{ child_name }}'s EHC plan. We will send you the "
        "proposed amendments, and you will have at least 15 days to comment on them and to "
        "ask for a particular school or college to be named.\n"
        "\n"
        "Free, impartial information, advice and support is available from {{ iass_name "
        "}}: {{ iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ officer_phone "
        "}} or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "review-cease": {
        "name": "Decision after a review: cease the plan",
        "regulation": "SEND Regulations 2014 reg 20(10) and reg 31; CFA 2014 s.45",
        "recipient": "parent",
        "subject": "Decision after the annual review of {{ child_name }}'s EHC plan",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "Following the review meeting on {{ review_meeting }}, we decided on {{ "
        "decision_date }} that we propose to cease to maintain {{ child_name }}'s EHC "
        "plan. We will send you a formal notice with our reasons.\n"
        "\n"
        "Free, impartial information, advice and support is available from {{ iass_name "
        "}}: {{ iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ officer_phone "
        "}} or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "amendments-proposed": {
        "name": "Notice of proposed amendments",
        "regulation": "SEND Regulations 2014 reg 22(2)",
        "recipient": "parent",
        "subject": "Proposed amendments to {{ child_name }}'s EHC plan",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "With this letter are the changes we propose to make to {{ child_name }}'s "
        "education, health and care plan, sent on {{ issued_on }}, with the "
        "evidence for them.\n"
        "\n"
        "You have until {{ comments_due }} (at least 15 days) to comment on them, "
        "to ask for a meeting with us, and to ask for a particular school or "
        "college to be named.\n"
        "\n"
        "Free, impartial information, advice and support is available from {{ "
        "iass_name }}: {{ iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ "
        "officer_phone }} or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "amended-final": {
        "name": "Final amended plan covering letter",
        "regulation": "SEND Regulations 2014 reg 22(3); CFA 2014 s.51",
        "recipient": "parent",
        "subject": "The amended EHC plan for {{ child_name }}",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "With this letter is {{ child_name }}'s amended education, health and care plan, "
        "issued on {{ issued_on }}. It names {{ setting_name }}.\n"
        "\n"
        "If you disagree with the plan you can appeal to the First-tier Tribunal (Special "
        "Educational Needs and Disability). You must appeal within 2 months of the date "
        "of this letter, or within 1 month of the date of a mediation certificate if that "
        "is later. Before you appeal you must contact a mediation adviser, unless your "
        "appeal is only about the school or college named: {{ mediation_service }}. "
        "Mediation is free and you do not have to take it up. You can also ask us for a "
        "disagreement resolution meeting at any time.\n"
        "\n"
        "Free, impartial information, advice and support is available from {{ iass_name "
        "}}: {{ iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ officer_phone "
        "}} or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "phase-transfer": {
        "name": "Phase transfer: amended plan naming the next school or college",
        "regulation": "SEND Regulations 2014 reg 18(1); CFA 2014 s.51",
        "recipient": "parent",
        "subject": "{{ child_name }}'s move to {{ setting_name }}",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "With this letter is {{ child_name }}'s education, health and care plan, amended "
        "on {{ issued_on }} for the move to the next phase of education. It names {{ "
        "setting_name }}.\n"
        "\n"
        "If you disagree with the plan you can appeal to the First-tier Tribunal "
        "(Special Educational Needs and Disability). You must appeal within 2 months of "
        "the date of this letter, or within 1 month of the date of a mediation "
        "certificate if that is later. Before you appeal you must contact a mediation "
        "adviser, unless your appeal is only about the school or college named: {{ "
        "mediation_service }}. Mediation is free and you do not have to take it up. You "
        "can also ask us for a disagreement resolution meeting at any time.\n"
        "\n"
        "Free, impartial information, advice and support is available from {{ iass_name "
        "}}: {{ iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ "
        "officer_phone }} or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
    "cease-notice": {
        "name": "Notice to cease to maintain a plan",
        "regulation": "CFA 2014 s.45; SEND Regulations 2014 regs 29-31",
        "recipient": "parent",
        "subject": "Notice that we intend to cease to maintain {{ child_name }}'s EHC plan",
        "body": "Dear {{ recipient_name }},\n"
        "\n"
        "We have decided to cease to maintain {{ child_name }}'s education, health and "
        "care plan, for these reasons: {{ reasons }}\n"
        "\n"
        "The plan will stay in place until the time for appealing has passed and, if you "
        "appeal, until the appeal is decided.\n"
        "\n"
        "If you disagree with this decision you can appeal to the First-tier Tribunal "
        "(Special Educational Needs and Disability). You must appeal within 2 months of "
        "the date of this letter, or within 1 month of the date of a mediation certificate "
        "if that is later. Before you appeal you must contact a mediation adviser, unless "
        "your appeal is only about the school or college named: {{ mediation_service }}. "
        "Mediation is free and you do not have to take it up. You can also ask us for a "
        "disagreement resolution meeting at any time.\n"
        "\n"
        "Free, impartial information, advice and support is available from {{ iass_name "
        "}}: {{ iass_phone }}, {{ iass_web }}.\n"
        "\n"
        "If you have any questions, please contact {{ officer_name }} on {{ officer_phone "
        "}} or at {{ officer_email }}.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "{{ officer_name }}\n"
        "{{ la_name }} SEND service",
    },
}


def add_templates(apps, schema_editor):
    LetterTemplate = apps.get_model("cases", "LetterTemplate")
    for key, fields in TEMPLATES.items():
        template = LetterTemplate.objects.filter(key=key).first()
        if template is None:
            LetterTemplate.objects.create(key=key, **fields)
        elif template.version == 1:
            for name, value in fields.items():
                setattr(template, name, value)
            template.save()
        else:
            template.regulation, template.recipient = fields["regulation"], fields["recipient"]
            template.save(update_fields=["regulation", "recipient"])


class Migration(migrations.Migration):
    dependencies = [("cases", "0009_letter_child_required")]

    operations = [migrations.RunPython(add_templates, migrations.RunPython.noop)]
