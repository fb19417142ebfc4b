"""What an import did (or, in a dry run, would do): the counts the command prints."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from wijkaanpak.programme.services.measurements import Outcome


@dataclass
class ImportReport:
    table: str
    year: int
    dry_run: bool = False
    rows: int = 0
    regions_created: int = 0
    regions_updated: int = 0
    regions_unchanged: int = 0
    measurements_created: int = 0
    measurements_unchanged: int = 0
    measurements_corrected: int = 0
    missing_values: int = 0  # cells of mapped columns without a figure, in the whole file
    skipped_missing: int = 0  # measurements not stored: CBS has no figure for that region
    notes: list[str] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        name = f"measurements_{outcome.value}"
        setattr(self, name, getattr(self, name) + 1)

    def lines(self) -> list[str]:
        lines = [
            (
                _("Proefimport (er is niets opgeslagen) van %(table)s")
                if self.dry_run
                else _("Import van %(table)s")
            )
            % {"table": self.table},
            _("Rijen: %(rows)s") % {"rows": self.rows},
            _("Regio's: %(created)s nieuw, %(updated)s bijgewerkt, %(unchanged)s ongewijzigd")
            % {
                "created": self.regions_created,
                "updated": self.regions_updated,
                "unchanged": self.regions_unchanged,
            },
            _("Metingen: %(created)s nieuw, %(unchanged)s ongewijzigd, %(corrected)s gecorrigeerd")
            % {
                "created": self.measurements_created,
                "unchanged": self.measurements_unchanged,
                "corrected": self.measurements_corrected,
            },
            _(
                "Ontbrekende waarden (punt of leeg): %(missing)s in het bestand; "
                "%(skipped)s metingen daardoor niet opgeslagen"
            )
            % {"missing": self.missing_values, "skipped": self.skipped_missing},
        ]
        return lines + [f"- {note}" for note in self.notes]
