"""The HSDS read API: every response validates against the HSDS schemas; public, read-only."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework.views import APIView

from wijkaanpak.areas.models import Place
from wijkaanpak.conf import base as base_settings
from wijkaanpak.socialmap.api import views
from wijkaanpak.socialmap.hsds.catalogue import service_at_location_id
from wijkaanpak.socialmap.hsds.ids import model_id
from wijkaanpak.socialmap.hsds.taxonomy import term_id
from wijkaanpak.socialmap.models import Event, Offer, OpeningHours

pytestmark = pytest.mark.django_db
pytest_plugins = ["wijkaanpak.socialmap.tests.hsds_fixtures"]

UNKNOWN = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def api():
    return APIClient()


def get(api, name, *args, **params):
    response = api.get(reverse(f"hsds:{name}", args=args), params)
    assert response.status_code == 200, response.content
    return response.json()


def names(page):
    return [item["name"] for item in page["contents"]]


# The HSDS schema of each list's contents and of each detail response.
LISTS = [
    ("service-list", "compiled/service_list.json"),
    ("organization-list", "compiled/organization_list.json"),
    ("service-at-location-list", "compiled/service_at_location_list.json"),
    ("taxonomy-list", "taxonomy.json"),
    ("taxonomy-term-list", "taxonomy_term.json"),
]
DETAILS = [
    ("service", "compiled/service.json"),
    ("organization", "compiled/organization.json"),
    ("service-at-location", "compiled/service_at_location.json"),
    ("taxonomy", "taxonomy.json"),
    ("taxonomy-term", "taxonomy_term.json"),
]


@pytest.mark.parametrize(("name", "item_file"), LISTS)
def test_each_list_validates(api, hsds_map, hsds_validator, name, item_file):
    page = get(api, name, per_page=100)

    assert hsds_validator.page_errors(page, item_file) == []
    assert page["total_items"] == page["size"] == len(page["contents"]) > 0


@pytest.mark.parametrize(("name", "schema_file"), DETAILS)
def test_each_detail_of_each_listed_object_validates(
    api, hsds_map, hsds_validator, name, schema_file
):
    page = get(api, f"{name}-list", per_page=100)

    for item in page["contents"]:
        detail = get(api, f"{name}-detail", item["id"])
        assert hsds_validator.errors(detail, schema_file) == [], item["id"]
        assert detail["id"] == item["id"]


def test_the_root_says_what_it_is(api, db, hsds_validator):
    root = get(api, "root")

    assert hsds_validator.root_errors(root) == []
    assert root == {"version": "3.0", "openapi_url": "http://testserver/api/schema/?format=json"}
    assert api.get(root["openapi_url"]).status_code == 200


def test_a_service_in_full(api, hsds_map):
    swim = get(api, "service-detail", model_id(hsds_map.swim))

    assert swim["organization"]["name"] == "Zwemclub Westwijk"
    assert [sal["location"]["name"] for sal in swim["service_at_locations"]] == [
        "Buurthuis De Wetering",
        "IKC De Wereldwijzer",
    ]
    at_ikc = swim["service_at_locations"][1]
    assert at_ikc["location"]["addresses"][0]["state_province"] == "Zuid-Holland"
    assert [s["byday"] for s in at_ikc["location"]["schedules"]] == ["MO", "WE"]
    assert [(s["freq"], s["byday"]) for s in at_ikc["schedules"]] == [("WEEKLY", "WE")]
    assert [a["taxonomy_term"]["name"] for a in swim["attributes"]] == ["vrije tijd", "zorg"]


def test_an_organization_lists_its_services_and_locations(api, hsds_map):
    ikc = get(api, "organization-detail", model_id(hsds_map.ikc.organisation))
    club = get(api, "organization-detail", model_id(hsds_map.welfare))

    assert [loc["name"] for loc in ikc["locations"]] == ["IKC De Wereldwijzer"]
    assert "services" not in ikc  # it runs none of the published offers
    assert [service["name"] for service in club["services"]] == ["Sport op zaterdag", "Zwemles"]


def test_a_service_at_location_nests_service_location_and_its_events(api, hsds_map):
    page = get(api, "service-at-location-list", search="buurthuis")

    [item] = page["contents"]
    assert (item["service"]["name"], item["location"]["name"]) == (
        "Zwemles",
        "Buurthuis De Wetering",
    )
    detail = get(api, "service-at-location-detail", item["id"])
    assert [s["description"] for s in detail["schedules"]] == ["Open dag"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Sport op zaterdag", "Taalcafé", "Zwemles"]),
        ({"search": "ZWEMLES"}, ["Zwemles"]),
        ({"search": "zwemmen"}, ["Sport op zaterdag", "Zwemles"]),  # zwem-: also Zwemclub
        ({"search": "diploma's"}, ["Zwemles"]),  # in the description
        ({"search": "kinderen zwemles"}, ["Zwemles"]),  # every word, in any field
        ({"search": "zwemclub"}, ["Sport op zaterdag", "Zwemles"]),  # the organisation's name
        ({"search": "verborgen"}, []),
        ({"search": ""}, ["Sport op zaterdag", "Taalcafé", "Zwemles"]),
        ({"taxonomy_term_id": term_id("leisure")}, ["Sport op zaterdag", "Zwemles"]),
        ({"taxonomy_term_id": term_id("education")}, ["Taalcafé"]),
        ({"taxonomy_term_id": term_id("safety")}, []),
        ({"taxonomy_term_id": UNKNOWN}, []),
        ({"organization_id": UNKNOWN}, []),
        ({"area": "westwijk", "search": "taal"}, ["Taalcafé"]),
        ({"area": "elders"}, []),
    ],
)
def test_service_filters(api, hsds_map, params, expected):
    assert names(get(api, "service-list", **params)) == expected


def test_services_of_one_organization(api, hsds_map):
    page = get(api, "service-list", organization_id=model_id(hsds_map.welfare))

    assert names(page) == ["Sport op zaterdag", "Zwemles"]


def test_organizations_and_terms_can_be_searched(api, hsds_map):
    assert names(get(api, "organization-list", search="zwem")) == ["Zwemclub Westwijk"]
    assert names(get(api, "taxonomy-term-list", search="vrije")) == ["vrije tijd"]
    assert names(get(api, "taxonomy-term-list", search="leisure")) == ["vrije tijd"]
    assert names(get(api, "taxonomy-list")) == ["wijkaanpak-thema"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"per_page": 2}, (3, 2, 1, 2, True, False, False, ["Sport op zaterdag", "Taalcafé"])),
        ({"per_page": 2, "page": 2}, (3, 2, 2, 1, False, True, False, ["Zwemles"])),
        ({"per_page": 2, "page": 3}, (3, 2, 3, 0, False, True, True, [])),
        ({"search": "schaatsen"}, (0, 0, 1, 0, True, True, True, [])),
    ],
)
def test_paging(api, hsds_map, params, expected):
    page = get(api, "service-list", **params)

    keys = ("total_items", "total_pages", "page_number", "size", "first_page", "last_page")
    assert (*(page[key] for key in keys), page["empty"], names(page)) == expected


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page": "0"}, {"page": ["page begint bij 1."]}),
        ({"page": "twee"}, {"page": ["page moet een heel getal zijn, bijvoorbeeld 2."]}),
        ({"per_page": "0"}, {"per_page": ["per_page moet 1 of meer zijn."]}),
        ({"per_page": "101"}, {"per_page": ["per_page mag hoogstens 100 zijn."]}),
        (
            {"per_page": "1e3"},
            {"per_page": ["per_page moet een heel getal zijn, bijvoorbeeld 20."]},
        ),
        (
            {"taxonomy_term_id": "leisure"},
            {"taxonomy_term_id": ["taxonomy_term_id moet een UUID zijn."]},
        ),
        ({"organization_id": "12"}, {"organization_id": ["organization_id moet een UUID zijn."]}),
        ({"area": "west wijk"}, {"area": ["area moet de korte naam van een gebied zijn."]}),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(api, hsds_map, params, message):
    response = api.get(reverse("hsds:service-list"), params)

    assert response.status_code == 400
    assert response.json() == message


def test_an_overlong_search_is_a_400(api, db):
    response = api.get(reverse("hsds:organization-list"), {"search": "x" * 201})

    assert response.status_code == 400 and list(response.json()) == ["search"]


@pytest.mark.parametrize(
    "name", ["service", "organization", "service-at-location", "taxonomy", "taxonomy-term"]
)
def test_an_unknown_id_is_a_404(api, hsds_map, name):
    response = api.get(reverse(f"hsds:{name}-detail", args=[UNKNOWN]))

    assert response.status_code == 404
    assert response.json() == {"detail": "Dit id kennen we niet, of het is niet openbaar."}


def test_what_is_not_a_uuid_is_a_404(api, db):
    assert api.get("/api/v1/hsds/services/12/").status_code == 404


def test_unpublished_offers_their_organisation_and_place_are_404(api, hsds_map):
    hidden = hsds_map.hidden
    for url in (
        reverse("hsds:service-detail", args=[model_id(hidden)]),
        reverse("hsds:organization-detail", args=[model_id(hsds_map.hidden_org)]),
        reverse(
            "hsds:service-at-location-detail",
            args=[service_at_location_id(hidden, hsds_map.hidden_place)],
        ),
    ):
        assert api.get(url).status_code == 404, url
    assert "Verborgen" not in str(get(api, "organization-list", per_page=100))


def test_the_api_is_read_only_and_throttled_as_the_rest_of_the_public_api(api, hsds_map):
    url = reverse("hsds:service-list")
    detail = reverse("hsds:service-detail", args=[model_id(hsds_map.swim)])

    assert api.post(url, {}).status_code == 405
    assert api.delete(detail).status_code == 405
    for view in (views.ServiceViewSet, views.RootView, views.ExportView):
        assert view.throttle_classes is APIView.throttle_classes  # the settings' default
    assert "AnonRateThrottle" in base_settings.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"][0]


def test_the_export_can_be_downloaded(api, hsds_map, hsds_validator):
    response = api.get(reverse("hsds:export", args=["westwijk"]), HTTP_ACCEPT="text/html,*/*;q=0.8")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="hsds-westwijk.json"'
    assert hsds_validator.export_errors(response.json()) == []
    assert api.get(reverse("hsds:export", args=["nergens"])).status_code == 404


def test_the_number_of_queries_does_not_grow_with_the_map(api, hsds_map):
    def queries(*names):
        with CaptureQueriesContext(connection) as captured:
            for name, args in names:
                get(api, name, *args, per_page=100)
        return len(captured.captured_queries)

    # The export renders every object in full.
    endpoints = [("service-list", []), ("service-at-location-list", []), ("export", ["westwijk"])]
    before = queries(*endpoints)
    for n in range(3):
        place = Place.objects.create(area=hsds_map.area, name=f"Plek {n}", slug=f"plek-{n}")
        OpeningHours.objects.create(
            place=place, weekday=n, opens_at=dt.time(9), closes_at=dt.time(12)
        )
        offer = Offer.objects.create(
            area=hsds_map.area, name=f"Extra {n}", slug=f"extra-{n}", summary="Meer."
        )
        offer.places.set([place, hsds_map.ikc])
        moment = dt.datetime(2026, 9, 1 + n, 10, tzinfo=dt.UTC)
        Event.objects.create(
            offer=offer, place=place, starts_at=moment, ends_at=moment + dt.timedelta(hours=1)
        )

    assert queries(*endpoints) == before
