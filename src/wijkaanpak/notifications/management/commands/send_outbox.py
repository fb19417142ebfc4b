"""Send what is due in the outbox. Run every minute from cron or a systemd timer.

Idempotent and safe to run side by side: each message is claimed with SELECT ... FOR
UPDATE SKIP LOCKED, and a sent message is never sent again.
"""

from django.core.management.base import BaseCommand

from wijkaanpak.notifications import services


class Command(BaseCommand):
    help = "Verstuur berichten uit de outbox die klaarstaan (met opnieuw proberen)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit",
            type=int,
            default=services.DEFAULT_BATCH,
            help="Hoeveel berichten deze ronde hoogstens.",
        )

    def handle(self, *args, limit, **options):
        result = services.send_pending(limit=limit)
        self.stdout.write(str(result))
        if result.failed:
            self.stderr.write(
                f"{result.failed} bericht(en) definitief mislukt; zie Berichten in het beheer."
            )
