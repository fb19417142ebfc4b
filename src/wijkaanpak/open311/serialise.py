"""Our reports and categories in GeoReport v2 terms.

What a GET shows is public: no e-mail address, phone number, name or photo ever, no
free-text place description, and of the address only the street (a house number next to
a report about rats may well be the reporter's own home).
"""

import datetime as dt
import re

from django.utils.translation import gettext as _

from wijkaanpak.reports.domain.workflow import is_open
from wijkaanpak.workdays import AMSTERDAM

NEIGHBOURHOOD_ATTRIBUTE = "neighbourhood"
# A house number: digits, maybe a letter or addition ("12", "12a", "12-3", "12 bis" not).
_HOUSE_NUMBER = re.compile(r"^\d+[a-zA-Z]?([-/]\w+)?$")


def w3(moment: dt.datetime | None) -> str | None:
    """The spec's date format: ISO 8601 with the offset, here in Amsterdam time."""
    if moment is None:
        return None
    return moment.astimezone(AMSTERDAM).isoformat(timespec="seconds")


def end_of_day(day: dt.date) -> str:
    return w3(dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=AMSTERDAM))


def street_only(address: str) -> str | None:
    """'Korfmakerstraat 12a, Vlaardingen' -> 'Korfmakerstraat'; no number, no town."""
    first_part = address.split(",")[0].strip()
    words = []
    for word in first_part.split():
        if words and _HOUSE_NUMBER.match(word):
            break
        words.append(word)
    return " ".join(words) or None


def service(category) -> dict:
    group = category.parent or category
    names = [category.parent.name, category.name] if category.parent else [category.name]
    return {
        "service_code": category.slug,
        "service_name": category.name,
        "description": category.public_description or category.name,
        # True: the definition asks for the neighbourhood (see service_definition).
        "metadata": True,
        "type": "realtime",
        "keywords": ", ".join(names),
        "group": group.name,
    }


def service_definition(category, neighbourhoods) -> dict:
    """The one extra field every service needs here: the neighbourhood of the report.

    Our area is divided into neighbourhoods (quadrants) that the programme reports on; we
    cannot guess one from an address, so the client asks the resident, as any GeoReport
    client does for a required attribute.
    """
    return {
        "service_code": category.slug,
        "attributes": [
            {
                "variable": True,
                "code": NEIGHBOURHOOD_ATTRIBUTE,
                "datatype": "singlevaluelist",
                "required": True,
                "datatype_description": _("Kies de buurt waar het probleem is."),
                "order": 1,
                "description": _("In welke buurt is het?"),
                "values": [{"key": n.slug, "name": n.name} for n in neighbourhoods],
            }
        ],
    }


def _updated(report) -> dt.datetime:
    if not is_open(report.status) and report.closed_at:
        return report.closed_at
    return max(filter(None, [report.received_at, getattr(report, "last_event_at", None)]))


def service_request(report) -> dict:
    """One report as the spec's request; only what may be public."""
    return {
        "service_request_id": report.reference,
        "status": "open" if is_open(report.status) else "closed",
        "status_notes": report.public_reason or None,
        "service_name": report.category.name,
        "service_code": report.category.slug,
        "description": report.description,
        "agency_responsible": report.organisation.name,
        "requested_datetime": w3(report.received_at),
        "updated_datetime": w3(_updated(report)),
        # Our promise: picked up by the end of this working day.
        "expected_datetime": end_of_day(report.pickup_due_on),
        "address": street_only(report.address),
        "lat": report.latitude,
        "long": report.longitude,
        "media_url": None,
    }


def created(report) -> dict:
    return {
        "service_request_id": report.reference,
        "service_notice": _(
            "Bedankt voor uw melding. %(organisation)s pakt de melding uiterlijk op %(date)s op."
        )
        % {
            "organisation": report.organisation.name,
            "date": report.pickup_due_on.strftime("%d-%m-%Y"),
        },
        "account_id": None,
    }
