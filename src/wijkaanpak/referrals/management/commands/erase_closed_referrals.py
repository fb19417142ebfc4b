from django.conf import settings
from django.core.management.base import BaseCommand

from wijkaanpak.referrals.services.retention import erase_due


class Command(BaseCommand):
    help = (
        "Erase the personal fields (name, contact route, reason, notes, who gave consent) of "
        "referrals closed more than REFERRAL_RETENTION_DAYS ago. The rows and the counts stay; "
        "an erasure record is kept. Idempotent; run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list the kenmerken that would be erased."
        )

    def handle(self, *args, dry_run=False, **options):
        references = erase_due(dry_run=dry_run)
        term = settings.REFERRAL_RETENTION_DAYS
        if dry_run:
            self.stdout.write(
                f"{len(references)} closed referrals would be erased (term: {term} days after "
                "closing); nothing changed."
            )
            for reference in references:
                self.stdout.write(f"  {reference}")
            return
        self.stdout.write(
            f"{len(references)} closed referrals erased (term: {term} days after closing)."
        )
