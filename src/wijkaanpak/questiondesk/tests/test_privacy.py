"""The guard against personal data in a question's summary: a table of texts and verdicts."""

import pytest
from django.core.exceptions import ValidationError

from wijkaanpak.questiondesk.services.privacy import (
    ADDRESS,
    BSN,
    EMAIL,
    PHONE,
    check_summary,
    personal_data_kinds,
)

CASES = [
    # Nothing personal: themes, dates, years, amounts, short numbers.
    ("Vraag over huurtoeslag", []),
    ("", []),
    ("Komt terug op 01-03-2024 om 10:00 uur", []),
    ("Kwam 12-03-2024 10 minuten langs", []),
    ("Vragen over 2023 en 2024 en de toeslag", []),
    ("In 2024 is de huur 12 procent hoger", []),
    ("Schuld van 1.250 euro, 3 kinderen van 4 en 9", []),
    ("Ouder met 2 kinderen, 06 weken wachttijd", []),
    ("Groep 7 en 8, 2025 of later", []),
    ("Verwezen naar spreekuur, 1e etage", []),
    # E-mail addresses.
    ("Mail naar jan.jansen@example.nl voor de afspraak", [EMAIL]),
    ("bereikbaar via J_de-Vries+werk@mail.co.uk", [EMAIL]),
    # Dutch phone numbers, written in the usual ways.
    ("Bel 0612345678 terug", [PHONE]),
    ("Bel 06-12345678 terug", [PHONE]),
    ("Bel 06 12 34 56 78 terug", [PHONE]),
    ("Tel. 010-1234567", [PHONE]),
    ("Tel (010) 123 45 67", [PHONE]),
    ("+31 6 12345678", [PHONE]),
    ("+31 (0)6 1234 5678", [PHONE]),
    ("0031612345678", [PHONE]),
    ("+31101234567 bellen", [PHONE]),
    # A postcode with a house number, in both orders; a bare postcode is a neighbourhood.
    ("Woont op 3131 AB 12", [ADDRESS]),
    ("3131AB 12a", [ADDRESS]),
    ("3131ab, 7", [ADDRESS]),
    ("3131 ab 14", [ADDRESS]),
    ("Nummer 12, 3131 AB Vlaardingen", [ADDRESS]),
    ("In 3131 AB, de buurt bij de markt", []),
    ("3131 SS 12 is geen postcode", []),
    # Nine digits: a BSN, or something that looks like one.
    ("BSN 123456782", [BSN]),
    ("bsn 123.456.782", [BSN]),
    ("123 456 782", [BSN]),
    ("1234.56.782", [BSN]),
    ("12345678 is maar 8 cijfers", []),
    ("1234567890 is 10 cijfers", []),
    # More at once: every kind is named.
    ("jan@example.nl, 06-12345678, 3131 AB 12, 123456782", [EMAIL, PHONE, ADDRESS, BSN]),
]


@pytest.mark.parametrize(("text", "kinds"), CASES)
def test_personal_data_is_recognised(text, kinds):
    assert personal_data_kinds(text) == kinds


def test_the_error_names_the_field_and_what_was_found():
    with pytest.raises(ValidationError) as caught:
        check_summary("Bel 06-12345678 of mail jan@example.nl")
    [message] = caught.value.message_dict["summary"]
    assert message.startswith(
        "In de korte omschrijving staat iets dat lijkt op een e-mailadres en een telefoonnummer."
    )
    assert "06-12345678" not in message  # the error does not repeat the personal data


def test_a_clean_summary_passes():
    check_summary("Vraag over de voedselbank")
