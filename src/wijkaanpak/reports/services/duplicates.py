"""Two residents, one broken lamp: find open reports nearby, and merge duplicates."""

import math
import re
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkaanpak.reports.domain.workflow import OPEN_STATUSES, WorkflowError, is_open
from wijkaanpak.reports.models import Report, ReportContact, ReportEvent, Status

from .events import sync, write_event

EARTH_RADIUS_M = 6_371_000
METRES_PER_DEGREE_LATITUDE = Decimal("111320")


def normalise_address(address: str) -> str:
    """'Van Hogendorplaan  12-A,' and 'van hogendorplaan 12a' are the same address."""
    text = re.sub(r"[^\w]+", " ", (address or "").casefold())
    text = re.sub(r"(\d+) ([a-z])\b", r"\1\2", text)
    return " ".join(text.split())


def distance_m(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance in metres (haversine); accurate to well within a metre at 50 m."""
    phi1, phi2 = math.radians(float(lat1)), math.radians(float(lat2))
    dphi = phi2 - phi1
    dlambda = math.radians(float(lon2) - float(lon1))
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def _bounding_box(latitude: Decimal, longitude: Decimal, radius_m: int):
    dlat = Decimal(radius_m) / METRES_PER_DEGREE_LATITUDE
    cos_lat = Decimal(str(max(math.cos(math.radians(float(latitude))), 0.01)))
    dlon = dlat / cos_lat
    return latitude - dlat, latitude + dlat, longitude - dlon, longitude + dlon


def open_reports_nearby(
    category,
    *,
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    address: str = "",
    radius_m: int = 50,
    area=None,
) -> list[Report]:
    """Open reports of `category` within `radius_m` metres, or at the same address.

    The database narrows the search to a small box around the point; the exact distance
    is computed here. Newest first.
    """
    base = Report.objects.filter(category=category, status__in=OPEN_STATUSES)
    if area is not None:
        base = base.filter(area=area)
    found: dict[int, Report] = {}
    if latitude is not None and longitude is not None:
        latitude, longitude = Decimal(str(latitude)), Decimal(str(longitude))
        south, north, west, east = _bounding_box(latitude, longitude, radius_m)
        box = base.filter(
            latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east
        )
        for report in box:
            if distance_m(latitude, longitude, report.latitude, report.longitude) <= radius_m:
                found[report.pk] = report
    wanted = normalise_address(address)
    if wanted:
        first_word = wanted.split()[0]
        for report in base.filter(address__icontains=first_word).exclude(pk__in=found):
            if normalise_address(report.address) == wanted:
                found[report.pk] = report
    return sorted(found.values(), key=lambda r: r.received_at, reverse=True)


@transaction.atomic
def merge_duplicate(duplicate: Report, original: Report, *, user) -> Report:
    """Close `duplicate` as a copy of `original`; its reporters follow the original from now.

    The duplicate's contacts move to the original as supporters, so the updates they
    asked for keep coming. Returns the original.
    """
    if duplicate.pk == original.pk:
        raise WorkflowError(_("Een melding kan niet met zichzelf samengaan."), field="original")
    # Lock both rows in one fixed order, so two merges the other way round cannot deadlock.
    rows = {
        r.pk: r
        for r in Report.objects.select_for_update()
        .filter(pk__in=[duplicate.pk, original.pk])
        .order_by("pk")
    }
    dup, orig = rows[duplicate.pk], rows[original.pk]
    if not is_open(dup.status):
        raise WorkflowError(_("Melding %(ref)s is al gesloten.") % {"ref": dup.reference})
    if not is_open(orig.status):
        raise WorkflowError(
            _("Melding %(ref)s is gesloten; kies een open melding.") % {"ref": orig.reference},
            field="original",
        )
    public_text = _(
        "Deze melding gaat over hetzelfde als melding %(ref)s. We werken verder aan die "
        "melding en houden u daarover op de hoogte."
    ) % {"ref": orig.reference}
    from_status = dup.status
    dup.status = Status.DUPLICATE
    dup.duplicate_of = orig
    dup.closed_at = timezone.now()
    dup.public_reason = public_text
    dup.save(update_fields=["status", "duplicate_of", "closed_at", "public_reason"])
    # The duplicate's reporters hear about the merge before they move over.
    write_event(
        dup,
        ReportEvent.Kind.MERGED,
        user=user,
        from_status=from_status,
        to_status=Status.DUPLICATE,
        public_text=public_text,
        internal_note=_("Samengevoegd met %(ref)s.") % {"ref": orig.reference},
    )
    moved = ReportContact.objects.filter(report=dup).update(
        report=orig, role=ReportContact.Role.SUPPORTER
    )
    write_event(
        orig,
        ReportEvent.Kind.MERGED,
        user=user,
        internal_note=_("Melding %(ref)s is hiermee samengevoegd (%(n)s contactpersonen).")
        % {"ref": dup.reference, "n": moved},
    )
    sync(duplicate, dup)
    return sync(original, orig)
