"""Twenty programme areas: the real Westwijk (load_programme) and 19 generated ones, each
with its neighbourhoods, partner organisations, handlers and an adopted programme edition."""

import datetime as dt
import os
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils.text import slugify

from wijkaanpak.accounts.roles import REPORT_HANDLER
from wijkaanpak.areas.models import Area, Membership, Neighbourhood, Organisation
from wijkaanpak.areas.validators import RESERVED_SLUGS
from wijkaanpak.programme.models import (
    Goal,
    Horizon,
    Indicator,
    NationalIndicator,
    Programme,
    ProgrammeLine,
    ReferenceValue,
    Target,
)

from . import catalogue
from .regions import Tree

AREAS = 20
PROVINCES = ["Groningen", "Friesland", "Drenthe", "Overijssel", "Flevoland", "Gelderland"]
PROVINCES += ["Utrecht", "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg"]
# The organisation kinds that handle report categories (categories.json), per area.
HANDLING_KINDS = ("municipality", "waste", "housing")
HANDLERS_PER_ORGANISATION = 3
BASELINE_DATE = dt.date(2023, 1, 1)


@dataclass
class AreaPlan:
    area: Area
    programme: Programme
    weight: float  # the area's share of the reports, relative
    quadrants: list[Neighbourhood]
    handlers: dict[str, Organisation]  # organisation kind -> the area's handling organisation
    indicators: list[Indicator] = field(default_factory=list)


def _westwijk(rng: random.Random) -> AreaPlan:
    with open(os.devnull, "w") as quiet:
        call_command("load_programme", stdout=quiet)
        call_command("load_report_categories", stdout=quiet)
    area = Area.objects.get(slug="westwijk")
    handlers = {
        kind: Organisation.objects.get(slug=slug)
        for kind, slug in zip(
            HANDLING_KINDS, ("gemeente-vlaardingen", "irado", "waterweg-wonen"), strict=True
        )
    }
    return AreaPlan(
        area=area,
        programme=area.programmes.get(),
        weight=1.0,
        quadrants=list(area.neighbourhoods.filter(role=Neighbourhood.Role.QUADRANT)),
        handlers=handlers,
    )


def _area(rng: random.Random, district, used: set[str]) -> AreaPlan:
    municipality = district.municipality
    slug = slugify(f"{district.region.name} {municipality.name}")
    while slug in used or slug in RESERVED_SLUGS:
        slug += "-2"
    used.add(slug)
    area = Area.objects.create(
        name=district.region.name,
        slug=slug,
        municipality=municipality.name,
        municipality_cbs_code=municipality.code,
        cbs_code=district.region.code,
        postcode_area=str(rng.randrange(1000, 9999)),
        province=rng.choice(PROVINCES),
        description=f"Gegenereerd programmagebied (benchmark) in {municipality.name}.",
    )
    quadrants = Neighbourhood.objects.bulk_create(
        Neighbourhood(
            area=area,
            name=region.name,
            slug=slugify(region.name),
            role=Neighbourhood.Role.QUADRANT,
            cbs_code=region.code,
        )
        for region in district.neighbourhoods[:8]
    )
    names = {
        "municipality": f"Gemeente {municipality.name}",
        "waste": f"{municipality.name} Schoon",
        "housing": f"Woonstichting {municipality.name}",
        "welfare": f"Welzijn {municipality.name}",
    }
    organisations = {}
    for kind, name in names.items():
        organisation = Organisation.objects.create(name=name, slug=slugify(name), kind=kind)
        organisation.areas.add(area)
        organisations[kind] = organisation
    return AreaPlan(
        area=area,
        programme=_edition(area),
        weight=rng.uniform(0.5, 2.0),
        quadrants=quadrants,
        handlers={kind: organisations[kind] for kind in HANDLING_KINDS},
    )


def _edition(area: Area) -> Programme:
    programme = Programme.objects.create(
        area=area,
        edition_year=2025,
        title=f"Uitvoeringsprogramma {area.name}",
        ambition=f"In één generatie komt {area.name} op het landelijke gemiddelde.",
        ambition_summary=f"In één generatie komt {area.name} op het landelijke gemiddelde.",
        starts_on=dt.date(2023, 7, 1),
        source_document="Gegenereerd door bench/generate.py",
    )
    for years, due in ((1, dt.date(2024, 6, 30)), (4, dt.date(2027, 6, 30))):
        Horizon.objects.create(programme=programme, years=years, label=f"{years} jaar", due_on=due)
    Horizon.objects.create(
        programme=programme, years=15, label="15 jaar", due_on=dt.date(2038, 6, 30)
    )
    return programme


def _indicators(rng: random.Random, plan: AreaPlan, national: dict, count: int):
    programme = plan.programme
    lines = ProgrammeLine.objects.bulk_create(
        ProgrammeLine(programme=programme, number=n, slug=slug, name=name, ambition=ambition)
        for n, slug, name, ambition in catalogue.LINES
    )
    goals = Goal.objects.bulk_create(
        Goal(line=line, number=g, text=f"Doel {g} van {line.name}")
        for line in lines
        for g in range(1, catalogue.GOALS_PER_LINE + 1)
    )
    specs = catalogue.indicator_specs(count)
    indicators = Indicator.objects.bulk_create(
        Indicator(
            programme=programme,
            line=lines[spec.line - 1],
            slug=spec.slug,
            series_key=spec.slug,
            name=spec.name,
            kind=spec.kind,
            unit=spec.unit,
            polarity=spec.polarity,
            decimals=spec.decimals,
            position=position,
            source_description="Gegenereerde reeks (benchmark)",
            metric_key=catalogue.PICKUP_METRIC if spec.name.startswith("Meldingen binnen") else "",
            national=national.get(spec.slug),
        )
        for position, spec in enumerate(specs)
    )
    by_line = {line.pk: [g for g in goals if g.line_id == line.pk] for line in lines}
    Indicator.goals.through.objects.bulk_create(
        Indicator.goals.through(indicator_id=i.pk, goal_id=goal.pk)
        for i in indicators
        for goal in rng.sample(by_line[i.line_id], rng.choice((1, 1, 2)))
    )
    return list(zip(indicators, specs, strict=True))


def reference_and_targets(programme, pairs, baseline: dict[int, Decimal]) -> None:
    """NL, city and area baseline figures, and agreed 4- and 15-year targets by the
    programme's rule (4 years: the nearer of city and NL; 15 years: the better)."""
    horizons = {h.years: h for h in programme.horizons.all()}
    references, targets = [], []
    for indicator, spec in pairs:
        if spec.nl is None or indicator.pk not in baseline:
            continue
        area = baseline[indicator.pk]
        city = ((area + spec.nl) / 2).quantize(Decimal(1) / 10**spec.decimals)
        for scope, value in (("netherlands", spec.nl), ("city", city), ("area", area)):
            references.append(
                ReferenceValue(
                    indicator=indicator,
                    scope=scope,
                    value=value,
                    reference_date=BASELINE_DATE,
                    source="Gegenereerd (benchmark)",
                )
            )
        nearer = min((city, spec.nl), key=lambda v: abs(v - area))
        better = max(city, spec.nl) if spec.polarity == catalogue.H else min(city, spec.nl)
        for years, value in ((4, nearer), (15, better)):
            targets.append(
                Target(
                    indicator=indicator,
                    horizon=horizons[years],
                    value=value,
                    state=Target.State.AGREED,
                    source="Gegenereerd (benchmark)",
                )
            )
    ReferenceValue.objects.bulk_create(references)
    Target.objects.bulk_create(targets)


def build(rng: random.Random, tree: Tree, indicators: int) -> list[AreaPlan]:
    national = {
        spec.slug: NationalIndicator.objects.create(
            key=spec.slug,
            name=spec.name,
            unit=spec.unit,
            polarity=spec.polarity,
            decimals=spec.decimals,
            definition="Landelijke definitie; cijfers gegenereerd voor de benchmark.",
        )
        for spec in catalogue.NATIONAL
    }
    plans = [_westwijk(rng)]
    for slug, item in national.items():
        Indicator.objects.filter(programme=plans[0].programme, slug=slug).update(national=item)
    candidates = [
        d
        for d in tree.districts
        if len(d.neighbourhoods) >= 4 and d.municipality.code != plans[0].area.municipality_cbs_code
    ]
    chosen, municipalities = [], set()
    for district in rng.sample(candidates, len(candidates)):
        if district.municipality.code not in municipalities:
            municipalities.add(district.municipality.code)
            chosen.append(district)
        if len(chosen) == AREAS - 1:
            break
    used = {"westwijk"}
    plans += [_area(rng, district, used) for district in chosen]
    # Indicators after all areas, so a smaller edition (--indicators) keeps the same areas.
    for plan in plans[1:]:
        plan.indicators = _indicators(rng, plan, national, indicators)
    westwijk = plans[0]
    specs = {s.slug: s for s in catalogue.NATIONAL}
    westwijk.indicators = [
        (i, specs.get(i.slug) or _spec_of(i))
        for i in westwijk.programme.indicators.select_related("line")
    ]
    return plans


def _spec_of(indicator: Indicator) -> catalogue.Spec:
    """A Westwijk indicator that is not national: its own unit and direction, no NL value."""
    return catalogue.Spec(
        indicator.slug,
        indicator.name,
        indicator.line.number,
        indicator.unit,
        indicator.polarity,
        indicator.kind,
        indicator.decimals,
    )


def handlers(plans: list[AreaPlan]) -> list:
    """Three handlers per handling organisation, with the handler role and an e-mail address."""
    User = get_user_model()
    group = Group.objects.get(name=REPORT_HANDLER)
    users, memberships = [], []
    for plan in plans:
        for organisation in plan.handlers.values():
            for n in range(1, HANDLERS_PER_ORGANISATION + 1):
                user = User(
                    username=f"{organisation.slug}-{n}"[:150],
                    first_name=f"Behandelaar {n}",
                    last_name=organisation.name[:150],
                    email=f"behandelaar{n}@{organisation.slug}.example",
                    is_staff=True,
                )
                user.set_unusable_password()
                users.append((user, organisation))
    created = User.objects.bulk_create([u for u, _ in users])
    group.user_set.add(*created)
    for user, (_, organisation) in zip(created, users, strict=True):
        memberships.append(Membership(user=user, organisation=organisation))
    Membership.objects.bulk_create(memberships)
    return [(user, organisation) for user, (_, organisation) in zip(created, users, strict=True)]
