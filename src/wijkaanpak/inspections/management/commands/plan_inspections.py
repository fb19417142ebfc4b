from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from wijkaanpak.areas.models import Area
from wijkaanpak.inspections.services.rounds import plan_year


class Command(BaseCommand):
    help = (
        "Plan one wijkschouw per quarter per quadrant for a year. Idempotent: rounds that "
        "exist keep their date, so a date a coordinator changed is never undone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--area", help="slug of one programme area (default: every area)")

    def handle(self, *args, year, area=None, **options):
        area_obj = None
        if area:
            area_obj = Area.objects.filter(slug=area).first()
            if area_obj is None:
                raise CommandError(f"No area with slug {area!r}.")
        try:
            result = plan_year(year, area=area_obj)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(
            f"{year}: {result.created} rounds planned, {result.existing} already there."
        )
