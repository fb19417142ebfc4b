import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from wijkaanpak.areas.models import Area
from wijkaanpak.socialmap.hsds.export import export_document


class Command(BaseCommand):
    help = (
        "Write an area's published social map as one Open Referral HSDS 3 JSON document "
        "(organizations, services, locations, service_at_locations, taxonomies, taxonomy_terms; "
        "see docs/hsds.md). Ids are stable between runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--area", required=True, help="The area (slug), e.g. westwijk.")
        parser.add_argument("--output", help="Write to this file instead of standard output.")

    def handle(self, *args, area, output=None, **options):
        found = Area.objects.filter(slug=area).first()
        if found is None:
            raise CommandError(f"Unknown area {area!r}.")
        # Labels and notes are Dutch whatever locale the shell has.
        with translation.override(settings.LANGUAGE_CODE):
            document = export_document(found)
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if not output:
            self.stdout.write(text, ending="")
            return
        try:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error}") from error
        self.stdout.write(f"{area}: {len(document['services'])} services written to {output}")
