"""No area can take a slug the site uses for its own pages."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import URLPattern, URLResolver, get_resolver

from wijkaanpak.areas.models import Area
from wijkaanpak.areas.validators import RESERVED_SLUGS
from wijkaanpak.loader.validation import DataFileError, validate


def first_segments(patterns, prefix=""):
    """The first literal path segment of every route the site serves."""
    found = set()
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found |= first_segments(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            head = route.lstrip("^").split("/", 1)[0]
            if head and not head.startswith("<") and not head.startswith("("):
                found.add(head)
    return found


def test_every_fixed_prefix_of_the_site_is_reserved():
    fixed = {s for s in first_segments(get_resolver().url_patterns) if "." not in s}
    assert fixed <= RESERVED_SLUGS, fixed - RESERVED_SLUGS


@pytest.mark.django_db
@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_a_reserved_slug_is_refused_with_a_dutch_message(slug):
    area = Area(name="Test", slug=slug, municipality="Test")
    with pytest.raises(ValidationError) as caught:
        area.full_clean()
    assert "vast deel van de website" in str(caught.value)


def test_the_loader_refuses_a_programme_file_for_a_reserved_slug():
    with pytest.raises(DataFileError) as caught:
        validate({"format_version": 1, "area": {"slug": "api", "name": "X", "municipality": "Y"}})
    assert "area.slug" in str(caught.value)
