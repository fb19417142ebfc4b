"""Fixtures of the CBS import tests: the bundled samples and an area linked to them."""

from pathlib import Path

import pytest

from wijkaanpak.areas.tests.factories import AreaFactory
from wijkaanpak.cbs.national import load_national_indicators
from wijkaanpak.programme.models import Indicator, NationalIndicator
from wijkaanpak.programme.tests.factories import IndicatorFactory, ProgrammeFactory

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
SAMPLE_JSON = SAMPLES / "85984NED-sample.json"
SAMPLE_CSV = SAMPLES / "85984NED-sample.csv"


@pytest.fixture
def national(db):
    load_national_indicators()
    return {n.key: n for n in NationalIndicator.objects.all()}


@pytest.fixture
def nieuwland(national):
    """A made-up programme area in Schiedam whose indicators follow the CBS definitions."""
    area = AreaFactory(
        name="Nieuwland",
        slug="nieuwland",
        municipality="Schiedam",
        municipality_cbs_code="GM0606",
        cbs_code="WK060603",
    )
    programme = ProgrammeFactory(area=area, edition_year=2024)
    for key, unit in (
        ("gemiddeld-inkomen-per-inwoner", Indicator.Unit.EURO),
        ("personen-in-armoede", Indicator.Unit.PERCENT),
        ("bijstand-per-1000-inwoners", Indicator.Unit.PER_THOUSAND),
        ("nettoarbeidsparticipatie", Indicator.Unit.PERCENT),
    ):
        IndicatorFactory(programme=programme, slug=key, unit=unit, national=national[key])
    return area


def indicator(area, key):
    return Indicator.objects.get(programme__area=area, national__key=key)
