from django.core.management.base import BaseCommand, CommandError

from wijkaanpak.areas.models import Area
from wijkaanpak.programme.models import Programme
from wijkaanpak.socialmap.sync import sync_intervention_offers


class Command(BaseCommand):
    help = (
        "Put every running intervention of each area's current edition on the social map, and "
        "hide offers of interventions that stopped. Idempotent; run after adopting an edition."
    )

    def add_arguments(self, parser):
        parser.add_argument("--area", help="Only this area (slug).")

    def handle(self, *args, area=None, **options):
        areas = Area.objects.all()
        if area:
            areas = areas.filter(slug=area)
            if not areas.exists():
                raise CommandError(f"Unknown area {area!r}.")
        for each in areas:
            programme = (
                Programme.objects.filter(area=each, state=Programme.State.ADOPTED)
                .order_by("-edition_year")
                .first()
            )
            if programme is None:
                self.stdout.write(f"{each.slug}: no adopted edition, nothing to sync")
                continue
            result = sync_intervention_offers(programme)
            self.stdout.write(
                f"{each.slug}: {len(result.created)} new, {len(result.updated)} updated, "
                f"{len(result.hidden)} hidden offers from {programme.edition_year}"
            )
