from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wijkaanpak.loader.services import (
    DataFileError,
    bundled_data_files,
    load_programme,
    read_data_file,
)


class Command(BaseCommand):
    help = "Load programme data files (JSON); without arguments, every bundled file."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="JSON data files to load")

    def handle(self, *args, paths, **options):
        paths = paths or bundled_data_files()
        if not paths:
            raise CommandError(_("Er zijn geen databestanden gevonden."))
        for path in paths:
            try:
                data = read_data_file(path)
            except (OSError, ValueError) as exc:
                raise CommandError(
                    _("%(path)s kan niet gelezen worden: %(error)s") % {"path": path, "error": exc}
                ) from exc
            try:
                result = load_programme(data)
            except DataFileError as exc:
                lines = "\n".join(f"  - {error}" for error in exc.errors)
                raise CommandError(
                    _("%(path)s is niet geladen; er is niets opgeslagen:\n%(errors)s")
                    % {"path": path, "errors": lines}
                ) from exc
            self.stdout.write(f"{path.name}: {result.summary()}")
