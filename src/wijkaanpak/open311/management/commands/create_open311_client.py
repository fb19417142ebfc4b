"""Create an Open311 API client and print its key once: only its hash is stored."""

from django.core.management.base import BaseCommand, CommandError

from wijkaanpak.areas.models import Organisation
from wijkaanpak.open311.models import ApiClient


class Command(BaseCommand):
    help = "Maak een Open311-koppeling aan en toon de sleutel eenmalig."

    def add_arguments(self, parser):
        parser.add_argument("name", help="Naam van de app of koppeling.")
        parser.add_argument("--organisation", help="Slug van de organisatie achter de app.")
        parser.add_argument("--contact", default="", help="Wie we bij problemen benaderen.")

    def handle(self, *args, name, organisation=None, contact="", **options):
        org = None
        if organisation:
            org = Organisation.objects.filter(slug=organisation).first()
            if org is None:
                raise CommandError(f"Organisatie '{organisation}' bestaat niet.")
        client, key = ApiClient.create_with_key(name=name, organisation=org, contact=contact)
        self.stdout.write(
            f"Koppeling '{client.name}' aangemaakt (sleutel begint met {client.key_prefix})."
        )
        self.stdout.write("Bewaar deze sleutel nu; hij wordt niet opgeslagen en niet meer getoond:")
        self.stdout.write(key)
