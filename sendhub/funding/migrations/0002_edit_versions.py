"""A version on each record the finance officer's edit pages change (optimistic locking), and the year's
target for children reached by Exceptional Needs Grants (the dashboard's KPI tile)."""

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
    ] + [
        migrations.AddField(
            model_name="fundingyear",
            name="eng_children_target",
            field=models.PositiveIntegerField(
                default=0,
                help_text="Children the year's Exceptional Needs Grants should reach (0: no target)",
                verbose_name="ENG children target",
            ),
        )
    ]
