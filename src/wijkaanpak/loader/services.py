"""Load a programme from structured data (a JSON file) into the database.

The load is an upsert on natural keys, so it can run again and again: a second run of the
same file changes nothing. Rows that are not in the file are never deleted, measurements are
never touched, and a target a coordinator has confirmed is never overwritten.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from wijkaanpak.areas.models import Area, Neighbourhood, Organisation, Place
from wijkaanpak.interventions.models import Intervention
from wijkaanpak.programme.models import (
    Goal,
    Horizon,
    Indicator,
    Programme,
    ProgrammeLine,
    ReferenceValue,
    SourceNote,
    Target,
)

from .validation import DataFileError, to_date, to_decimal, validate

__all__ = ["DataFileError", "LoadResult", "ModelCounts", "load_programme", "read_data_file"]

DATA_DIR = Path(__file__).resolve().parent / "data"

CREATED, UPDATED, UNCHANGED, SKIPPED = "created", "updated", "unchanged", "skipped"


@dataclass
class ModelCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0


@dataclass
class LoadResult:
    programme: Programme | None = None
    counts: dict[str, ModelCounts] = field(default_factory=dict)

    def count(self, model: type[models.Model], outcome: str) -> None:
        counts = self.counts.setdefault(model.__name__, ModelCounts())
        setattr(counts, outcome, getattr(counts, outcome) + 1)

    def total(self, outcome: str) -> int:
        return sum(getattr(c, outcome) for c in self.counts.values())

    @property
    def changed(self) -> bool:
        return bool(self.total(CREATED) or self.total(UPDATED))

    def summary(self) -> str:
        return _(
            "%(programme)s: %(created)d nieuw, %(updated)d bijgewerkt, %(unchanged)d ongewijzigd, "
            "%(skipped)d overgeslagen (bevestigd door een coördinator)"
        ) % {
            "programme": self.programme,
            "created": self.total(CREATED),
            "updated": self.total(UPDATED),
            "unchanged": self.total(UNCHANGED),
            "skipped": self.total(SKIPPED),
        }


def read_data_file(path: str | Path) -> dict:
    """Read a data file; numbers written as JSON numbers become Decimal, never float."""
    with open(path, encoding="utf-8") as fh:
        return json.load(fh, parse_float=to_decimal)


def bundled_data_files() -> list[Path]:
    return sorted(DATA_DIR.glob("*.json"))


class _Upserter:
    def __init__(self, result: LoadResult):
        self.result = result

    def save(
        self,
        model: type[models.Model],
        existing: dict,
        key: Any,
        lookup: dict,
        values: dict,
        m2m: dict[str, Iterable[int]] | None = None,
        create_only: dict | None = None,
    ) -> models.Model:
        """Create or update one row; ``values`` use attnames (``line_id``) to compare cheaply.

        ``create_only`` fields are set when the row is new and then left alone: they hold
        state people change in the application afterwards.
        """
        obj = existing.get(key)
        if obj is None:
            obj = model.objects.create(**lookup, **values, **(create_only or {}))
            existing[key] = obj
            for name, ids in (m2m or {}).items():
                getattr(obj, name).set(ids)
            self.result.count(model, CREATED)
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        for name in changed:
            setattr(obj, name, values[name])
        if changed:
            obj.save(update_fields=changed)
        for name, ids in (m2m or {}).items():
            wanted = set(ids)
            if {related.pk for related in getattr(obj, name).all()} != wanted:
                getattr(obj, name).set(wanted)
                changed.append(name)
        self.result.count(model, UPDATED if changed else UNCHANGED)
        return obj


def load_programme(data: dict) -> LoadResult:
    """Validate ``data`` completely, then upsert it in one transaction."""
    validate(data)
    result = LoadResult()
    with transaction.atomic():
        _Loader(data, _Upserter(result)).run()
    return result


class _Loader:
    def __init__(self, data: dict, upserter: _Upserter):
        self.data = data
        self.up = upserter

    def run(self) -> None:
        self.area = self._area()
        self.neighbourhoods = self._neighbourhoods()
        self.organisations = self._organisations()
        self.places = self._places()
        self.programme = self._programme()
        self.up.result.programme = self.programme
        self.horizons = self._horizons()
        self.lines, self.goals = self._lines_and_goals()
        self._indicators()
        self._source_notes()
        self._interventions()

    def _area(self) -> Area:
        item = self.data["area"]
        existing = {a.slug: a for a in Area.objects.filter(slug=item["slug"])}
        values = _fields(
            item,
            [
                "name",
                "municipality",
                "municipality_cbs_code",
                "cbs_code",
                "postcode_area",
                "province",
                "description",
            ],
        )
        return self.up.save(Area, existing, item["slug"], {"slug": item["slug"]}, values)

    def _neighbourhoods(self) -> dict[str, Neighbourhood]:
        existing = {n.slug: n for n in self.area.neighbourhoods.all()}
        for item in self.data.get("neighbourhoods", []):
            values = _fields(item, ["name", "role", "cbs_code"])
            self.up.save(
                Neighbourhood,
                existing,
                item["slug"],
                {"area": self.area, "slug": item["slug"]},
                values,
            )
        return existing

    def _organisations(self) -> dict[str, Organisation]:
        items = self.data.get("organisations", [])
        existing = {
            o.slug: o
            for o in Organisation.objects.filter(
                slug__in=[i["slug"] for i in items]
            ).prefetch_related("areas")
        }
        for item in items:
            obj = existing.get(item["slug"])
            # An organisation works in several areas; loading one area never drops another.
            areas = {a.pk for a in obj.areas.all()} if obj else set()
            self.up.save(
                Organisation,
                existing,
                item["slug"],
                {"slug": item["slug"]},
                _fields(item, ["name", "kind", "description"]),
                m2m={"areas": areas | {self.area.pk}},
            )
        return existing

    def _places(self) -> dict[str, Place]:
        existing = {p.slug: p for p in self.area.places.all()}
        for item in self.data.get("places", []):
            values = _fields(item, ["name", "address"])
            values["organisation_id"] = self._pk(self.organisations, item.get("organisation"))
            values["neighbourhood_id"] = self._pk(self.neighbourhoods, item.get("neighbourhood"))
            self.up.save(
                Place, existing, item["slug"], {"area": self.area, "slug": item["slug"]}, values
            )
        return existing

    def _programme(self) -> Programme:
        item = self.data["programme"]
        year = item["edition_year"]
        existing = {p.edition_year: p for p in self.area.programmes.filter(edition_year=year)}
        values = _fields(item, ["title", "ambition", "ambition_summary", "source_document"])
        values["starts_on"] = to_date(item["starts_on"])
        return self.up.save(
            Programme, existing, year, {"area": self.area, "edition_year": year}, values
        )

    def _horizons(self) -> dict[int, Horizon]:
        existing = {h.years: h for h in self.programme.horizons.all()}
        for item in self.data["horizons"]:
            values = _fields(item, ["label", "meaning"])
            values["due_on"] = to_date(item["due_on"])
            self.up.save(
                Horizon,
                existing,
                item["years"],
                {"programme": self.programme, "years": item["years"]},
                values,
            )
        return existing

    def _lines_and_goals(self) -> tuple[dict[int, ProgrammeLine], dict[tuple[int, int], Goal]]:
        lines = {line.number: line for line in self.programme.lines.all()}
        goals = {
            (g.line.number, g.number): g
            for g in Goal.objects.filter(line__programme=self.programme).select_related("line")
        }
        for item in self.data["lines"]:
            values = _fields(item, ["slug", "name", "ambition", "description", "source_reference"])
            line = self.up.save(
                ProgrammeLine,
                lines,
                item["number"],
                {"programme": self.programme, "number": item["number"]},
                values,
            )
            for goal in item["goals"]:
                self.up.save(
                    Goal,
                    goals,
                    (line.number, goal["number"]),
                    {"line": line, "number": goal["number"]},
                    _fields(goal, ["text", "source_reference"]),
                )
        return lines, goals

    def _goal_ids(self, line: int, numbers: Iterable[int]) -> set[int]:
        return {self.goals[(line, n)].pk for n in numbers if (line, n) in self.goals}

    def _indicators(self) -> None:
        existing = {i.slug: i for i in self.programme.indicators.prefetch_related("goals")}
        references = {
            (r.indicator_id, r.scope): r
            for r in ReferenceValue.objects.filter(indicator__programme=self.programme)
        }
        targets = {
            (t.indicator_id, t.horizon_id): t
            for t in Target.objects.filter(indicator__programme=self.programme)
        }
        for item in self.data.get("indicators", []):
            values = _fields(
                item,
                [
                    "name",
                    "kind",
                    "unit",
                    "polarity",
                    "decimals",
                    "source_description",
                    "source_reference",
                    "metric_key",
                    "position",
                ],
            )
            values["line_id"] = self.lines[item["line"]].pk
            indicator = self.up.save(
                Indicator,
                existing,
                item["slug"],
                {"programme": self.programme, "slug": item["slug"]},
                values,
                m2m={"goals": self._goal_ids(item["line"], item.get("goals", []))},
            )
            for ref in item.get("reference_values", []):
                values = _fields(ref, ["source", "source_reference", "note"])
                values["value"] = to_decimal(ref["value"])
                values["reference_date"] = to_date(ref["reference_date"])
                self.up.save(
                    ReferenceValue,
                    references,
                    (indicator.pk, ref["scope"]),
                    {"indicator": indicator, "scope": ref["scope"]},
                    values,
                )
            for target in item.get("targets", []):
                self._target(targets, indicator, target)

    def _target(self, targets: dict, indicator: Indicator, item: dict) -> None:
        horizon = self.horizons[item["horizon"]]
        current = targets.get((indicator.pk, horizon.pk))
        if current and current.state == Target.State.AGREED and current.confirmed_by_id:
            # A coordinator's confirmed decision outranks the file.
            self.up.result.count(Target, SKIPPED)
            return
        values = _fields(item, ["source", "source_reference", "rule"])
        values["value"] = to_decimal(item["value"])
        values["state"] = item.get("state") or Target.State.AGREED
        self.up.save(
            Target,
            targets,
            (indicator.pk, horizon.pk),
            {"indicator": indicator, "horizon": horizon},
            values,
        )

    def _source_notes(self) -> None:
        existing = {n.key: n for n in self.programme.source_notes.all()}
        for item in self.data.get("source_notes", []):
            values = _fields(
                item, ["kind", "subject", "description", "source_text", "source_reference"]
            )
            self.up.save(
                SourceNote,
                existing,
                item["key"],
                {"programme": self.programme, "key": item["key"]},
                values,
            )

    def _interventions(self) -> None:
        existing = {
            i.slug: i
            for i in self.programme.interventions.prefetch_related("goals", "partners", "places")
        }
        for item in self.data.get("interventions", []):
            values = _fields(
                item,
                [
                    "kind",
                    "number",
                    "name",
                    "description",
                    "theme",
                    "age_min",
                    "age_max",
                    "age_in_text",
                    "age_min_in_text",
                    "age_max_in_text",
                    "source_reference",
                    "position",
                ],
            )
            values["line_id"] = self.lines[item["line"]].pk
            values["claimed_goal_numbers"] = list(item.get("claimed_goal_numbers") or [])
            # Goals are linked where they exist; a claimed goal that does not exist stays
            # only in claimed_goal_numbers, where the data-quality checks find it.
            numbers = [*values["claimed_goal_numbers"], *(item.get("goal_numbers") or [])]
            m2m = {
                "goals": self._goal_ids(item["line"], numbers),
                "partners": {self.organisations[s].pk for s in item.get("partners") or []},
                "places": {self.places[s].pk for s in item.get("places") or []},
            }
            values.update(self._lifecycle(item, existing.get(item["slug"])))
            self.up.save(
                Intervention,
                existing,
                item["slug"],
                {"programme": self.programme, "slug": item["slug"]},
                values,
                m2m=m2m,
                create_only={"status": item.get("status") or Intervention.Status.IN_PREPARATION},
            )

    def _lifecycle(self, item: dict, current: Intervention | None) -> dict:
        """The operational fields the file gives, for a new row or where the row is still empty.

        Coordinators keep themes, lead partner, schedule and evidence up to date in the
        application; the file only fills what nobody has filled yet, so a reload never undoes
        their work and a file that gains these fields still reaches an existing database.
        """
        given: dict[str, Any] = {}
        if item.get("themes"):
            given["themes"] = list(item["themes"])
        if item.get("lead_partner"):
            given["lead_partner_id"] = self.organisations[item["lead_partner"]].pk
        for name in ("starts_on", "ends_on"):
            if item.get(name):
                given[name] = to_date(item[name])
        for name in ("recurrence", "planned_capacity", "evidence_level", "databank_reference"):
            if item.get(name) not in (None, ""):
                given[name] = item[name]
        if current is None:
            return given
        wanted = {n: v for n, v in given.items() if getattr(current, n) in _EMPTY_LIFECYCLE}
        starts_on = wanted.get("starts_on", current.starts_on)
        ends_on = wanted.get("ends_on", current.ends_on)
        if starts_on and ends_on and starts_on > ends_on:
            # Half of the file's period next to the application's other half makes no period.
            wanted.pop("starts_on", None)
            wanted.pop("ends_on", None)
        return wanted

    @staticmethod
    def _pk(objects: dict, slug: str | None) -> int | None:
        return objects[slug].pk if slug else None


_EMPTY_LIFECYCLE = (None, "", [], Intervention._meta.get_field("evidence_level").default)
_NULLABLE = {"number", "age_min", "age_max", "age_min_in_text", "age_max_in_text"}
_ZERO_DEFAULT = {"decimals", "position"}


def _fields(item: dict, names: list[str]) -> dict:
    """Values for model fields; a key left out of the file means empty, not 'keep as is'."""
    values = {}
    for name in names:
        value = item.get(name)
        if value is None and name not in _NULLABLE:
            value = 0 if name in _ZERO_DEFAULT else ""
        values[name] = value
    return values
