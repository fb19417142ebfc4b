"""Fixtures shared by every app's tests."""

import pytest
from django.core.management import call_command


@pytest.fixture
def westwijk(db):
    """The real Westwijk 2023 programme, as `make run` loads it."""
    from wijkaanpak.programme.models import Programme

    call_command("load_programme", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Programme.objects.get(area__slug="westwijk", edition_year=2023)
