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


class SMTPCapture:
    """A real SMTP server on loopback that keeps what it receives (security.md R5 tests).

    `.messages` holds parsed messages (email.message.EmailMessage); `.stop()` takes the
    server down and `.start()` brings it back on the same port, so a test can play an outage.
    """

    def __init__(self):
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.host = "127.0.0.1"
        self.messages = []
        # Addresses the server refuses with a permanent error (550), as for an unknown mailbox.
        self.refused = set()
        self._controller = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd calls it by this name
        import email
        from email import policy

        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def start(self):
        from aiosmtpd.controller import Controller

        if self._controller is None:
            self._controller = Controller(self, hostname=self.host, port=self.port)
            self._controller.start()

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def to(self, address):
        """The messages addressed to `address`."""
        return [m for m in self.messages if address in m.get_all("To", [])]


@pytest.fixture
def smtp_server(settings):
    """Mail goes over real SMTP to a local aiosmtpd server; never Django's locmem backend."""
    import logging

    # The test server's own protocol log would echo addresses; it is not the application's.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    server = SMTPCapture()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = server.host
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    yield server
    server.stop()
