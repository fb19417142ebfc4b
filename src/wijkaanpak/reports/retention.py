"""Retention of reporter data (security.md P6).

REPORT_CONTACT_RETENTION_DAYS after a report was closed, what can identify a resident goes:
- the e-mail address and phone number of every contact (reporter and supporters); the
  contact rows stay, so "3 residents reported this" stays true;
- the photos, files and rows: a photo can show a face, a house or a number plate;
- the recipient address of the report's mails in the outbox (pending ones are withdrawn).
The report itself (what, where in the street, when, how it was handled) stays for the
statistics. A CONTACT_ANONYMISED event by "systeem" records what was removed and when.

A reopened report has no closed_at and is left alone. Running again changes nothing.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkaanpak.notifications.models import OutboxMessage
from wijkaanpak.notifications.services import withdraw
from wijkaanpak.reports.domain.workflow import CLOSED_STATUSES
from wijkaanpak.reports.models import Report, ReportContact, ReportEvent, ReportPhoto

logger = logging.getLogger(__name__)

SYSTEM_ACTOR = "systeem"
OUTBOX_TOPIC = "reports.report"


@dataclass(frozen=True)
class Anonymised:
    report_id: int
    contacts: int
    photos: int
    mails: int


def due(now=None):
    """Closed reports past the term whose contact data is still there."""
    limit = (now or timezone.now()) - timedelta(days=settings.REPORT_CONTACT_RETENTION_DAYS)
    return Report.objects.filter(
        status__in=CLOSED_STATUSES,
        closed_at__isnull=False,
        closed_at__lte=limit,
        contact_anonymised_at__isnull=True,
    ).order_by("closed_at", "pk")


def anonymise_report(report: Report, *, now=None) -> Anonymised | None:
    """Remove one report's contact data and photos; None when there was nothing to do."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = due(now).select_for_update().filter(pk=report.pk).first()
        if locked is None:  # another run got here first, or the report was reopened
            return None
        contacts = ReportContact.objects.filter(report=locked)
        contact_count = contacts.exclude(email="", phone="").count()
        contacts.update(email="", phone="", wants_updates=False)
        photo_count = _delete_photos(locked)
        mails = OutboxMessage.objects.filter(topic_type=OUTBOX_TOPIC, topic_id=str(locked.pk))
        withdraw(mails)
        mail_count = mails.exclude(recipient="").update(recipient="")
        locked.contact_anonymised_at = now
        locked.save(update_fields=["contact_anonymised_at"])
        ReportEvent.objects.create(
            report=locked,
            kind=ReportEvent.Kind.CONTACT_ANONYMISED,
            actor=None,
            actor_label=SYSTEM_ACTOR,
            internal_note=_(
                "Bewaartermijn van %(days)s dagen na afsluiten verstreken. Verwijderd: "
                "contactgegevens van %(contacts)s persoon/personen, %(photos)s foto('s), "
                "het adres van %(mails)s verstuurde e-mail(s)."
            )
            % {
                "days": settings.REPORT_CONTACT_RETENTION_DAYS,
                "contacts": contact_count,
                "photos": photo_count,
                "mails": mail_count,
            },
        )
    return Anonymised(locked.pk, contact_count, photo_count, mail_count)


def _delete_photos(report: Report) -> int:
    # Files go first, inside the transaction: if the database work then fails, the next run
    # finds the rows again and deleting a file that is already gone is harmless. The other
    # order could leave a photo on disk that no row points at any more.
    photos = list(ReportPhoto.objects.filter(report=report))
    for photo in photos:
        if photo.image.name:
            photo.image.storage.delete(photo.image.name)
    ReportPhoto.objects.filter(pk__in=[p.pk for p in photos]).delete()
    return len(photos)


def anonymise_due(*, now=None) -> list[Anonymised]:
    """The daily job: every report past its term, each in its own transaction."""
    now = now or timezone.now()
    done = []
    for report_id in list(due(now).values_list("pk", flat=True)):
        result = anonymise_report(Report(pk=report_id), now=now)
        if result is not None:
            done.append(result)
    # Counts and ids only: this log line must itself hold no personal data (P3).
    logger.info("Reporter data removed from %d closed reports.", len(done))
    return done
