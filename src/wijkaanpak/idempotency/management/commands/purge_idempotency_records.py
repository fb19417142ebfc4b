from django.conf import settings
from django.core.management.base import BaseCommand

from wijkaanpak.idempotency.services import purge_older_than


class Command(BaseCommand):
    help = (
        "Remove stored answers to Idempotency-Key requests older than "
        "IDEMPOTENCY_RETENTION_DAYS (daily; idempotent). A retry after that gets a new row."
    )

    def handle(self, *args, **options):
        deleted = purge_older_than(settings.IDEMPOTENCY_RETENTION_DAYS)
        self.stdout.write(f"Idempotency: {deleted} stored answers removed")
