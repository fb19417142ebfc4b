from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wijkaanpak.cbs.services import ImportRejected, MappingError, import_table

SHOWN_ERRORS = 50


class Command(BaseCommand):
    help = (
        "Import CBS Kerncijfers wijken en buurten (OData JSON or CSV) into regions and "
        "measurements; all or nothing. See docs/cbs.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the downloaded CBS file (.json or .csv)")
        parser.add_argument(
            "--mapping",
            required=True,
            help="a table id with a bundled mapping (85984NED) or the path of a mapping file",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check and count, but store nothing"
        )

    def handle(self, *args, path, mapping, dry_run, **options):
        try:
            report = import_table(path, mapping, dry_run=dry_run)
        except OSError as exc:
            raise CommandError(
                _("%(path)s kan niet gelezen worden: %(error)s") % {"path": path, "error": exc}
            ) from exc
        except MappingError as exc:
            raise CommandError(
                _("De koppeling is niet bruikbaar; er is niets opgeslagen:\n%(errors)s")
                % {"errors": "\n".join(f"  - {e}" for e in exc.errors)}
            ) from exc
        except ImportRejected as exc:
            raise CommandError(
                _("%(path)s is niet geïmporteerd; er is niets opgeslagen:\n%(errors)s")
                % {"path": path, "errors": format_errors(exc.errors)}
            ) from exc
        for line in report.lines():
            self.stdout.write(line)


def format_errors(errors) -> str:
    lines = []
    for error in errors[:SHOWN_ERRORS]:
        where = _("rij %(row)s") % {"row": error.row} if error.row is not None else _("bestand")
        if error.column:
            where += ", " + _("kolom %(column)s") % {"column": error.column}
        lines.append(f"  - {where}: {error.message}")
    if len(errors) > SHOWN_ERRORS:
        lines.append("  " + _("… en nog %(count)s fouten.") % {"count": len(errors) - SHOWN_ERRORS})
    return "\n".join(lines)
