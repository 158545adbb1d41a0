from django.db import migrations


def add_templates(apps, schema_editor):
    from sendhub.cases.services.panel import DEFAULT_TEMPLATES

    LetterTemplate = apps.get_model("cases", "LetterTemplate")
    for key, (name, subject, body) in DEFAULT_TEMPLATES.items():
        LetterTemplate.objects.get_or_create(
            key=key, defaults={"name": name, "subject": subject, "body": body}
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_add_casework")]

    operations = [migrations.RunPython(add_templates, migrations.RunPython.noop)]
