"""Fixtures of the HSDS tests: a strict HSDS 3 validator and a small social map.

The validator reads the HSDS JSON schemas bundled in wijkaanpak/socialmap/hsds/schemas and
is strict as the upstream check is: every object schema with properties forbids other
properties. On top of the schemas it checks what HSDS only states as tabular
("datapackage") types, dates and times, and the formats uuid, email, uri and date-time.
"""

import copy
import datetime as dt
import json
import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from wijkaanpak.areas.models import Organisation, Place
from wijkaanpak.interventions.models import Theme
from wijkaanpak.socialmap.hsds import schedules
from wijkaanpak.socialmap.models import Event, Offer, OpeningHours
from wijkaanpak.workdays import AMSTERDAM

SCHEMAS = Path(schedules.__file__).resolve().parent / "schemas"
# The schemas have no $id; they refer to each other by file name, resolved against this.
BASE = "https://hsds.invalid/schema/"
TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?(Z|[+-][0-9]{2}:[0-9]{2})?")


def strict(node):
    """Forbid additional properties on every object schema that lists its properties."""
    if isinstance(node, dict):
        if "properties" in node:
            node["additionalProperties"] = False
        for value in node.values():
            strict(value)
    elif isinstance(node, list):
        for value in node:
            strict(value)
    return node


def _tabular_type(validator, kind, instance, schema):
    if not isinstance(instance, str):
        return
    try:
        if kind == "date":
            dt.date.fromisoformat(instance)
        elif kind == "datetime":
            dt.datetime.fromisoformat(instance)
        elif kind == "time" and not TIME.fullmatch(instance):
            raise ValueError
    except ValueError:
        yield ValidationError(f"{instance!r} is not a valid {kind}")


def _format_checker() -> FormatChecker:
    checker = FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def date_time(value):
        if not isinstance(value, str):
            return True
        return "T" in value and dt.datetime.fromisoformat(value).tzinfo is not None

    @checker.checks("uri", raises=ValueError)
    def uri(value):
        return not isinstance(value, str) or bool(urlsplit(value).scheme)

    return checker


StrictValidator = validators.extend(Draft202012Validator, {"datapackage_type": _tabular_type})


class HSDSValidator:
    def __init__(self):
        resources = []
        for path in sorted(SCHEMAS.glob("*.json")) + sorted(SCHEMAS.glob("compiled/*.json")):
            if path.name == "openapi.json":
                continue
            contents = strict(json.loads(path.read_text(encoding="utf-8")))
            uri = BASE + path.relative_to(SCHEMAS).as_posix()
            resources.append((uri, Resource(contents=contents, specification=DRAFT202012)))
        self.registry = Registry().with_resources(resources)
        openapi = json.loads((SCHEMAS / "openapi.json").read_text(encoding="utf-8"))
        self.page_schema = openapi["components"]["schemas"]["Page"]
        self.root_schema = openapi["paths"]["/"]["get"]["responses"]["200"]["content"][
            "application/json"
        ]["schema"]
        self.checker = _format_checker()

    def _errors(self, schema: dict, document) -> list[str]:
        validator = StrictValidator(schema, registry=self.registry, format_checker=self.checker)
        return [
            f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
            for error in validator.iter_errors(document)
        ]

    def errors(self, document, schema_file: str) -> list[str]:
        """Against one HSDS schema file, e.g. "compiled/service.json" or "location.json"."""
        return self._errors({"$ref": BASE + schema_file}, document)

    def page_errors(self, document, item_file: str) -> list[str]:
        """Against the HSDS list shape (openapi.json's Page) with `item_file` contents."""
        envelope = copy.deepcopy(self.page_schema)
        envelope["properties"]["contents"] = {"type": "array", "items": {"$ref": BASE + item_file}}
        envelope["required"] = list(envelope["properties"])
        return self._errors(strict(envelope), document)

    def root_errors(self, document) -> list[str]:
        return self._errors(strict(copy.deepcopy(self.root_schema)), document)

    def export_errors(self, document) -> list[str]:
        """Against our export document: each list holds objects of one HSDS schema."""
        lists = {
            "organizations": "compiled/organization.json",
            "services": "compiled/service.json",
            "locations": "location.json",
            "service_at_locations": "compiled/service_at_location.json",
            "taxonomies": "taxonomy.json",
            "taxonomy_terms": "taxonomy_term.json",
        }
        properties = {
            "version": {"const": "3.0"},
            "area": {"type": "string"},
        } | {key: {"type": "array", "items": {"$ref": BASE + file}} for key, file in lists.items()}
        schema = {"type": "object", "properties": properties, "required": list(properties)}
        return self._errors(strict(schema), document)


@pytest.fixture(scope="session")
def hsds_validator():
    return HSDSValidator()


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=AMSTERDAM)


@pytest.fixture
def hsds_map(westwijk):
    """Four offers in the Westwijk: three published, one not.

    - "Zwemles": free, at the IKC (with an address and opening hours), weekly on Wednesday
      14:00-15:30 from 2 September to the end of 2026, one date cancelled, and a one-off
      open day at a community centre without an address;
    - "Taalcafé": costs unknown, no organisation, no events, at the IKC;
    - "Sport op zaterdag": paid (a price in words), monthly on the first Saturday;
    - "Verborgen": not published, by an organisation and at a place that only it has.
    """
    area = westwijk.area
    area.province = "Zuid-Holland"
    area.save()
    ikc = Place.objects.get(area=area, slug="ikc-de-wereldwijzer")
    ikc.address, ikc.postal_code, ikc.city = "Wetering 1", "3132 AA", "Vlaardingen"
    ikc.save()
    OpeningHours.objects.create(
        place=ikc, weekday=0, opens_at=dt.time(8, 30), closes_at=dt.time(17, 0)
    )
    OpeningHours.objects.create(
        place=ikc, weekday=2, opens_at=dt.time(8, 30), closes_at=dt.time(12, 30), note="Ochtend"
    )
    buurthuis = Place.objects.create(area=area, name="Buurthuis De Wetering", slug="buurthuis")
    hidden_place = Place.objects.create(area=area, name="Geheime plek", slug="geheime-plek")
    welfare = Organisation.objects.create(name="Zwemclub Westwijk", slug="zwemclub")
    hidden_org = Organisation.objects.create(name="Verborgen partner", slug="verborgen")

    swim = Offer.objects.create(
        area=area,
        kind=Offer.Kind.SERVICE,
        organisation=welfare,
        name="Zwemles",
        slug="zwemles",
        summary="Leren zwemmen met andere kinderen.",
        description="In kleine groepen, met een diploma aan het eind.",
        age_min=4,
        age_max=12,
        for_parents=True,
        themes=[Theme.LEISURE.value, Theme.CARE.value],
        is_free=True,
        how_to_join="Meld je aan bij de balie.",
        contact_name="Fatima",
        email="zwemles@example.org",
        phone="010 123 45 67",
        languages=["nl", "ar"],
    )
    swim.places.set([ikc])
    weekly = Event.objects.create(
        offer=swim,
        place=ikc,
        starts_at=_at(dt.date(2026, 9, 2), 14),
        ends_at=_at(dt.date(2026, 9, 2), 15, 30),
        recurrence_rule="FREQ=WEEKLY;BYDAY=WE;UNTIL=20261231T235959Z",
        cancelled_dates=["2026-10-21"],
    )
    open_day = Event.objects.create(
        offer=swim,
        place=buurthuis,
        title="Open dag",
        starts_at=_at(dt.date(2026, 11, 14), 10),
        ends_at=_at(dt.date(2026, 11, 14), 12),
    )
    language_cafe = Offer.objects.create(
        area=area,
        kind=Offer.Kind.SERVICE,
        name="Taalcafé",
        slug="taalcafe",
        summary="Samen Nederlands praten.",
        themes=[Theme.EDUCATION.value],
        is_free=None,
    )
    language_cafe.places.set([ikc])
    sport = Offer.objects.create(
        area=area,
        kind=Offer.Kind.SERVICE,
        organisation=welfare,
        name="Sport op zaterdag",
        slug="sport",
        summary="Sporten in de gymzaal.",
        themes=[Theme.LEISURE.value],
        is_free=False,
        costs="€ 2,50 per keer",
    )
    Event.objects.create(
        offer=sport,
        starts_at=_at(dt.date(2026, 9, 5), 10),
        ends_at=_at(dt.date(2026, 9, 5), 11),
        recurrence_rule="FREQ=MONTHLY;BYDAY=1SA;COUNT=4",
    )
    hidden = Offer.objects.create(
        area=area,
        kind=Offer.Kind.SERVICE,
        organisation=hidden_org,
        name="Verborgen",
        slug="verborgen",
        summary="Niet openbaar.",
        is_published=False,
    )
    hidden.places.set([hidden_place])
    return SimpleNamespace(
        area=area,
        ikc=ikc,
        buurthuis=buurthuis,
        hidden_place=hidden_place,
        welfare=welfare,
        hidden_org=hidden_org,
        swim=swim,
        weekly=weekly,
        open_day=open_day,
        language_cafe=language_cafe,
        sport=sport,
        hidden=hidden,
    )
