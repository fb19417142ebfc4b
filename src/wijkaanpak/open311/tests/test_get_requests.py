"""GET requests and requests/{id}: the spec's fields and filters, and no personal data."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from wijkaanpak.reports.models import Status
from wijkaanpak.reports.tests.factories import (
    ReportContactFactory,
    ReportEventFactory,
    ReportFactory,
    amsterdam,
)

from .conftest import parse_xml

pytestmark = pytest.mark.django_db
URL = "/open311/v2/requests"
NOW = amsterdam(2026, 3, 16, 10, 0)
FIELDS = [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "lat",
    "long",
    "media_url",
]


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def reports(area, categories):
    neighbourhood = area.neighbourhoods.get(slug="noordoost")

    def report(**fields):
        return ReportFactory(area=area, neighbourhood=neighbourhood, **fields)

    open_one = report(
        reference="M-2026-00001",
        category=categories["litter"],
        received_at=amsterdam(2026, 3, 13, 9, 30),  # a Friday
        address="Korfmakerstraat 12a, Vlaardingen",
        location_description="achter het huis van Fatima",
        latitude=Decimal("51.912346"),
        longitude=Decimal("4.331234"),
    )
    closed_one = report(
        reference="M-2026-00002",
        category=categories["bulky"],
        received_at=amsterdam(2026, 2, 2, 8, 0),
        status=Status.RESOLVED,
        closed_at=amsterdam(2026, 2, 4, 15, 0),
        public_reason="Opgehaald door Irado.",
        address="",
    )
    too_old = report(reference="M-2025-00099", received_at=amsterdam(2025, 11, 1))
    return {"open": open_one, "closed": closed_one, "old": too_old}


def ids(response):
    return [r["service_request_id"] for r in response.json()]


def test_list_json_has_the_spec_fields_of_the_last_90_days(client, reports):
    response = client.get(f"{URL}.json")

    assert response.status_code == 200
    assert ids(response) == ["M-2026-00001", "M-2026-00002"]
    first = response.json()[0]
    assert list(first) == FIELDS
    assert first == {
        "service_request_id": "M-2026-00001",
        "status": "open",
        "status_notes": None,
        "service_name": "Zwerfafval",
        "service_code": "zwerfafval",
        "description": "Er ligt afval naast de container.",
        "agency_responsible": "Irado",
        "requested_datetime": "2026-03-13T09:30:00+01:00",
        "updated_datetime": "2026-03-13T09:30:00+01:00",
        # Friday 13 March + 5 working days = Friday 20 March, end of the day.
        "expected_datetime": "2026-03-20T23:59:59+01:00",
        "address": "Korfmakerstraat",
        "lat": 51.912346,
        "long": 4.331234,
        "media_url": None,
    }
    closed = response.json()[1]
    assert closed["status"] == "closed"
    assert closed["status_notes"] == "Opgehaald door Irado."
    assert closed["updated_datetime"] == "2026-02-04T15:00:00+01:00"
    assert closed["address"] is None


def test_list_xml_has_the_spec_elements(client, reports):
    root = parse_xml(client.get(f"{URL}.xml"))

    assert root.tag == "service_requests"
    assert [r.tag for r in root] == ["request", "request"]
    assert [c.tag for c in root[0]] == FIELDS
    assert root[0].findtext("status") == "open"
    assert root[0].findtext("lat") == "51.912346"
    assert root[0].find("media_url").text is None


def test_updated_datetime_follows_the_last_event(client, reports):
    event = ReportEventFactory(report=reports["open"])
    type(event).objects.filter(pk=event.pk).update(at=amsterdam(2026, 3, 14, 11, 0))

    first = client.get(f"{URL}/M-2026-00001.json").json()[0]

    assert first["updated_datetime"] == "2026-03-14T11:00:00+01:00"


def test_no_personal_data_ever_appears(client, reports):
    for report in reports.values():
        ReportContactFactory(report=report, email="sentinel-mail@example.org", phone="0612345678")
    responses = [
        client.get(f"{URL}.json"),
        client.get(f"{URL}.xml"),
        client.get(f"{URL}/M-2026-00001.json"),
        client.get(f"{URL}/M-2026-00001.xml"),
        client.get(f"{URL}.json", {"service_request_id": "M-2026-00001,M-2025-00099"}),
    ]
    for response in responses:
        body = response.content.decode()
        assert response.status_code == 200
        for sentinel in (
            "sentinel-mail",
            "0612345678",
            "Fatima",
            "12a",
            "Vlaardingen",
            reports["open"].status_token,
        ):
            assert sentinel not in body


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"service_request_id": "M-2026-00002,M-2025-00099"}, ["M-2026-00002", "M-2025-00099"]),
        # service_request_id overrides every other filter, as the spec says.
        ({"service_request_id": "M-2025-00099", "status": "open"}, ["M-2025-00099"]),
        ({"service_code": "grofvuil"}, ["M-2026-00002"]),
        ({"service_code": "grofvuil,zwerfafval"}, ["M-2026-00001", "M-2026-00002"]),
        ({"status": "open"}, ["M-2026-00001"]),
        ({"status": "closed"}, ["M-2026-00002"]),
        ({"status": "open,closed"}, ["M-2026-00001", "M-2026-00002"]),
        ({"start_date": "2026-03-01T00:00:00+01:00"}, ["M-2026-00001"]),
        ({"end_date": "2026-03-01T00:00:00Z"}, ["M-2026-00002"]),
        (
            {"start_date": "2025-10-01T00:00:00Z", "end_date": "2025-12-01T00:00:00Z"},
            ["M-2025-00099"],
        ),
        # A '+' that was not URL-encoded arrives as a space.
        ({"start_date": "2026-03-13T09:30:00 01:00"}, ["M-2026-00001"]),
        ({"start_date": "2026-03-13T09:30:00"}, ["M-2026-00001"]),
    ],
)
def test_filters(client, reports, params, expected):
    response = client.get(f"{URL}.json", params)

    assert response.status_code == 200, response.content
    assert ids(response) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"start_date": "gisteren"}, "start_date is geen geldige datum"),
        ({"end_date": "2026-13-45T00:00:00Z"}, "end_date is geen geldige datum"),
        ({"start_date": "2026-03-01T00:00:00Z", "end_date": "2026-02-01T00:00:00Z"}, "na end_date"),
        (
            {"start_date": "2025-01-01T00:00:00Z", "end_date": "2026-01-01T00:00:00Z"},
            "langer dan 90 dagen",
        ),
        ({"status": "half"}, "status 'half' bestaat niet"),
        ({"service_request_id": ",".join(f"M-{n}" for n in range(101))}, "hoogstens 100"),
        ({"jurisdiction_id": "atlantis"}, "jurisdiction_id 'atlantis' bestaat niet"),
    ],
)
def test_bad_filters_are_refused_in_spec_form(client, reports, params, expected):
    response = client.get(f"{URL}.json", params)
    as_xml = client.get(f"{URL}.xml", params)

    assert response.status_code in (400, 404)
    assert response.json()[0]["code"] == response.status_code
    assert expected in response.json()[0]["description"]
    assert as_xml.status_code == response.status_code
    assert expected in parse_xml(as_xml).findtext("error/description")


def test_at_most_1000_results(client, area, categories):
    neighbourhood = area.neighbourhoods.first()
    ReportFactory.create_batch(
        1001,
        area=area,
        neighbourhood=neighbourhood,
        category=categories["litter"],
        received_at=amsterdam(2026, 3, 10),
    )

    assert len(client.get(f"{URL}.json").json()) == 1000


def test_reports_of_another_area_are_not_listed(client, reports):
    other = ReportFactory(reference="M-2026-00500", received_at=amsterdam(2026, 3, 12))

    listed = client.get(f"{URL}.json", {"jurisdiction_id": "westwijk"})
    single = client.get(f"{URL}/M-2026-00500.json", {"jurisdiction_id": "westwijk"})

    assert other.reference not in ids(listed)
    assert single.status_code == 404


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_one_request_is_a_one_element_list(client, reports, fmt):
    response = client.get(f"{URL}/M-2026-00002.{fmt}")

    assert response.status_code == 200
    if fmt == "json":
        assert ids(response) == ["M-2026-00002"]
    else:
        root = parse_xml(response)
        assert root.tag == "service_requests"
        assert [r.findtext("service_request_id") for r in root] == ["M-2026-00002"]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_unknown_request_id_is_404(client, reports, fmt):
    response = client.get(f"{URL}/M-1999-00001.{fmt}")

    assert response.status_code == 404
    if fmt == "json":
        assert response.json() == [
            {"code": 404, "description": "service_request_id 'M-1999-00001' bestaat niet."}
        ]
    else:
        assert parse_xml(response).findtext("error/code") == "404"


def test_a_report_older_than_90_days_is_still_found_by_its_id(client, reports):
    assert client.get(f"{URL}/M-2025-00099.json").status_code == 200


def test_user_text_is_escaped_in_xml(client, area, categories):
    ReportFactory(
        area=area,
        neighbourhood=area.neighbourhoods.first(),
        category=categories["litter"],
        reference="M-2026-00777",
        received_at=NOW - dt.timedelta(hours=1),
        description='<script>alert("x")</script> & ]]> \x07 einde',
    )

    response = client.get(f"{URL}/M-2026-00777.xml")

    assert b"<script>" not in response.content
    root = parse_xml(response)
    assert root.findtext("request/description") == '<script>alert("x")</script> & ]]>  einde'
