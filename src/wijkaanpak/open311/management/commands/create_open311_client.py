"""Create an Open311 API client and print its key once: only its hash is stored."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wijkaanpak.areas.models import Organisation
from wijkaanpak.open311.models import ApiClient


class Command(BaseCommand):
    help = "Create an Open311 API client and print its key once."

    def add_arguments(self, parser):
        parser.add_argument("name", help="Naam van de app of koppeling.")
        parser.add_argument("--organisation", help="Slug van de organisatie achter de app.")
        parser.add_argument("--contact", default="", help="Wie we bij problemen benaderen.")

    def handle(self, *args, name, organisation=None, contact="", **options):
        org = None
        if organisation:
            org = Organisation.objects.filter(slug=organisation).first()
            if org is None:
                raise CommandError(
                    _("Organisatie '%(slug)s' bestaat niet.") % {"slug": organisation}
                )
        client, key = ApiClient.create_with_key(name=name, organisation=org, contact=contact)
        self.stdout.write(
            _("Koppeling '%(name)s' aangemaakt (sleutel begint met %(prefix)s).")
            % {"name": client.name, "prefix": client.key_prefix}
        )
        self.stdout.write(
            _("Bewaar deze sleutel nu; hij wordt niet opgeslagen en niet meer getoond:")
        )
        self.stdout.write(key)
