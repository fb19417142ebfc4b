"""Dutch word forms: which prefixes a query word is matched by."""

import pytest

from wijkaanpak.socialmap.domain.dutch import search_terms


def matches(query: str, document_word: str) -> bool:
    """Whether every query word has a prefix that `document_word` starts with."""
    return all(
        any(document_word.startswith(prefix) for prefix in prefixes)
        for prefixes in search_terms(query)
    )


@pytest.mark.parametrize(
    ("query", "document_word"),
    [
        ("zwemmen", "zwemles"),  # verb ending -en, then the doubled m undone
        ("kinderen", "kind"),  # plural -eren
        ("kinderen", "kinderen"),
        ("kind", "kinderen"),
        ("activiteiten", "activiteit"),  # plural -en
        ("taalcafés", "taalcafe"),  # accents and plural -s
        ("Taalcafé", "taalcafe"),
        ("baby's", "baby"),  # plural -'s
        ("tieners", "tien"),  # plural -ers
        ("ouders", "ouder"),
        ("lessen", "les"),  # -en, then the doubled s undone
        ("dansen", "dansles"),
        ("huisje", "huis"),  # diminutive -je
        ("boompje", "boom"),  # diminutive -pje
        ("kaartje", "kaart"),  # diminutive -tje
        ("meisjes", "meisje"),  # diminutive plural
        ("opvoeding", "opvoed"),  # Snowball's stem of "opvoeding"
        ("taal", "tal"),  # Snowball writes the doubled vowel once
        ("gezondheid", "gezond"),
        ("ZWEMMEN", "zwemles"),  # capitals
    ],
)
def test_a_word_form_finds_its_relatives(query, document_word):
    assert matches(query, document_word)


@pytest.mark.parametrize(
    ("query", "document_word"),
    [
        ("dansen", "dan"),  # one inflection only: "dans" is not cut to "dan"
        ("zwemles", "zwembad"),
        ("kinderen", "kunst"),
    ],
)
def test_a_word_does_not_find_unrelated_words(query, document_word):
    assert not matches(query, document_word)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("", []),
        ("   ", []),
        ("de en het voor van", []),  # stop words only
        ("zwemmen voor kinderen", [["zwem"], ["kind"]]),
        ("Zwemmen, zwemmen!", [["zwem"]]),  # the same word once
        ("tv op 9", []),  # shorter than three letters
        ("Study & Chill", [["study"], ["chil"]]),
        ("taal", [["taal", "tal"]]),
    ],
)
def test_search_terms(text, terms):
    assert search_terms(text) == terms


def test_every_prefix_is_at_least_three_letters_and_plain():
    for prefixes in search_terms("Eén oog, ijs, zoë's kinderen en hun baby'tjes op café"):
        for prefix in prefixes:
            assert len(prefix) >= 3
            assert prefix.isascii() and prefix.replace("'", "").isalnum()
