"""The daily receipt check of warm referrals. Run once a day, early on working days.

Idempotent: a second run escalates nothing twice and mails nobody twice (security.md R3).
"""

from django.core.management.base import BaseCommand
from django.utils import translation

from wijkaanpak.referrals.services.deadlines import escalate_overdue


class Command(BaseCommand):
    help = (
        "Schaal verwijzingen op die niet binnen de termijn zijn ontvangen: de ontvangende "
        "organisatie en de verwijzer krijgen één keer bericht."
    )

    def handle(self, *args, **options):
        with translation.override("nl"):
            summary = escalate_overdue()
        for line in summary.lines():
            self.stdout.write(line)
