"""An area's slug is the first part of its pages' addresses, so it may not be one of the
site's fixed prefixes: an area called "api" would hide the API or be hidden by it.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The first path segments the site uses for itself (src/wijkaanpak/urls.py and the apps it
# includes). A test walks the URL configuration and fails when a new one is missing here.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "accounts",
        "api",
        "open311",
        "behandelen",
        "meldingen",
        "vergelijken",
        "static",
        "media",
    }
)


def validate_area_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("'%(slug)s' is al een vast deel van de website. Kies een andere korte naam."),
            params={"slug": value},
            code="reserved",
        )
