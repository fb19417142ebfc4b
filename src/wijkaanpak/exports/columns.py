"""Column helpers for the workbook: a header and how to get the cell's value from a row."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

EURO_FORMAT = "#,##0.00"


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[dict], object]
    number_format: str | None = None


def col(header: str, key: str) -> Column:
    return Column(header, lambda row: row.get(key))


def label(choices, key: str) -> Column:
    """A choice shown by its Dutch label; an unknown code is shown as it is."""

    def value(row):
        code = row.get(key)
        try:
            return str(choices(code).label) if code else None
        except ValueError:
            return code

    return Column(None, value)


def joined(key: str) -> Callable[[dict], str]:
    return lambda row: ", ".join(str(v) for v in row.get(key) or [])


def yes_no(key: str) -> Callable[[dict], str]:
    return lambda row: _("ja") if row.get(key) else _("nee")


def with_header(header: str, column: Column) -> Column:
    return Column(header, column.value)


def euros(cents: int | None) -> Decimal | None:
    """Integer cents as euros with two decimals, exactly: 1999 -> Decimal("19.99")."""
    if cents is None:
        return None
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


# Excel keeps a number as a double: exact to 15 significant digits, i.e. below 10**15 cents.
EXCEL_EXACT_CENTS = 10**15


def euro(header: str, key: str) -> Column:
    """Euros as an Excel number with two decimals; an amount too large for Excel to hold
    exactly is written as text rather than rounded."""

    def value(row):
        amount = euros(row.get(key))
        if amount is not None and abs(row[key]) >= EXCEL_EXACT_CENTS:
            return f"{amount:f}"
        return amount

    return Column(header, value, EURO_FORMAT)
