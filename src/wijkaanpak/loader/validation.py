"""Checks a programme data file completely before the loader writes anything.

Every problem is reported with the path of the key that is wrong, so a person editing the
JSON file can find it. A goal number an intervention *claims* is deliberately not checked:
claims that do not exist are data-quality findings about the source, not loader errors.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from wijkaanpak.areas.models import Neighbourhood, Organisation
from wijkaanpak.areas.validators import RESERVED_SLUGS
from wijkaanpak.interventions.models import EvidenceLevel, Intervention, Theme
from wijkaanpak.programme.models import Indicator, Scope, SourceNote, Target

FORMAT_VERSION = 1
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]+$")


class DataFileError(ValueError):
    """The data file is not valid; nothing has been written."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


# Field specs: name -> (type, required, max_length or choices).
STR, TEXT, SLUG, INT, DATE, DECIMAL, INT_LIST, SLUG_LIST = (
    "str",
    "text",
    "slug",
    "int",
    "date",
    "decimal",
    "int_list",
    "slug_list",
)
THEME_LIST = "theme_list"

AREA = {
    "name": (STR, True, 120),
    "slug": (SLUG, True, 50),
    "municipality": (STR, True, 120),
    "municipality_cbs_code": (STR, False, 6),
    "cbs_code": (STR, False, 10),
    "postcode_area": (STR, False, 20),
    "province": (STR, False, 40),
    "description": (TEXT, False, None),
}
NEIGHBOURHOOD = {
    "slug": (SLUG, True, 50),
    "name": (STR, True, 120),
    "role": (STR, True, Neighbourhood.Role.values),
    "cbs_code": (STR, False, 12),
}
ORGANISATION = {
    "slug": (SLUG, True, 50),
    "name": (STR, True, 160),
    "kind": (STR, True, Organisation.Kind.values),
    "description": (TEXT, False, None),
}
PLACE = {
    "slug": (SLUG, True, 50),
    "name": (STR, True, 160),
    "address": (STR, False, 200),
    "organisation": (SLUG, False, 50),
    "neighbourhood": (SLUG, False, 50),
    "source_reference": (STR, False, 200),
}
PROGRAMME = {
    "edition_year": (INT, True, None),
    "title": (STR, True, 200),
    "ambition": (TEXT, True, None),
    "ambition_summary": (STR, True, 300),
    "starts_on": (DATE, True, None),
    "source_document": (STR, True, 300),
}
HORIZON = {
    "years": (INT, True, None),
    "label": (STR, True, 120),
    "due_on": (DATE, True, None),
    "meaning": (STR, False, 200),
    "source_reference": (STR, False, 200),
}
LINE = {
    "number": (INT, True, None),
    "slug": (SLUG, True, 50),
    "name": (STR, True, 120),
    "ambition": (STR, False, 200),
    "description": (TEXT, False, None),
    "source_reference": (STR, False, 200),
    "goals": ("list", True, None),
}
GOAL = {
    "number": (INT, True, None),
    "text": (TEXT, True, None),
    "source_reference": (STR, False, 200),
}
INDICATOR = {
    "slug": (SLUG, True, 80),
    "line": (INT, True, None),
    "name": (STR, True, 200),
    "kind": (STR, True, Indicator.Kind.values),
    "unit": (STR, True, Indicator.Unit.values),
    "polarity": (STR, True, Indicator.Polarity.values),
    "decimals": (INT, False, None),
    "source_description": (TEXT, False, None),
    "source_reference": (STR, False, 200),
    "metric_key": (STR, False, 80),
    "goals": (INT_LIST, False, None),
    "position": (INT, False, None),
    "reference_values": ("list", False, None),
    "targets": ("list", False, None),
}
REFERENCE_VALUE = {
    "scope": (STR, True, Scope.values),
    "value": (DECIMAL, True, None),
    "reference_date": (DATE, True, None),
    "source": (STR, True, 300),
    "source_reference": (STR, False, 200),
    "note": (TEXT, False, None),
}
TARGET = {
    "horizon": (INT, True, None),
    "value": (DECIMAL, True, None),
    "state": (STR, False, Target.State.values),
    "source": (STR, True, 300),
    "source_reference": (STR, False, 200),
    "rule": (STR, False, 200),
}
SOURCE_NOTE = {
    "key": (SLUG, True, 80),
    "kind": (STR, True, SourceNote.Kind.values),
    "subject": (STR, True, 200),
    "description": (TEXT, True, None),
    "source_text": (TEXT, False, None),
    "source_reference": (STR, False, 200),
}
INTERVENTION = {
    "slug": (SLUG, True, 80),
    "line": (INT, True, None),
    "kind": (STR, True, Intervention.Kind.values),
    "number": (INT, False, None),
    "name": (STR, True, 200),
    "description": (TEXT, False, None),
    "theme": (STR, False, 120),
    "age_min": (INT, False, None),
    "age_max": (INT, False, None),
    "age_in_text": (STR, False, 120),
    "age_min_in_text": (INT, False, None),
    "age_max_in_text": (INT, False, None),
    "claimed_goal_numbers": (INT_LIST, False, None),
    "goal_numbers": (INT_LIST, False, None),
    "partners": (SLUG_LIST, False, None),
    "places": (SLUG_LIST, False, None),
    "status": (STR, False, Intervention.Status.values),
    "source_reference": (STR, False, 200),
    "position": (INT, False, None),
    # Optional since issue 4: who leads it, for which themes, when, how often, how well founded.
    "themes": (THEME_LIST, False, None),
    "lead_partner": (SLUG, False, 50),
    "starts_on": (DATE, False, None),
    "ends_on": (DATE, False, None),
    "recurrence": (STR, False, 120),
    "planned_capacity": (INT, False, None),
    "evidence_level": (STR, False, EvidenceLevel.values),
    "databank_reference": (STR, False, 300),
}
TOP_LEVEL = {
    "format_version": (INT, True, None),
    "area": ("dict", True, None),
    "neighbourhoods": ("list", False, None),
    "organisations": ("list", False, None),
    "places": ("list", False, None),
    "programme": ("dict", True, None),
    "horizons": ("list", True, None),
    "lines": ("list", True, None),
    "indicators": ("list", False, None),
    "source_notes": ("list", False, None),
    "interventions": ("list", False, None),
}


def to_decimal(value: Any) -> Decimal:
    # Floats are refused: a value such as 7.1 must reach the database exactly as written.
    if isinstance(value, bool | float):
        raise InvalidOperation
    result = Decimal(str(value)) if isinstance(value, int | str) else value
    if not isinstance(result, Decimal) or not result.is_finite():
        raise InvalidOperation
    return result


def to_date(value: Any) -> datetime.date:
    return datetime.date.fromisoformat(value)


@dataclass
class _Collector:
    errors: list[str] = field(default_factory=list)

    def add(self, path: str, message: str) -> None:
        self.errors.append(f"{path}: {message}")

    def check_value(self, path: str, value: Any, kind: str, limit: Any) -> None:
        if value is None:
            return
        if kind in (STR, TEXT, SLUG):
            if not isinstance(value, str):
                self.add(path, _("moet tekst zijn"))
                return
            if kind == SLUG and not SLUG_RE.match(value):
                self.add(
                    path,
                    _("'%(value)s' is geen geldige sleutel (alleen a-z, 0-9 en -)")
                    % {"value": value},
                )
            if isinstance(limit, int) and len(value) > limit:
                self.add(
                    path,
                    _("is %(length)d tekens lang; het maximum is %(limit)d")
                    % {"length": len(value), "limit": limit},
                )
            if isinstance(limit, list) and value not in limit:
                self.add(
                    path,
                    _("onbekende waarde '%(value)s'; toegestaan: %(allowed)s")
                    % {"value": value, "allowed": ", ".join(limit)},
                )
        elif kind == INT:
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                self.add(path, _("moet een heel getal van 0 of meer zijn"))
        elif kind == DATE:
            try:
                to_date(value)
            except (TypeError, ValueError):
                self.add(
                    path, _("'%(value)s' is geen datum (schrijf JJJJ-MM-DD)") % {"value": value}
                )
        elif kind == DECIMAL:
            try:
                to_decimal(value)
            except (InvalidOperation, TypeError, ValueError):
                self.add(
                    path,
                    _("'%(value)s' is geen getal; schrijf getallen als tekst, bijvoorbeeld \"7.1\"")
                    % {"value": value},
                )
        elif kind == THEME_LIST:
            self.check_themes(path, value)
        elif kind in (INT_LIST, SLUG_LIST):
            if not isinstance(value, list):
                self.add(path, _("moet een lijst zijn"))
                return
            for i, item in enumerate(value):
                self.check_value(f"{path}[{i}]", item, INT if kind == INT_LIST else SLUG, None)
        elif kind == "list" and not isinstance(value, list):
            self.add(path, _("moet een lijst zijn"))
        elif kind == "dict" and not isinstance(value, dict):
            self.add(path, _("moet een object zijn"))

    def check_themes(self, path: str, value: Any) -> None:
        if not isinstance(value, list):
            self.add(path, _("moet een lijst zijn"))
            return
        seen = set()
        for i, code in enumerate(value):
            if code not in Theme.values:
                self.add(
                    f"{path}[{i}]",
                    _("onbekend thema '%(value)s'; toegestaan: %(allowed)s")
                    % {"value": code, "allowed": ", ".join(Theme.values)},
                )
            elif code in seen:
                self.add(
                    f"{path}[{i}]", _("thema '%(value)s' staat er twee keer") % {"value": code}
                )
            else:
                seen.add(code)

    def check_object(self, path: str, obj: Any, spec: dict) -> bool:
        if not isinstance(obj, dict):
            self.add(path, _("moet een object zijn"))
            return False
        for key in obj:
            if key not in spec:
                self.add(f"{path}.{key}", _("onbekend veld"))
        for key, (kind, required, limit) in spec.items():
            value = obj.get(key)
            if required and (value is None or value == ""):
                self.add(f"{path}.{key}", _("verplicht veld ontbreekt"))
                continue
            self.check_value(f"{path}.{key}", value, kind, limit)
        return True

    def check_list(self, name: str, items: Any, spec: dict, key: str) -> list[tuple[str, dict]]:
        """Check each item; return (path, item) pairs of valid objects, flagging duplicate keys."""
        if not isinstance(items, list):
            return []
        seen: set = set()
        valid = []
        for i, item in enumerate(items):
            label = item.get(key) if isinstance(item, dict) else None
            path = f"{name}[{i}]" + (f" ({label})" if label is not None else "")
            if not self.check_object(path, item, spec):
                continue
            if label in seen:
                self.add(f"{path}.{key}", _("'%(value)s' komt twee keer voor") % {"value": label})
            seen.add(label)
            valid.append((path, item))
        return valid


def validate(data: Any) -> None:
    """Raise DataFileError listing every problem in ``data``; return quietly if it is valid."""
    c = _Collector()
    if not c.check_object("(bestand)", data, TOP_LEVEL):
        raise DataFileError(c.errors)
    if data.get("format_version") not in (None, FORMAT_VERSION):
        c.add(
            "format_version",
            _("versie %(version)s wordt niet ondersteund; verwacht %(expected)d")
            % {"version": data["format_version"], "expected": FORMAT_VERSION},
        )
    if isinstance(data.get("area"), dict):
        c.check_object("area", data["area"], AREA)
        if data["area"].get("slug") in RESERVED_SLUGS:
            c.add("area.slug", _("'%(slug)s' is een vast deel van de website") % data["area"])
    if isinstance(data.get("programme"), dict):
        c.check_object("programme", data["programme"], PROGRAMME)

    neighbourhoods = {
        i["slug"]
        for _p, i in c.check_list(
            "neighbourhoods", data.get("neighbourhoods", []), NEIGHBOURHOOD, "slug"
        )
    }
    organisations = c.check_list(
        "organisations", data.get("organisations", []), ORGANISATION, "slug"
    )
    organisation_slugs = {i["slug"] for _p, i in organisations}
    _check_organisation_names(c, organisations)
    places = c.check_list("places", data.get("places", []), PLACE, "slug")
    place_slugs = {i["slug"] for _p, i in places}
    for path, place in places:
        if place.get("organisation") and place["organisation"] not in organisation_slugs:
            c.add(
                f"{path}.organisation",
                _("onbekende organisatie '%(slug)s'") % {"slug": place["organisation"]},
            )
        if place.get("neighbourhood") and place["neighbourhood"] not in neighbourhoods:
            c.add(
                f"{path}.neighbourhood",
                _("onbekende buurt '%(slug)s'") % {"slug": place["neighbourhood"]},
            )

    horizons = {
        i["years"] for _p, i in c.check_list("horizons", data.get("horizons", []), HORIZON, "years")
    }
    goals_per_line: dict[int, set[int]] = {}
    for path, line in c.check_list("lines", data.get("lines", []), LINE, "number"):
        goals = c.check_list(f"{path}.goals", line.get("goals", []), GOAL, "number")
        goals_per_line[line["number"]] = {g["number"] for _p, g in goals}
    _check_unique_field(c, "lines", data.get("lines", []), "slug")

    def check_line_and_goals(path: str, item: dict, goals_key: str) -> None:
        line = item.get("line")
        if line not in goals_per_line:
            c.add(f"{path}.line", _("onbekende lijn %(line)s") % {"line": line})
            return
        for number in item.get(goals_key) or []:
            if number not in goals_per_line[line]:
                c.add(
                    f"{path}.{goals_key}",
                    _("lijn %(line)s heeft geen doel %(goal)s") % {"line": line, "goal": number},
                )

    for path, indicator in c.check_list(
        "indicators", data.get("indicators", []), INDICATOR, "slug"
    ):
        check_line_and_goals(path, indicator, "goals")
        c.check_list(
            f"{path}.reference_values",
            indicator.get("reference_values", []),
            REFERENCE_VALUE,
            "scope",
        )
        for t_path, target in c.check_list(
            f"{path}.targets", indicator.get("targets", []), TARGET, "horizon"
        ):
            if target["horizon"] not in horizons:
                c.add(
                    f"{t_path}.horizon",
                    _("onbekende horizon van %(years)s jaar") % {"years": target["horizon"]},
                )

    c.check_list("source_notes", data.get("source_notes", []), SOURCE_NOTE, "key")

    for path, item in c.check_list(
        "interventions", data.get("interventions", []), INTERVENTION, "slug"
    ):
        # Only our own goal links must exist; claimed_goal_numbers are kept as the source says.
        check_line_and_goals(path, item, "goal_numbers")
        for slug in item.get("partners") or []:
            if slug not in organisation_slugs:
                c.add(f"{path}.partners", _("onbekende organisatie '%(slug)s'") % {"slug": slug})
        for slug in item.get("places") or []:
            if slug not in place_slugs:
                c.add(f"{path}.places", _("onbekende vindplek '%(slug)s'") % {"slug": slug})
        age_min, age_max = item.get("age_min"), item.get("age_max")
        if isinstance(age_min, int) and isinstance(age_max, int) and age_min > age_max:
            c.add(f"{path}.age_min", _("leeftijd vanaf is hoger dan leeftijd tot en met"))
        _check_lifecycle(c, path, item, organisation_slugs)
    if c.errors:
        raise DataFileError(c.errors)


def _check_unique_field(c: _Collector, name: str, items: Any, key: str) -> None:
    seen: set = set()
    for i, item in enumerate(items if isinstance(items, list) else []):
        value = item.get(key) if isinstance(item, dict) else None
        if value is not None and value in seen:
            c.add(f"{name}[{i}].{key}", _("'%(value)s' komt twee keer voor") % {"value": value})
        seen.add(value)


def _check_organisation_names(c: _Collector, organisations: list[tuple[str, dict]]) -> None:
    # Names are unique across all areas: a name taken by another slug would fail mid-load.
    names = {item["name"]: (path, item["slug"]) for path, item in organisations}
    _check_unique_field(c, "organisations", [item for _p, item in organisations], "name")
    for name, slug in Organisation.objects.filter(name__in=names).values_list("name", "slug"):
        path, wanted = names[name]
        if slug != wanted:
            c.add(
                f"{path}.name",
                _("de naam '%(name)s' is al in gebruik bij organisatie '%(slug)s'")
                % {"name": name, "slug": slug},
            )


PERIOD = ("starts_on", "ends_on")


def _check_lifecycle(c: _Collector, path: str, item: dict, organisation_slugs: set) -> None:
    lead = item.get("lead_partner")
    if isinstance(lead, str) and lead and lead not in organisation_slugs:
        c.add(f"{path}.lead_partner", _("onbekende organisatie '%(slug)s'") % {"slug": lead})
    try:
        starts_on, ends_on = (to_date(item[k]) if item.get(k) else None for k in PERIOD)
    except (TypeError, ValueError):
        return  # already reported as a bad date
    if starts_on and ends_on and starts_on > ends_on:
        c.add(f"{path}.ends_on", _("het einde ligt voor de start"))
