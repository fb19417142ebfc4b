"""Example offers for a first run (`make run`): the programme's own activities with made-up
days, times and places, so search, agenda and referrals can be tried. Every offer loaded here
is marked `is_example`, and the pages say so. Never loaded in production.
"""

import datetime as dt
import json
from pathlib import Path

from django.db import transaction

from wijkaanpak import workdays
from wijkaanpak.areas.models import Area, Neighbourhood, Organisation, Place
from wijkaanpak.interventions.models import Intervention
from wijkaanpak.socialmap.models import Event, Offer, OpeningHours

DEMO_FILE = Path(__file__).parent / "data" / "westwijk-demo.json"
SOURCE = "Voorbeeldgegevens voor de demo: dagen, tijden en plekken zijn verzonnen"


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def _first_start(weekday: int, start: dt.time, today: dt.date) -> dt.datetime:
    """The first time on `weekday` from the Monday of this week, in Amsterdam."""
    monday = today - dt.timedelta(days=today.weekday())
    day = monday + dt.timedelta(days=weekday)
    return dt.datetime.combine(day, start, tzinfo=workdays.AMSTERDAM)


def _next_start(weekday: int, start: dt.time, today: dt.date) -> dt.datetime:
    """A one-off date: the next `weekday` from today on."""
    day = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    return dt.datetime.combine(day, start, tzinfo=workdays.AMSTERDAM)


def _places(area: Area, rows: list[dict]) -> None:
    for row in rows:
        neighbourhood = (
            Neighbourhood.objects.get(area=area, slug=row["neighbourhood"])
            if row.get("neighbourhood")
            else None
        )
        place, created = Place.objects.get_or_create(
            area=area,
            slug=row["slug"],
            defaults={"name": row["name"], "neighbourhood": neighbourhood, "city": row["city"]},
        )
        if created:
            for weekday, opens, closes in row["opening_hours"]:
                OpeningHours.objects.create(
                    place=place, weekday=weekday, opens_at=_time(opens), closes_at=_time(closes)
                )


def _events(offer: Offer, rows: list[dict], today: dt.date) -> None:
    for row in rows:
        # The key sits in the description's first line, so a second load finds the event.
        marker = f"[voorbeeld:{row['key']}]"
        if offer.events.filter(description__startswith=marker).exists():
            continue
        first = _first_start if row["rrule"] else _next_start
        starts_at = first(row["weekday"], _time(row["start"]), today)
        ends_at = starts_at.replace(hour=_time(row["end"]).hour, minute=_time(row["end"]).minute)
        Event.objects.create(
            offer=offer,
            place=Place.objects.get(area=offer.area, slug=row["place"]),
            description=marker,
            starts_at=starts_at,
            ends_at=ends_at,
            recurrence_rule=row["rrule"],
        )


@transaction.atomic
def load_demo(path: Path = DEMO_FILE, today: dt.date | None = None) -> int:
    """Load the example offers; returns how many offers were new. Idempotent."""
    data = json.loads(path.read_text(encoding="utf-8"))
    today = today or workdays.today()
    area = Area.objects.get(slug=data["area"])
    for row in data["organisations"]:
        organisation, _ = Organisation.objects.get_or_create(
            slug=row["slug"],
            defaults={"name": row["name"], "kind": row["kind"], "description": row["description"]},
        )
        organisation.areas.add(area)
    _places(area, data["places"])
    new = 0
    for row in data["offers"]:
        intervention = (
            Intervention.objects.filter(programme__area=area, slug=row["intervention"])
            .order_by("-programme__edition_year")
            .first()
            if row.get("intervention")
            else None
        )
        offer, created = Offer.objects.get_or_create(
            area=area,
            slug=row["slug"],
            defaults={
                "kind": Offer.Kind.INTERVENTION if intervention else Offer.Kind.SERVICE,
                "intervention": intervention,
                "organisation": Organisation.objects.get(slug=row["organisation"]),
                "name": row["name"],
                "summary": row["summary"],
                "description": intervention.description if intervention else "",
                "age_min": row.get("age_min"),
                "age_max": row.get("age_max"),
                "for_parents": row.get("for_parents", False),
                "themes": row["themes"],
                "is_free": row.get("is_free"),
                "costs": row.get("costs", ""),
                "how_to_join": row.get("how_to_join", ""),
                "languages": row.get("languages", []),
                "accepts_referrals": row.get("accepts_referrals", False),
                "is_example": True,
                "source": SOURCE,
            },
        )
        if created:
            new += 1
            offer.places.set(Place.objects.filter(area=area, slug__in=row.get("places", [])))
        _events(offer, row["events"], today)
    return new
