"""POST requests: create a report with an api_key; every refusal in the spec's form."""

import pytest
from django.test import Client

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.idempotency.models import IdempotencyRecord
from wijkaanpak.open311.models import ApiClient, Submission
from wijkaanpak.reports.models import Report, ReportContact

from .conftest import parse_xml

pytestmark = pytest.mark.django_db
URL = "/open311/v2/requests"


@pytest.fixture
def form(area, categories, api_key):
    return {
        "api_key": api_key,
        "service_code": "zwerfafval",
        "neighbourhood": "noordoost",
        "lat": "51.9123456",
        "long": "4.3312345",
        "address_string": "Korfmakerstraat 12, Vlaardingen",
        "description": "Vuilniszakken naast de container.",
        "email": "bewoner@example.org",
        "phone": "010 123 45 67",
        "first_name": "Fatima",
        "last_name": "Jansen",
        "media_url": "http://169.254.169.254/latest/meta-data/",
        "attribute[kleur]": "blauw",
    }


def post(client, data, fmt="json", **headers):
    return client.post(f"{URL}.{fmt}", data, **headers)


def test_post_json_creates_one_report_through_the_reports_service(client, form):
    response = post(client, form)

    assert response.status_code == 201
    assert response["Cache-Control"] == "no-store"
    report = Report.objects.get()
    assert response.json() == [
        {
            "service_request_id": report.reference,
            "service_notice": response.json()[0]["service_notice"],
            "account_id": None,
        }
    ]
    assert "Irado" in response.json()[0]["service_notice"]
    assert report.source == "open311"
    assert report.category.slug == "zwerfafval"
    assert report.neighbourhood.slug == "noordoost"
    assert str(report.latitude) == "51.912346"
    assert report.address == "Korfmakerstraat 12, Vlaardingen"
    assert report.events.get().kind == "created"
    contact = ReportContact.objects.get(report=report)
    assert (contact.email, contact.phone, contact.wants_updates) == (
        "bewoner@example.org",
        "010 123 45 67",
        True,
    )
    assert Submission.objects.get().report == report


def test_post_xml_answers_in_the_spec_elements(client, form):
    response = post(client, form, fmt="xml")

    assert response.status_code == 201
    root = parse_xml(response)
    assert root.tag == "service_requests"
    request = root.find("request")
    assert [c.tag for c in request] == ["service_request_id", "service_notice", "account_id"]
    assert request.findtext("service_request_id") == Report.objects.get().reference
    assert request.find("account_id").text is None


def test_names_media_url_and_attributes_are_not_stored(client, form):
    post(client, form)

    report = Report.objects.get()
    stored = " ".join(
        str(value)
        for row in [
            *Report.objects.values(),
            *ReportContact.objects.values(),
            *report.events.values(),
        ]
        for value in row.values()
    )
    for never in ("Fatima", "Jansen", "169.254", "blauw"):
        assert never not in stored
    assert not report.photos.exists()


def test_the_neighbourhood_may_come_as_the_definitions_attribute(client, form):
    form.pop("neighbourhood")
    form["attribute[neighbourhood]"] = "zuidwest"

    assert post(client, form).status_code == 201
    assert Report.objects.get().neighbourhood.slug == "zuidwest"


def test_anonymous_report_with_only_an_address_stores_no_contact(client, form):
    for name in ("email", "phone", "lat", "long"):
        form.pop(name)

    assert post(client, form).status_code == 201
    assert not ReportContact.objects.exists()


def errors_of(response):
    return [e["description"] for e in response.json()]


@pytest.mark.parametrize(
    ("change", "status", "expected"),
    [
        ({"api_key": ""}, 403, "api_key ontbreekt"),
        ({"api_key": "verkeerd"}, 403, "api_key is niet geldig"),
        ({"service_code": ""}, 400, "service_code ontbreekt"),
        ({"service_code": "bestaat-niet"}, 404, "service_code 'bestaat-niet' bestaat niet"),
        ({"service_code": "oud"}, 404, "service_code 'oud' bestaat niet"),
        ({"jurisdiction_id": "atlantis"}, 404, "jurisdiction_id 'atlantis' bestaat niet"),
        ({"neighbourhood": ""}, 400, "neighbourhood ontbreekt"),
        ({"neighbourhood": "elders"}, 400, "neighbourhood 'elders' hoort niet bij dit gebied"),
        ({"lat": "", "long": "", "address_string": ""}, 400, "Geef de plek"),
        ({"long": ""}, 400, "lat en long allebei"),
        ({"lat": "noord"}, 400, "lat moet een getal"),
        ({"long": "200"}, 400, "long moet een getal"),
        ({"lat": "NaN"}, 400, "lat moet een getal"),
        ({"description": "   "}, 400, "description ontbreekt"),
        ({"description": "x" * 4001}, 400, "description is langer dan 4000"),
        ({"description": "a\x00b"}, 400, "description bevat tekens"),
        ({"address_string": "s" * 201}, 400, "address_string is langer dan 200"),
        ({"email": "geen-adres"}, 400, "email: Vul een geldig e-mailadres in"),
        ({"phone": "bel me"}, 400, "phone: Vul een geldig telefoonnummer in"),
        ({"attribute[neighbourhood]": "zuidwest"}, 400, "verschillende buurten"),
    ],
)
def test_refusals_name_the_parameter_and_store_nothing(client, form, change, status, expected):
    form.update(change)

    for fmt in ("json", "xml"):
        response = post(client, form, fmt=fmt)
        assert response.status_code == status
        if fmt == "json":
            assert response.json()[0]["code"] == status
            assert any(expected in text for text in errors_of(response)), errors_of(response)
        else:
            root = parse_xml(response)
            assert root.tag == "errors"
            assert root.findtext("error/code") == str(status)
    assert not Report.objects.exists()
    assert not IdempotencyRecord.objects.exists()


def test_several_problems_are_reported_at_once(client, form):
    form.update({"description": "", "neighbourhood": "", "lat": "x"})

    response = post(client, form)

    assert response.status_code == 400
    assert len(response.json()) == 3


def test_an_inactive_client_is_refused(client, form):
    ApiClient.objects.update(is_active=False)

    response = post(client, form, fmt="xml")

    assert response.status_code == 403
    assert "ingetrokken" in parse_xml(response).findtext("error/description")
    assert not Report.objects.exists()


def test_a_staff_session_does_not_replace_the_api_key(client, form, login_verified):
    login_verified(client, UserFactory(is_staff=True, is_superuser=True))
    form.pop("api_key")

    response = post(client, form)

    assert response.status_code == 403
    assert not Report.objects.exists()


def test_no_csrf_token_is_needed_with_an_api_key(form):
    strict = Client(enforce_csrf_checks=True)

    assert post(strict, form).status_code == 201


def test_jurisdiction_id_is_needed_when_there_are_several_areas(client, form):
    from wijkaanpak.areas.tests.factories import AreaFactory

    AreaFactory(slug="oostwijk")
    assert post(client, form).status_code == 400
    form["jurisdiction_id"] = "westwijk"
    assert post(client, form).status_code == 201


class TestIdempotencyKey:
    def test_replay_with_the_same_body_returns_the_same_id_and_one_row(self, client, form):
        first = post(client, form, HTTP_IDEMPOTENCY_KEY="melding-1")
        again = post(client, form, HTTP_IDEMPOTENCY_KEY="melding-1")
        as_xml = post(client, form, fmt="xml", HTTP_IDEMPOTENCY_KEY="melding-1")

        assert first.status_code == again.status_code == as_xml.status_code == 201
        reference = first.json()[0]["service_request_id"]
        assert again.json()[0]["service_request_id"] == reference
        assert parse_xml(as_xml).findtext("request/service_request_id") == reference
        assert Report.objects.count() == 1
        assert Submission.objects.count() == 1

    def test_the_same_key_with_another_body_is_422(self, client, form):
        post(client, form, HTTP_IDEMPOTENCY_KEY="melding-1")
        form["description"] = "Iets anders."

        response = post(client, form, HTTP_IDEMPOTENCY_KEY="melding-1")

        assert response.status_code == 422
        assert response.json()[0]["code"] == 422
        assert "Idempotency-Key" in response.json()[0]["description"]
        assert Report.objects.count() == 1

    def test_keys_belong_to_one_client(self, client, form):
        _other, other_key = ApiClient.create_with_key(name="Andere app")
        post(client, form, HTTP_IDEMPOTENCY_KEY="melding-1")
        form["api_key"] = other_key

        assert post(client, form, HTTP_IDEMPOTENCY_KEY="melding-1").status_code == 201
        assert Report.objects.count() == 2

    def test_a_refused_request_does_not_use_up_the_key(self, client, form):
        form["neighbourhood"] = ""
        assert post(client, form, HTTP_IDEMPOTENCY_KEY="melding-1").status_code == 400
        form["neighbourhood"] = "noordoost"
        assert post(client, form, HTTP_IDEMPOTENCY_KEY="melding-1").status_code == 201

    def test_a_malformed_key_is_400(self, client, form):
        response = post(client, form, HTTP_IDEMPOTENCY_KEY="met spatie")

        assert response.status_code == 400
        assert not Report.objects.exists()

    def test_without_a_key_each_post_is_a_new_report(self, client, form):
        post(client, form)
        post(client, form)

        assert Report.objects.count() == 2


def test_posts_over_the_rate_are_refused_with_429(client, form, settings):
    settings.OPEN311_POST_RATE = "3/hour"
    form["api_key"] = "verkeerd"  # the limit also slows down guessing keys

    codes = [post(client, form).status_code for _ in range(3)]
    over = post(client, form, fmt="xml")

    assert codes == [403, 403, 403]
    assert over.status_code == 429
    assert int(over["Retry-After"]) > 0
    assert parse_xml(over).findtext("error/code") == "429"
    assert client.get(f"{URL}.json").status_code == 200  # reading is not limited
