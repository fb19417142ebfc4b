from django.conf import settings
from django.core.management.base import BaseCommand

from wijkaanpak.reports.retention import anonymise_due


class Command(BaseCommand):
    help = (
        "Remove reporters' e-mail addresses, phone numbers and photos from reports closed "
        "more than REPORT_CONTACT_RETENTION_DAYS ago. Idempotent; run daily."
    )

    def handle(self, *args, **options):
        done = anonymise_due()
        self.stdout.write(
            f"{len(done)} closed reports anonymised "
            f"(term: {settings.REPORT_CONTACT_RETENTION_DAYS} days after closing)."
        )
