"""A visitor compares the areas with the Netherlands in chromium: the table, its sources, and
WCAG 2.1 AA, on a desktop and on a phone."""

import pytest

from wijkaanpak.programme.models import Indicator, Programme, Scope
from wijkaanpak.programme.tests.national_factories import (
    NationalIndicatorFactory,
    area_programme,
    linked_indicator,
    measure,
    nieuwland_oost,
    reference,
)

from .conftest import axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def two_areas(loaded):
    """The real Westwijk, its average income linked to the national indicator, and
    Nieuwland-Oost with figures of its own."""
    income = NationalIndicatorFactory(
        key="gemiddeld-inkomen-per-inwoner",
        name="Gemiddeld inkomen per inwoner",
        unit="euro",
        polarity="higher_is_better",
        decimals=0,
    )
    westwijk = Programme.objects.get(area__slug="westwijk", edition_year=2023)
    ww_income = Indicator.objects.get(programme=westwijk, slug="gemiddeld-inkomen")
    ww_income.national = income
    ww_income.save()
    measure(ww_income, "23500", 2023)
    measure(ww_income, "28500", 2023, Scope.NETHERLANDS)

    indicator = linked_indicator(area_programme(nieuwland_oost()), income, slug="inkomen")
    reference(indicator, "24000", 2021, Scope.AREA)
    reference(indicator, "27000", 2021, Scope.NETHERLANDS)
    return loaded


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_comparison_reads_as_a_table_with_sources(page, two_areas, viewport):
    page.set_viewport_size(viewport)
    page.goto(two_areas.url + "/vergelijken/")
    assert page.locator("h1").inner_text() == "Gebieden vergeleken met Nederland"
    table = page.locator("table", has_text="Gemiddeld inkomen per inwoner")
    westwijk = table.locator("tr", has_text="Westwijk").inner_text()
    assert "€ 23.500" in westwijk and "€ 28.500" in westwijk and "-€ 5.000" in westwijk
    # Baseline: the reference values of the programme (22.000 against 27.000).
    assert "-€ 5.000" in westwijk and "kloof gelijk gebleven" in westwijk
    nieuwland = table.locator("tr", has_text="Nieuwland-Oost").inner_text()
    assert "onbekend" in nieuwland and "nog geen meting" in nieuwland
    assert "referentiewaarde" in nieuwland
    # Nothing scrolls sideways on a phone: the wide table scrolls inside its own region.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []


def test_a_number_leads_to_the_indicator_page_of_its_area(page, two_areas):
    page.goto(two_areas.url + "/vergelijken/")
    page.get_by_role("link", name="€ 23.500").click()
    assert page.url.endswith("/westwijk/indicatoren/gemiddeld-inkomen/")
    assert "Gemiddeld inkomen" in page.locator("h1").inner_text()
