"""A report comes in: from the website, Open311 or a neighbourhood inspection."""

import datetime as dt
import secrets
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkaanpak.reports.domain import deadlines
from wijkaanpak.reports.domain.workflow import WorkflowError, is_open
from wijkaanpak.reports.models import Report, ReportContact, ReportEvent, ReportPhoto

from .events import lock, write_event

MAX_PHOTOS = 3
_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


def _validate(
    *,
    area,
    neighbourhood,
    category,
    description,
    address,
    location_description,
    latitude,
    longitude,
    email,
    phone,
    photos,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if neighbourhood.area_id != area.pk:
        errors["neighbourhood"] = _("Deze buurt hoort niet bij dit gebied.")
    if not category.is_active:
        errors["category"] = _("Deze categorie is niet meer in gebruik. Kies een andere.")
    if not description.strip():
        errors["description"] = _("Beschrijf wat er aan de hand is.")
    if not address.strip() and not location_description.strip() and latitude is None:
        errors["address"] = _("Vul een adres in of beschrijf de plek.")
    if (latitude is None) != (longitude is None):
        errors["latitude"] = _("Geef zowel de breedte- als de lengtegraad, of geen van beide.")
    errors.update(_contact_errors(email, phone))
    if len(photos) > MAX_PHOTOS:
        errors["photos"] = _("U kunt hoogstens %(n)s foto's meesturen.") % {"n": MAX_PHOTOS}
    return errors


def _contact_errors(email: str, phone: str) -> dict[str, str]:
    errors = {}
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")
    if len(phone) > 30 or (phone and not any(c.isdigit() for c in phone)):
        errors["phone"] = _("Vul een geldig telefoonnummer in, zoals 010 123 45 67.")
    return errors


def next_reference(year: int) -> str:
    """M-<year>-<number>: a readable kenmerk to quote on the phone; never the status link."""
    prefix = f"M-{year}-"
    last = (
        Report.objects.filter(reference__startswith=prefix)
        .order_by(Length("reference").desc(), "-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:05d}"


def _save_with_reference(report: Report, year: int) -> None:
    # Two reports arriving at once may compute the same next number; the unique index
    # refuses the second, which then takes the number after.
    for _attempt in range(10):
        report.reference = next_reference(year)
        try:
            with transaction.atomic():
                report.save()
            return
        except IntegrityError:
            if Report.objects.filter(reference=report.reference).exists():
                continue
            raise
    raise IntegrityError("no free report reference")


def _store_photo(report: Report, photo) -> ReportPhoto:
    # A random file name: the uploader's name may hold personal data.
    extension = _EXTENSIONS.get(photo.content_type, "")
    stored = ReportPhoto(
        report=report, content_type=photo.content_type, width=photo.width, height=photo.height
    )
    stored.image.save(f"{secrets.token_hex(12)}{extension}", ContentFile(photo.content), save=True)
    return stored


@transaction.atomic
def create_report(
    *,
    area,
    neighbourhood,
    category,
    description: str,
    address: str = "",
    location_description: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    email: str = "",
    phone: str = "",
    wants_updates: bool = False,
    photos: Iterable = (),
    source: str = "website",
    received_at: dt.datetime | None = None,
) -> Report:
    """Store a new report with its clock, contacts and photos, and write its first event.

    Contact details are stored only when an e-mail address or phone number is given;
    keeping someone informed needs an e-mail address, so `wants_updates` without one is
    stored as False. Raises ValidationError (per field, Dutch) and stores nothing then.
    """
    photos = list(photos)
    email, phone = email.strip(), phone.strip()
    errors = _validate(
        area=area,
        neighbourhood=neighbourhood,
        category=category,
        description=description,
        address=address,
        location_description=location_description,
        latitude=latitude,
        longitude=longitude,
        email=email,
        phone=phone,
        photos=photos,
    )
    if errors:
        raise ValidationError(errors)
    received_at = received_at or timezone.now()
    report = Report(
        status_token=secrets.token_urlsafe(32),
        area=area,
        neighbourhood=neighbourhood,
        category=category,
        organisation=category.handling_organisation,
        address=address.strip(),
        location_description=location_description.strip(),
        latitude=latitude,
        longitude=longitude,
        description=description.strip(),
        received_at=received_at,
        pickup_due_on=deadlines.pickup_due_on(received_at),
        resolution_due_on=deadlines.resolution_due_on(received_at, category),
        source=source,
    )
    _save_with_reference(report, deadlines.local_date(received_at).year)
    if email or phone:
        ReportContact.objects.create(
            report=report,
            role=ReportContact.Role.REPORTER,
            email=email,
            phone=phone,
            wants_updates=bool(wants_updates and email),
        )
    for photo in photos:
        _store_photo(report, photo)
    write_event(report, ReportEvent.Kind.CREATED, label=source, to_status=report.status)
    return report


@transaction.atomic
def join_report(
    report: Report, *, email: str = "", phone: str = "", wants_updates: bool = True
) -> ReportContact | None:
    """A resident says "I see this too" on an open report instead of filing a new one.

    Without an e-mail address or phone number nothing personal is stored; the support is
    still counted in the history. Returns the new contact, or None when anonymous.
    """
    locked = lock(report)
    if not is_open(locked.status):
        raise WorkflowError(
            _("Melding %(ref)s is al gesloten. Doe een nieuwe melding.") % {"ref": locked.reference}
        )
    email, phone = email.strip(), phone.strip()
    if errors := _contact_errors(email, phone):
        raise ValidationError(errors)
    contact = None
    if email or phone:
        contact = ReportContact.objects.create(
            report=locked,
            role=ReportContact.Role.SUPPORTER,
            email=email,
            phone=phone,
            wants_updates=bool(wants_updates and email),
        )
    write_event(locked, ReportEvent.Kind.SUPPORTER_JOINED, contact=contact)
    return contact
