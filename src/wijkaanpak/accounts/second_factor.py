"""The second login step for staff (security.md A5): a TOTP code from an authenticator app.

Every account in wijkaanpak is a staff account (residents never log in), so every
authenticated account needs the second factor, not only those with `is_staff`: a partner's
handler without admin rights still sees reporter contact data.
"""

from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

PENDING_DEVICE_NAME = "app (nog niet bevestigd)"
DEVICE_NAME = "app"


def required_for(user) -> bool:
    """True when this user must pass the second factor before anything else."""
    return bool(getattr(settings, "OTP_REQUIRED", True)) and user.is_authenticated


def is_verified(user) -> bool:
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def pending_device(user) -> TOTPDevice:
    """The device being enrolled; the same secret until it is confirmed, so a reload is safe."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=PENDING_DEVICE_NAME, confirmed=False)
    return device


class CodeRefused(Exception):
    """The code is wrong or too many wrong codes were tried; the message is for the user."""


def check_code(device: TOTPDevice, code: str) -> None:
    """Raise CodeRefused unless `code` is the device's current code.

    The device row is locked so two simultaneous tries cannot both pass the throttle, and a
    code once accepted is never accepted again (django-otp keeps the last time step).
    """
    # The refusal is raised outside the atomic block: the failure count must be kept.
    with transaction.atomic():
        locked = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, _details = locked.verify_is_allowed()
        accepted = allowed and locked.verify_token(code)
    if not allowed:
        raise CodeRefused(
            _("U heeft te vaak een verkeerde code ingevuld. Wacht even en probeer het opnieuw.")
        )
    if not accepted:
        raise CodeRefused(_("Deze code klopt niet. Vul de code in die nu in de app staat."))
    device.refresh_from_db()


def confirm(device: TOTPDevice) -> None:
    device.confirmed = True
    device.name = DEVICE_NAME
    device.save(update_fields=["confirmed", "name"])


def complete(request, device: TOTPDevice) -> None:
    """Mark the session as verified, under a new session id (privileges went up)."""
    otp_login(request, device)
    request.session.cycle_key()


def secret_for_manual_entry(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app without a camera."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The otpauth link as an inline SVG QR code with an accessible name."""
    label = escape(_("QR-code om uw app te koppelen"))
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", svgclass="second-factor__qr", lineclass=None
    )
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
