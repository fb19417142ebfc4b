"""A visitor checks the "sluitend aanbod" in chromium: gaps in words, filter without JS, WCAG."""

import pytest

from .conftest import axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])


def fits_the_screen(page, viewport):
    # Wide tables scroll inside their own region; the page itself never scrolls sideways.
    return page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@VIEWPORTS
def test_goals_page(page, loaded, viewport):
    page.set_viewport_size(viewport)
    page.goto(loaded.url + "/westwijk/sluitend-aanbod/")
    assert page.url.endswith("/westwijk/sluitend-aanbod/doelen/")
    assert "16 van de 21 doelen" in page.get_by_role("status").inner_text()
    kind = page.get_by_role("table", name="Doelen van Het Kind en de interventies die eraan werken")
    first_goal = kind.get_by_role("row").nth(1)
    assert "Alle peuters in beeld" in first_goal.inner_text()
    assert "Gat: geen lopende interventie, alleen in voorbereiding" in first_goal.inner_text()
    assert fits_the_screen(page, viewport)
    assert axe_violations(page) == []

    # The filter is a plain form: no JavaScript needed.
    page.get_by_label("Alleen lopende interventies").check()
    page.get_by_role("button", name="Toon").click()
    assert "aanbod=running" in page.url
    assert "Alle peuters in beeld" not in page.locator("main").inner_text()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Manifest Onderwijs").first.click()
    assert "Manifest Onderwijs" in page.locator("h1").inner_text()


@VIEWPORTS
def test_age_and_theme_page(page, loaded, viewport):
    page.set_viewport_size(viewport)
    page.goto(loaded.url + "/westwijk/sluitend-aanbod/leeftijd-en-thema/")
    table = page.get_by_role("table")
    assert table.get_by_role("columnheader", name="0 tot 4 jaar").count() == 1
    upbringing = table.get_by_role("row", name="Opvoeding")
    assert "Centering Parenting" in upbringing.inner_text()
    assert "Gat" in upbringing.inner_text()
    assert fits_the_screen(page, viewport)
    assert axe_violations(page) == []

    page.get_by_label("Alleen lopende interventies").check()
    page.get_by_role("button", name="Toon").click()
    assert "Centering Parenting" not in page.locator("main").inner_text()
    assert axe_violations(page) == []


def test_an_invalid_filter_shows_a_dutch_error_accessibly(page, loaded):
    page.goto(loaded.url + "/westwijk/sluitend-aanbod/doelen/?aanbod=alles")
    assert "Kies 'Alleen lopende interventies'" in page.locator("form").inner_text()
    assert axe_violations(page) == []
