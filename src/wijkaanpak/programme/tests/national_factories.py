"""Test data for several areas in one installation: national indicators, and an area with a
current programme whose indicator follows a national definition, with its measurements."""

import datetime
from decimal import Decimal

import factory

from wijkaanpak.areas.tests.factories import AreaFactory
from wijkaanpak.programme.models import NationalIndicator, Scope

from .factories import (
    IndicatorFactory,
    MeasurementFactory,
    ProgrammeFactory,
    ProgrammeLineFactory,
    ReferenceValueFactory,
)


class NationalIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NationalIndicator
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"landelijk-{n}")
    name = factory.Sequence(lambda n: f"Landelijke indicator {n}")
    unit = "percent"
    polarity = "lower_is_better"
    decimals = 1
    definition = "CBS Kerncijfers wijken en buurten."


def nieuwland_oost():
    """The second area of these tests: Nieuwland-Oost in Schiedam."""
    return AreaFactory(
        slug="nieuwland-oost",
        name="Nieuwland-Oost",
        municipality="Schiedam",
        municipality_cbs_code="GM0606",
    )


def area_programme(area, edition_year=2023):
    """An adopted edition with one line, as an area's current programme."""
    programme = ProgrammeFactory(area=area, edition_year=edition_year)
    ProgrammeLineFactory(programme=programme, number=1, slug="ouders", name="De Ouders")
    return programme


def linked_indicator(programme, national, slug="armoede", **kwargs):
    return IndicatorFactory(
        programme=programme,
        line=programme.lines.first(),
        slug=slug,
        name=kwargs.pop("name", f"{national.name} ({programme.area.name})"),
        unit=national.unit,
        polarity=national.polarity,
        decimals=national.decimals,
        national=national,
        **kwargs,
    )


def measure(indicator, value, year, scope=Scope.AREA, source="CBS 85618NED"):
    return MeasurementFactory(
        indicator=indicator,
        scope=scope,
        value=Decimal(value),
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
        source=source,
    )


def reference(indicator, value, year, scope, source="Uitvoeringsprogramma"):
    return ReferenceValueFactory(
        indicator=indicator,
        scope=scope,
        value=Decimal(value),
        reference_date=datetime.date(year, 1, 1),
        source=source,
    )
