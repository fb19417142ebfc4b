from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wijkaanpak.cbs.national import (
    NATIONAL_INDICATORS_FILE,
    NationalIndicatorError,
    load_national_indicators,
)


class Command(BaseCommand):
    help = "Load the national indicators (JSON); without a path, the bundled file. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, default=NATIONAL_INDICATORS_FILE)

    def handle(self, *args, path, **options):
        try:
            counts = load_national_indicators(path)
        except NationalIndicatorError as exc:
            raise CommandError(
                _("%(path)s is niet geladen; er is niets opgeslagen:\n%(errors)s")
                % {"path": path, "errors": "\n".join(f"  - {e}" for e in exc.errors)}
            ) from exc
        self.stdout.write(
            _(
                "Landelijke indicatoren: %(created)s nieuw, %(updated)s bijgewerkt, "
                "%(unchanged)s ongewijzigd"
            )
            % {"created": counts.created, "updated": counts.updated, "unchanged": counts.unchanged}
        )
