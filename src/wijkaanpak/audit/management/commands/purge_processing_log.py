from django.core.management.base import BaseCommand

from wijkaanpak.audit.retention import purge_expired


class Command(BaseCommand):
    help = (
        "Remove processing-log records older than AUDIT_RETENTION_DAYS. Idempotent; "
        "run daily (cron or systemd timer)."
    )

    def handle(self, *args, **options):
        deleted = purge_expired()
        self.stdout.write(f"Processing log: {deleted} expired records removed.")
