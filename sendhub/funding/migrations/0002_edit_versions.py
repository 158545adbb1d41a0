"""A version on each record the finance officer's edit pages change (optimistic locking)."""

from django.db import migrations, models

MODELS = [
    "fundingyear",
    "budgetline",
    "cluster",
    "band",
    "specialistprovision",
    "reductiontarget",
    "capitalgrant",
]


class Migration(migrations.Migration):
    dependencies = [("funding", "0001_initial")]

    operations = [
        migrations.AddField(model_name=name, name="version", field=models.PositiveIntegerField(default=1))
        for name in MODELS
    ]
