import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from wijkaanpak.areas.models import Organisation
from wijkaanpak.reports.models import Category

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "categories.json"


class Command(BaseCommand):
    help = "Load the category tree of reports (idempotent: run it as often as you like)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_FILE)

    def handle(self, *args, path, **options):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(
                _("%(path)s kan niet gelezen worden: %(error)s") % {"path": path, "error": exc}
            ) from exc
        with transaction.atomic():
            organisations = self._organisations(data.get("organisations", []))
            created = updated = 0
            for position, item in enumerate(data["categories"]):
                for was_created in self._category(item, None, position, organisations):
                    created += was_created
                    updated += not was_created
        self.stdout.write(
            _("Categorieën: %(created)s nieuw, %(updated)s bijgewerkt.")
            % {"created": created, "updated": updated}
        )

    def _organisations(self, listed) -> dict[str, Organisation]:
        # The programme data is the source of organisations; only fill a gap it leaves.
        found = {}
        for item in listed:
            organisation = Organisation.objects.filter(slug=item["slug"]).first()
            if organisation is None:
                organisation = Organisation.objects.create(
                    slug=item["slug"], name=item["name"], kind=item.get("kind", "other")
                )
                self.stdout.write(_("Organisatie aangemaakt: %(name)s") % {"name": item["name"]})
            found[item["slug"]] = organisation
        return found

    def _category(self, item, parent, position, organisations):
        slug = item["organisation"]
        organisation = organisations.get(slug) or Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise CommandError(
                _("Categorie %(category)s: organisatie %(organisation)s bestaat niet.")
                % {"category": item["slug"], "organisation": slug}
            )
        category, created = Category.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "parent": parent,
                "name": item["name"],
                "public_description": item.get("public_description", ""),
                "handling_organisation": organisation,
                "resolution_term_days": item["resolution_term_days"],
                "is_active": item.get("is_active", True),
                "position": position,
            },
        )
        yield created
        for child_position, child in enumerate(item.get("children", [])):
            yield from self._category(child, category, child_position, organisations)
