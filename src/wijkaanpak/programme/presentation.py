"""How numbers and statuses read on the pages: Dutch notation, B1 wording, missing stays missing."""

from datetime import date
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .domain.progress import Status

STATUS_LABELS = {
    Status.ACHIEVED: _("Doel gehaald"),
    Status.ON_TRACK: _("Op koers"),
    Status.BEHIND: _("Loopt achter"),
    Status.NO_DATA: _("Geen meting"),
    Status.NO_TARGET: _("Geen streefwaarde"),
}

REASON_TEXTS = {
    "qualitative": _("Dit is een kwalitatieve meting. Er is geen getal om te volgen."),
    "no_measurement": _("Er is nog geen meting gedaan na de nulmeting."),
    "no_target": _("Er is nog geen streefwaarde afgesproken."),
    "target_reached": _("De laatste meting haalt de streefwaarde van de volgende horizon."),
    "no_baseline": _("Er is geen nulmeting. Daarom kunnen we niet zeggen of het op koers is."),
    "on_or_above_line": _(
        "De laatste meting is minstens zo goed als verwacht op weg naar het doel."
    ),
    "below_line": _("De laatste meting is slechter dan verwacht op weg naar het doel."),
}

MISSING = _("onbekend")

UNIT_SUFFIX = {
    "percent": "%",
    "per_thousand": " " + str(_("per 1000")),
    "years": " " + str(_("jaar")),
}


def format_number(value: Decimal, decimals: int) -> str:
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def format_value(value: Decimal | None, unit: str, decimals: int) -> str:
    if value is None:
        return str(MISSING)
    number = format_number(value, decimals)
    if unit == "euro":
        return f"€ {number}"
    return f"{number}{UNIT_SUFFIX.get(unit, '')}"


def months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
