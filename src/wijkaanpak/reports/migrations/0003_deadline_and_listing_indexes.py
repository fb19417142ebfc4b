# The two partial indexes of the daily deadline check are PostgreSQL-only: their conditions
# compare a moment in Europe/Amsterdam with a due date (AT TIME ZONE). They are not in the
# model's Meta, so makemigrations leaves them alone; bench/measure/indexes.py has the same SQL.

import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models

_LATE = "(\"{at}\" AT TIME ZONE 'Europe/Amsterdam')::date > (\"{due}\")"
PARTIAL = {
    "report_late_pickup": 'ON "reports_report" ("id", "pickup_due_on") WHERE (("closed_at" IS '
    'NULL AND "picked_up_at" IS NULL) OR '
    + _LATE.format(at="picked_up_at", due="pickup_due_on")
    + " OR ("
    + _LATE.format(at="closed_at", due="pickup_due_on")
    + ' AND "picked_up_at" IS NULL))',
    "report_late_resolution": 'ON "reports_report" ("id", "resolution_due_on", "status") WHERE '
    '("closed_at" IS NULL OR ' + _LATE.format(at="closed_at", due="resolution_due_on") + ")",
}


def create_partial(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in PARTIAL.items():
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" {definition}')


def drop_partial(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in PARTIAL:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):

    dependencies = [
        ("areas", "0005_area_slug_not_reserved"),
        ("reports", "0002_event_contact"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="report",
            index=models.Index(fields=["area", "received_at"], name="report_area_received"),
        ),
        migrations.AddIndex(
            model_name="report",
            index=models.Index(
                models.OrderBy(django.db.models.functions.text.Length("reference"), descending=True),
                models.OrderBy(models.F("reference"), descending=True),
                name="report_reference_newest",
            ),
        ),
        migrations.RunPython(create_partial, drop_partial),
    ]
