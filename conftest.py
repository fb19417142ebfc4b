"""Fixtures shared by every app's tests."""

import pytest
from django.core.management import call_command
from django.db.backends.signals import connection_created
from django.dispatch import receiver


@pytest.fixture
def westwijk(db):
    """The real Westwijk 2023 programme, as `make run` loads it."""
    from wijkaanpak.programme.models import Programme

    call_command("load_programme", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Programme.objects.get(area__slug="westwijk", edition_year=2023)


@receiver(connection_created)
def allow_flushing_the_processing_log(sender, connection, **kwargs):
    """Test teardown empties every table; the append-only trigger allows a purge session.

    The P2 test switches this off again to prove that the trigger refuses changes.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET wijkaanpak.audit_purge = 'on'")
