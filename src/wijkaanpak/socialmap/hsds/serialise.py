"""Social map rows as HSDS 3 objects (plain dicts, ready for JSON).

A value we do not know is left out, never guessed. Where HSDS requires a field we do not
know (an organisation's description, parts of an address) it is an empty string, and an
optional object is only given when it has something to say.

"Brief" objects carry the one-to-one fields, as in the HSDS list responses; "full" ones
nest their related objects, as in the HSDS detail responses.
"""

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from wijkaanpak.interventions.models import Theme

from .catalogue import service_at_location_id
from .ids import model_id, stable_id
from .schedules import event_schedule, opening_hours_schedule
from .taxonomy import taxonomy_term, term_id


def compact(**fields) -> dict:
    """The fields that have a value: None, "" and [] are left out (0 and False are values)."""
    return {key: value for key, value in fields.items() if value not in (None, "", [])}


def _timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# Organisations


def organization_brief(organisation) -> dict:
    return {
        "id": model_id(organisation),
        "name": organisation.name,
        "description": organisation.description,
    }


def organization_full(organisation, catalogue) -> dict:
    return organization_brief(organisation) | compact(
        services=[service_brief(offer) for offer in catalogue.offers_of(organisation)],
        locations=[location_full(place) for place in catalogue.places_owned_by(organisation)],
    )


# Locations


def _address(place) -> dict | None:
    if not place.address:
        return None
    return {
        "id": stable_id("areas.place.address", place.pk),
        "location_id": model_id(place),
        "address_1": place.address,
        "city": place.city,
        "postal_code": place.postal_code,
        "state_province": place.area.province,
        "country": "NL",
        "address_type": "physical",
    }


def location_brief(place) -> dict:
    page = reverse("socialmap:place", args=[place.area.slug, place.slug])
    return {"id": model_id(place), "location_type": "physical"} | compact(
        url=settings.SITE_URL + page,
        name=place.name,
        organization_id=model_id(place.organisation) if place.organisation else None,
    )


def location_full(place) -> dict:
    location_id = model_id(place)
    address = _address(place)
    return location_brief(place) | compact(
        addresses=[address] if address else None,
        schedules=[opening_hours_schedule(row, location_id) for row in place.opening_hours.all()],
    )


# Services


def _description(offer) -> str:
    return "\n\n".join(text for text in (offer.summary, offer.description) if text)


def _fees_description(offer) -> str | None:
    if offer.costs:
        return offer.costs
    return {True: _("Gratis."), False: _("Niet gratis."), None: None}[offer.is_free]


def _eligibility(offer) -> str:
    parts = []
    if offer.age_range_label:
        parts.append(_("Leeftijd: %(ages)s.") % {"ages": offer.age_range_label})
    if offer.for_parents:
        parts.append(_("Ook of juist voor ouders en opvoeders."))
    return " ".join(parts)


def _last_modified(offer) -> str:
    changes = [offer.updated_at, *(event.updated_at for event in offer.events.all())]
    return _timestamp(max(changes))


def service_brief(offer) -> dict:
    organisation = offer.organisation
    return {"id": model_id(offer), "name": offer.name} | compact(
        organization_id=model_id(organisation) if organisation else None,
        description=_description(offer),
        url=settings.SITE_URL + offer.get_absolute_url(),
        email=offer.email,
        status="active" if offer.is_published else "inactive",
        application_process=offer.how_to_join,
        fees_description=_fees_description(offer),
        eligibility_description=_eligibility(offer),
        minimum_age=offer.age_min,
        maximum_age=offer.age_max,
        alert=_("Voorbeeldgegevens voor de demo, niet uit de bron.") if offer.is_example else None,
        last_modified=_last_modified(offer),
        organization=organization_brief(organisation) if organisation else None,
    )


def _language(offer, code) -> dict:
    try:
        name = str(get_language_info(code)["name_translated"])
    except KeyError:
        name = None
    key = ("socialmap.offer.language", offer.pk, code)
    return {"id": stable_id(*key), "service_id": model_id(offer), "code": code} | compact(name=name)


def _attribute(offer, theme: Theme) -> dict:
    return {
        "id": stable_id("socialmap.offer.theme", offer.pk, theme.value),
        "link_id": model_id(offer),
        "link_entity": "service",
        "taxonomy_term_id": term_id(theme.value),
        "taxonomy_term": taxonomy_term(theme),
    }


def _contact_details(offer) -> dict:
    service_id = model_id(offer)
    phone = {"id": stable_id("socialmap.offer.phone", offer.pk), "service_id": service_id}
    contact = {"id": stable_id("socialmap.offer.contact", offer.pk), "service_id": service_id}
    free = {"id": stable_id("socialmap.offer.cost", offer.pk), "service_id": service_id}
    return compact(
        phones=[phone | {"number": offer.phone}] if offer.phone else None,
        contacts=[contact | {"name": offer.contact_name}] if offer.contact_name else None,
        # Only "free" is a known amount; a price we only have as text stays in fees_description.
        cost_options=[free | {"amount": 0, "currency": "EUR"}] if offer.is_free else None,
    )


def _schedules(offer, place=None) -> list[dict]:
    service_id = model_id(offer)
    return [
        event_schedule(
            event, service_id, service_at_location_id(offer, event.place) if event.place else None
        )
        for event in offer.events.all()
        if place is None or event.place_id == place.pk
    ]


def service_at_location(offer, place, *, location=None, service=False, schedules=True) -> dict:
    """The link of an offer and a place.

    `location` nests the place (location_brief or location_full); `service=True` nests the
    offer's brief service; `schedules` gives the offer's events at the place (not in lists,
    which carry one-to-one fields only).
    """
    return {
        "id": service_at_location_id(offer, place),
        "service_id": model_id(offer),
        "location_id": model_id(place),
    } | compact(
        schedules=_schedules(offer, place) if schedules else None,
        location=location(place) if location else None,
        service=service_brief(offer) if service else None,
    )


def service_full(offer, catalogue) -> dict:
    # dict.fromkeys: a code listed twice is still one object with one id.
    themes = [Theme(code) for code in dict.fromkeys(offer.themes) if code in Theme.values]
    languages = dict.fromkeys(str(code) for code in offer.languages if code)
    return (
        service_brief(offer)
        | _contact_details(offer)
        | compact(
            languages=[_language(offer, code) for code in languages],
            schedules=_schedules(offer),
            service_at_locations=[
                service_at_location(offer, place, location=location_full)
                for place in catalogue.places_of(offer)
            ],
            attributes=[_attribute(offer, theme) for theme in themes],
        )
    )
