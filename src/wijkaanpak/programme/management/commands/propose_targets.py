from django.core.management.base import BaseCommand

from wijkaanpak.programme.models import Programme
from wijkaanpak.programme.services.progress import store_target_proposals


class Command(BaseCommand):
    help = "Store target proposals by the programme's rule where no target exists. Idempotent."

    def handle(self, *args, **options):
        for programme in Programme.objects.all():
            created = store_target_proposals(programme)
            self.stdout.write(f"{programme}: {len(created)} new target proposals")
