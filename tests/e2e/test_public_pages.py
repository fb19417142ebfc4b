"""A visitor reads the programme in chromium: content, navigation and WCAG 2.1 AA."""

import pytest

from .conftest import axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_overview_shows_ambition_and_five_lines_accessibly(page, loaded, viewport):
    page.set_viewport_size(viewport)
    page.goto(loaded.url + "/")
    assert page.url.endswith("/westwijk/")
    assert "Onze ambitie" in page.locator("h2#ambitie").inner_text()
    lines = page.locator("#lijnen ~ ul.cards > li h3")
    assert lines.count() == 5
    assert "Het Kind" in lines.nth(0).inner_text()
    # Nothing scrolls sideways on a phone: the page is as wide as the screen.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"]
    assert axe_violations(page) == []


def test_skip_link_moves_focus_to_the_content(page, loaded):
    page.goto(loaded.url + "/westwijk/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Ga direct naar de inhoud" in focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_indicator_page_has_chart_table_and_sources(page, loaded, viewport):
    page.set_viewport_size(viewport)
    page.goto(loaded.url + "/westwijk/")
    page.get_by_role("link", name="De Ouders").first.click()
    page.get_by_role("link", name="schuldsanering").first.click()
    assert "schuldsanering" in page.locator("h1").inner_text().lower()
    chart = page.locator("svg.chart")
    assert chart.get_attribute("role") == "img"
    assert "Nederland: 17" in chart.inner_html()
    table = page.locator("table", has_text="Nulmeting").first
    text = table.inner_text()
    assert "17" in text and "26" in text and "39" in text
    assert "Uitvoeringsprogramma" in text  # every number names its source
    assert axe_violations(page) == []


def test_other_public_pages_have_no_axe_violations(page, loaded):
    for path in [
        "/westwijk/interventies/",
        "/westwijk/interventies/?age=8",
        "/westwijk/datakwaliteit/",
        "/westwijk/lijnen/kind/",
        "/accounts/inloggen/",
        "/westwijk/interventies/alle-peuters-in-beeld/",
        "/westwijk/interventies/vitamine-g/",
        "/westwijk/edities/",
        "/bestaat/niet/",
    ]:
        page.goto(loaded.url + path)
        assert page.locator("h1").count() == 1, path
        assert axe_violations(page) == [], path
