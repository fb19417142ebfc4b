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


def verified_login(client, user):
    """Log a staff member in with a confirmed TOTP device, as after the second step (A5)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


@pytest.fixture
def login_verified():
    """`login_verified(client, user)`: a session that has passed the second factor."""
    return verified_login
