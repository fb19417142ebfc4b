import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from wijkaanpak.areas.tests.factories import (
    AreaFactory,
    NeighbourhoodFactory,
    OrganisationFactory,
)
from wijkaanpak.open311.models import ApiClient
from wijkaanpak.reports.tests.factories import CategoryFactory


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def area(db):
    area = AreaFactory(name="Westwijk", slug="westwijk")
    NeighbourhoodFactory(area=area, name="Noordoost", slug="noordoost")
    NeighbourhoodFactory(area=area, name="Zuidwest", slug="zuidwest")
    return area


@pytest.fixture
def irado(db):
    return OrganisationFactory(name="Irado", slug="irado")


@pytest.fixture
def categories(db, irado):
    """A group with two services and a retired one, and a main category without children."""
    waste = CategoryFactory(name="Afval", slug="afval", handling_organisation=irado, position=1)
    litter = CategoryFactory(
        parent=waste,
        name="Zwerfafval",
        slug="zwerfafval",
        public_description="Losse rommel op straat of in het groen.",
        handling_organisation=irado,
        position=1,
    )
    bulky = CategoryFactory(
        parent=waste, name="Grofvuil", slug="grofvuil", handling_organisation=irado, position=2
    )
    retired = CategoryFactory(
        parent=waste, name="Oud", slug="oud", handling_organisation=irado, is_active=False
    )
    other = CategoryFactory(name="Overig", slug="overig", position=9)
    return {"group": waste, "litter": litter, "bulky": bulky, "retired": retired, "other": other}


@pytest.fixture
def api_key(db):
    _client, key = ApiClient.create_with_key(name="Buitenbeter", contact="ict@example.org")
    return key


def parse_xml(response):
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(response.content)
