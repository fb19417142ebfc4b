"""Reading numbers and dates the way Dutch users write them, for forms and imports."""

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$")
_NUMBER = re.compile(r"^[+-]?(\d+)(?:[.,](\d+))?$")


def parse_decimal(raw: object) -> Decimal:
    """Accept "7,1" and "7.1"; refuse thousands separators rather than guess.

    "27.000" means 27000 to a Dutch reader and 27 to a computer, so a single separator
    followed by exactly three digits is refused instead of silently read one way.
    """
    if isinstance(raw, bool):
        raise ValidationError(_("Vul een getal in."), code="invalid")
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        # Spreadsheet cells arrive as binary floats; Excel keeps 15 significant digits, so
        # reading them back at that precision drops artefacts such as 7.0999999999999996.
        return Decimal(format(raw, ".15g"))
    text = str(raw or "").strip().replace("\u00a0", "").replace(" ", "")
    text = text.removesuffix("%")
    if not text:
        raise ValidationError(_("Vul een waarde in."), code="required")
    match = _NUMBER.match(text)
    if not match:
        if text.count(".") + text.count(",") > 1:
            raise ValidationError(
                _("Gebruik geen punt of komma voor duizendtallen. Schrijf 27000, niet 27.000."),
                code="thousands",
            )
        raise ValidationError(
            _("“%(value)s” is geen getal. Schrijf bijvoorbeeld 7,1.") % {"value": text},
            code="invalid",
        )
    whole, fraction = match.groups()
    if fraction is not None and len(fraction) == 3 and whole.lstrip("0"):
        raise ValidationError(
            _(
                "“%(value)s” is niet duidelijk: het kan een getal met duizendtallen zijn. "
                "Schrijf het zonder punt voor duizendtallen, of met meer cijfers achter de "
                "komma (bijvoorbeeld %(example)s)."
            )
            % {"value": text, "example": text.replace(".", ",") + "0"},
            code="ambiguous",
        )
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the pattern already guards this
        raise ValidationError(_("Vul een getal in."), code="invalid") from exc


def parse_date(raw: object) -> date:
    """Accept a real date, YYYY-MM-DD, or DD-MM-YYYY (also with slashes, as Excel writes it)."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw or "").strip()
    if not text:
        raise ValidationError(_("Vul een datum in."), code="required")
    if match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DUTCH_DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise ValidationError(
            _("“%(value)s” is geen datum. Schrijf de datum als 31-12-2024 of 2024-12-31.")
            % {"value": text},
            code="invalid",
        )
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValidationError(
            _("“%(value)s” bestaat niet als datum.") % {"value": text}, code="invalid"
        ) from exc


def plain_number(value: Decimal) -> str:
    """The exact stored value in Dutch notation (7,1), without trailing zeros or rounding."""
    return format(Decimal(value).normalize(), "f").replace(".", ",")
