"""A version on the records the new edit pages change (optimistic locking): packages, commitments,
forecast adjustments and admissions referrals."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0003_eng_evidence_documents"),
    ]

    operations = [
        migrations.AddField(
            model_name="admissionreferral",
            name="version",
            field=models.PositiveIntegerField(default=1),
        ),
        migrations.AddField(
            model_name="commitment",
            name="version",
            field=models.PositiveIntegerField(default=1),
        ),
        migrations.AddField(
            model_name="forecastadjustment",
            name="version",
            field=models.PositiveIntegerField(default=1),
        ),
        migrations.AddField(
            model_name="package",
            name="version",
            field=models.PositiveIntegerField(default=1),
        ),
    ]
