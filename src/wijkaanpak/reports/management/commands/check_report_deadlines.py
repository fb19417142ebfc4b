"""The daily deadline check. Run once a day, early on working days (e.g. 06:30).

Idempotent: a second run the same day sends no second alert and records no second breach.
"""

from django.core.management.base import BaseCommand
from django.utils import translation

from wijkaanpak.reports.deadlines_enforcement import check_deadlines


class Command(BaseCommand):
    help = (
        "Waarschuw organisaties voor meldingen die bijna te laat zijn en leg elke "
        "overschrijding van een termijn vast."
    )

    def handle(self, *args, **options):
        with translation.override("nl"):
            summary = check_deadlines()
        for line in summary.lines():
            self.stdout.write(line)
