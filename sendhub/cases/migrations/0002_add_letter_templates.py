from django.db import migrations

# The letter texts as this migration first wrote them, kept here so that the migration writes the same rows
# whatever later happens to `cases.services.panel.DEFAULT_TEMPLATES` (which new installations also get).
TEMPLATES = {
    "assess-yes": (
        "Decision to assess",
        "We will carry out an EHC needs assessment for {{ child_name }}",
        "Dear parent or carer,\n\nThe SEND panel met on {{ panel_date }} to consider the request "
        "received on {{ received }} for an education, health and care needs assessment for "
        "{{ child_name }} (reference {{ child_reference }}).\n\nThe panel decided to carry out the "
        "assessment. {{ reasons }}\n\nWe will now ask for advice from the people who know "
        "{{ child_name }}. Your case officer is {{ officer }}.\n\nYours sincerely,\n\n"
        "{{ la_name }} SEND service",
    ),
    "assess-no": (
        "Decision not to assess",
        "Decision about an EHC needs assessment for {{ child_name }}",
        "Dear parent or carer,\n\nThe SEND panel met on {{ panel_date }} to consider the request "
        "received on {{ received }} for an education, health and care needs assessment for "
        "{{ child_name }} (reference {{ child_reference }}).\n\nThe panel decided not to carry out "
        "an assessment at this time, for these reasons: {{ reasons }}\n\nYou have the right to appeal "
        "to the First-tier Tribunal (SEND) within 2 months of this letter, or 1 month after a "
        "mediation certificate if that is later. Before appealing you must contact a mediation "
        "adviser. Free, impartial information, advice and support is available from the SEND "
        "information, advice and support service.\n\nYours sincerely,\n\n{{ la_name }} SEND service",
    ),
    "issue-no": (
        "Decision not to issue a plan",
        "Decision about an EHC plan for {{ child_name }}",
        "Dear parent or carer,\n\nFollowing the EHC needs assessment for {{ child_name }}, the panel "
        "met on {{ panel_date }} and decided not to issue an EHC plan. Reasons: {{ reasons }}\n\n"
        "You have the right to appeal to the First-tier Tribunal (SEND) within 2 months of this "
        "letter. You must contact a mediation adviser first.\n\nYours sincerely,\n\n"
        "{{ la_name }} SEND service",
    ),
    "issue-yes": (
        "Decision to issue a plan",
        "We will issue an EHC plan for {{ child_name }}",
        "Dear parent or carer,\n\nThe panel met on {{ panel_date }} and decided to issue an EHC plan "
        "for {{ child_name }}. {{ reasons }}\n\nWe will send you the draft plan. You will have at "
        "least 15 days to comment on it and to ask for a particular school or college to be named."
        "\n\nYours sincerely,\n\n{{ la_name }} SEND service",
    ),
}


def add_templates(apps, schema_editor):
    LetterTemplate = apps.get_model("cases", "LetterTemplate")
    for key, (name, subject, body) in TEMPLATES.items():
        LetterTemplate.objects.get_or_create(
            key=key, defaults={"name": name, "subject": subject, "body": body}
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_add_casework")]

    operations = [migrations.RunPython(add_templates, migrations.RunPython.noop)]
