"""A guard against personal data in the short summary of a question.

The question desk records no personal data. Names cannot be recognised reliably, so the form
warns against them; what has a recognisable shape is refused: an e-mail address, a Dutch
phone number, a postcode with a house number, and a 9-digit number that may be a BSN.
The guard errs on the side of refusing: the staff member can always rephrase.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

EMAIL = "email"
PHONE = "phone"
ADDRESS = "postcode_house_number"
BSN = "bsn"

KIND_LABELS = {
    EMAIL: gettext_lazy("een e-mailadres"),
    PHONE: gettext_lazy("een telefoonnummer"),
    ADDRESS: gettext_lazy("een postcode met huisnummer"),
    BSN: gettext_lazy("een BSN (een nummer van 9 cijfers)"),
}

# A date such as 01-03-2024 is no personal data, but its digits could look like a phone number.
_DATE = re.compile(r"(?<!\d)\d{1,2}[-/.]\d{1,2}[-/.]\d{4}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 06-12345678, 010 123 45 67, (010) 1234567, +31 6 12345678, +31 (0)6 ..., 0031 6 ...
_PHONE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?|0)(?:[\s().-]{0,2}\d){9}(?!\d)"
)
# A postcode is 4 digits (not starting with 0) and 2 letters, with or without a space.
_POSTCODE = r"(?<!\d)[1-9]\d{3}(?P<space>\s?)(?P<letters>[A-Za-z]{2})(?![A-Za-z])"
_HOUSE_NUMBER = r"\d{1,5}(?:\s?[A-Za-z](?![A-Za-z]))?"
_POSTCODE_THEN_NUMBER = re.compile(rf"{_POSTCODE}[\s,-]*{_HOUSE_NUMBER}")
_NUMBER_THEN_POSTCODE = re.compile(rf"(?<!\d){_HOUSE_NUMBER}[\s,-]+{_POSTCODE}")
# Short Dutch words that follow a year as in "2024 en 2025": no postcode, when written in
# lower case with a space. Postcodes never use the letter pairs SA, SD and SS.
_COMMON_WORDS = {
    "al", "de", "di", "do", "en", "er", "is", "in", "ik", "je", "ma", "na", "nu",
    "of", "om", "op", "te", "tm", "uw", "vr", "we", "wo", "za", "ze", "zo",
}  # fmt: skip
_NOT_USED = {"SA", "SD", "SS"}
_BSN = re.compile(
    r"(?<![\d.,])(?:\d{9}|\d{3}[\s.-]\d{3}[\s.-]\d{3}|\d{4}[\s.-]\d{2}[\s.-]\d{3})(?![\d]|[.,]\d)"
)


def _is_postcode(match: re.Match) -> bool:
    letters = match.group("letters")
    if letters.upper() in _NOT_USED:
        return False
    if letters.isupper() or not match.group("space"):
        return True
    return letters.lower() not in _COMMON_WORDS


def _blank(pattern: re.Pattern, text: str) -> tuple[str, bool]:
    """The text with every match replaced by a space, and whether there was one."""
    blanked, count = pattern.subn(" ", text)
    return blanked, count > 0


def personal_data_kinds(text: str) -> list[str]:
    """The kinds of personal data that `text` seems to hold, in a fixed order."""
    found = []
    text, _unused = _blank(_DATE, text or "")
    text, has_email = _blank(_EMAIL, text)
    text, has_phone = _blank(_PHONE, text)
    if has_email:
        found.append(EMAIL)
    if has_phone:
        found.append(PHONE)
    for pattern in (_POSTCODE_THEN_NUMBER, _NUMBER_THEN_POSTCODE):
        if any(_is_postcode(m) for m in pattern.finditer(text)):
            found.append(ADDRESS)
            break
    if _BSN.search(text):
        found.append(BSN)
    return found


def check_summary(summary: str, field: str = "summary") -> None:
    """Raise a ValidationError on `field` when the summary seems to hold personal data."""
    kinds = personal_data_kinds(summary)
    if not kinds:
        return
    raise ValidationError(
        {
            field: _(
                "In de korte omschrijving staat iets dat lijkt op %(kinds)s. Haal dit weg. "
                "Schrijf geen namen, telefoonnummers, e-mailadressen, adressen of BSN in de "
                "omschrijving."
            )
            % {"kinds": get_text_list([str(KIND_LABELS[k]) for k in kinds], _("en"))}
        }
    )
