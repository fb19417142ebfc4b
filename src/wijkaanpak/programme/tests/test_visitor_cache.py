"""The visitor cache of public programme pages: off by default; when on, visitors may get a
page up to PUBLIC_PAGE_CACHE_SECONDS old, staff never do, and errors are never kept."""

from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkaanpak.programme.models import Indicator
from wijkaanpak.programme.services.measurements import record_measurement

pytestmark = pytest.mark.django_db
INDICATOR = "schuldsanering-per-1000"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cached(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60


def add_figure(value: str) -> None:
    record_measurement(
        Indicator.objects.get(slug=INDICATOR),
        value=value,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        scope="area",
        source="CBS",
        note="",
        entered_by=None,
    )


def page() -> str:
    return reverse("programme:indicator", args=["westwijk", INDICATOR])


def test_without_the_setting_visitors_see_a_new_figure_at_once(client, westwijk):
    client.get(page())
    add_figure("31")
    assert "31 per 1000" in client.get(page()).content.decode()


def test_visitors_get_the_kept_page_staff_get_it_fresh(
    client, westwijk, cached, django_user_model, login_verified
):
    first = client.get(page())
    add_figure("31")
    with CaptureQueriesContext(connection) as queries:
        again = client.get(page())
    assert again.content == first.content
    assert "31 per 1000" not in again.content.decode()
    assert not [q for q in queries.captured_queries if "programme_" in q["sql"]]
    assert again["Content-Security-Policy"]  # headers are added per request as always
    staff = django_user_model.objects.create_user("coordinator", is_staff=True)
    login_verified(client, staff)
    assert "31 per 1000" in client.get(page()).content.decode()


def test_the_kept_page_expires(client, westwijk, cached):
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        client.get(page())
        add_figure("31")
    with time_machine.travel("2026-03-02 10:02 +01:00", tick=False):
        assert "31 per 1000" in client.get(page()).content.decode()


ARGS = {
    "programme:overview": ["westwijk"],
    "programme:line": ["westwijk", "kind"],
    "programme:national-comparison": [],
}


@pytest.mark.parametrize("name", sorted(ARGS))
def test_every_public_programme_page_is_kept(client, westwijk, cached, name):
    url = reverse(name, args=ARGS[name])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert not [q for q in queries.captured_queries if "programme_" in q["sql"]]


def test_a_missing_page_is_not_kept(client, westwijk, cached):
    url = reverse("programme:indicator", args=["westwijk", "bestaat-niet"])
    assert client.get(url).status_code == 404
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 404
    assert [q for q in queries.captured_queries if "programme_" in q["sql"]]
