# Its own migration: PostgreSQL cannot alter a table in the transaction that just updated its rows.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cases", "0008_letters_for_every_step")]

    operations = [
        migrations.AlterField(
            model_name="letter",
            name="child",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="letters", to="cases.child"
            ),
        ),
    ]
