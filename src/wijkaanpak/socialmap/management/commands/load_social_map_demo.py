from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wijkaanpak.socialmap.demo import load_demo


class Command(BaseCommand):
    help = (
        "Development only: load example offers, places and activities for the Westwijk, all "
        "marked as example data. Idempotent."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Example offers exist only in development (DEBUG on).")
        new = load_demo()
        self.stdout.write(f"Social map: {new} new example offers (marked as voorbeeldgegevens)")
