"""The programme's ten themes as an HSDS taxonomy, "wijkaanpak-thema".

A term's code is the Theme value, its name the Dutch label. HSDS requires a description;
the themes have none, so it is an empty string rather than a made-up text.
"""

from django.utils.translation import gettext as _

from wijkaanpak.interventions.models import Theme

from .ids import stable_id

TAXONOMY_NAME = "wijkaanpak-thema"


def taxonomy_id() -> str:
    return stable_id("socialmap.hsds.taxonomy", TAXONOMY_NAME)


def term_id(code: str) -> str:
    return stable_id("interventions.theme", code)


def taxonomy() -> dict:
    return {
        "id": taxonomy_id(),
        "name": TAXONOMY_NAME,
        "description": _(
            "De tien thema's van het programmabureau: waar een vraag of een aanbod over gaat."
        ),
    }


def taxonomy_term(theme: Theme) -> dict:
    return {
        "id": term_id(theme.value),
        "code": theme.value,
        "name": str(theme.label),
        "description": "",
        "taxonomy": TAXONOMY_NAME,
        "taxonomy_id": taxonomy_id(),
        "language": "nl",
    }


def terms() -> list[dict]:
    return [taxonomy_term(theme) for theme in Theme]


def theme_of_term(hsds_id: str) -> str | None:
    """The Theme value whose term has this id, or None."""
    return next((theme.value for theme in Theme if term_id(theme.value) == hsds_id), None)
