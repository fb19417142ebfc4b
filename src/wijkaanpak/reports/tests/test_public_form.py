"""The public report form: no login, Dutch errors, duplicates step, honeypot, rate limit."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from wijkaanpak.areas.models import Neighbourhood
from wijkaanpak.areas.tests.factories import AreaFactory, NeighbourhoodFactory
from wijkaanpak.reports.models import Report, ReportContact, ReportEvent, ReportPhoto, Status
from wijkaanpak.reports.tests.factories import CategoryFactory, ReportContactFactory, ReportFactory
from wijkaanpak.reports.tests.test_uploads import gps_exif, photo_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def area():
    area = AreaFactory(slug="westwijk", name="Westwijk")
    NeighbourhoodFactory(area=area, slug="wetering", name="Wetering")
    NeighbourhoodFactory(area=area, slug="hoogkamer", name="Hoogkamer")
    NeighbourhoodFactory(area=area, slug="holy", name="Holy", role=Neighbourhood.Role.WATCHED)
    return area


@pytest.fixture
def categories():
    waste = CategoryFactory(name="Zwerfafval", slug="zwerfafval")
    bulky = CategoryFactory(name="Afval naast container", slug="naast-container", parent=waste)
    CategoryFactory(name="Oude soort", slug="oud", parent=waste, is_active=False)
    lamp = CategoryFactory(name="Straatverlichting", slug="straatverlichting")
    return {"waste": waste, "bulky": bulky, "lamp": lamp}


URL = "/westwijk/meldingen/nieuw/"


def valid(**overrides):
    data = {
        "category": "naast-container",
        "neighbourhood": "wetering",
        "address": "Van Hogendorplaan 12",
        "location_description": "",
        "latitude": "",
        "longitude": "",
        "description": "Vuilniszakken naast de container.",
        "email": "",
        "phone": "",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_the_form_needs_no_login_and_offers_active_categories_in_groups(client, area, categories):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<optgroup label="Zwerfafval">' in html
    assert 'value="naast-container"' in html and 'value="straatverlichting"' in html
    assert 'value="oud"' not in html  # inactive
    assert 'value="wetering"' in html and 'value="holy"' not in html  # quadrants only
    assert "Wat doen wij met uw gegevens?" in html
    assert response["Cache-Control"] == "no-store"


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client, area, categories):
    html = client.get(URL).content.decode()
    start = html.index('aria-hidden="true" style="position:absolute')
    block = html[start : html.index("</div>", start)]
    assert "Laat dit veld leeg" in block
    assert 'name="website"' in block and 'tabindex="-1"' in block


def test_an_empty_form_lists_every_error_in_dutch_with_links(client, area, categories):
    response = client.post(URL, {"website": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Uw melding is nog niet verstuurd. Verbeter dit:" in html
    for anchor, message in [
        ("#id_category", "Kies wat voor melding het is."),
        ("#id_neighbourhood", "Kies de buurt."),
        ("#id_description", "Schrijf wat er aan de hand is."),
        ("#id_address", "Vul een adres in of beschrijf de plek."),
    ]:
        assert f'href="{anchor}"' in html
        assert message in html
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"wants_updates": "on"}, "email", "Vul uw e-mailadres in als u op de hoogte wilt"),
        ({"email": "jan@"}, "email", "Vul een geldig e-mailadres in"),
        ({"phone": "bel me"}, "phone", "Vul een telefoonnummer in met alleen cijfers"),
        ({"latitude": "51.9"}, "longitude", "allebei in, of allebei niet"),
        ({"longitude": "4.3"}, "latitude", "allebei in, of allebei niet"),
        ({"latitude": "91", "longitude": "4.3"}, "latitude", "tussen -90 en 90"),
        ({"latitude": "noord", "longitude": "4.3"}, "latitude", "als getal"),
        ({"category": "oud"}, "category", "Kies een soort melding uit de lijst."),
        ({"category": "zwerfafval"}, "category", "uit de lijst"),  # a group, not an option
        ({"neighbourhood": "holy"}, "neighbourhood", "Kies een buurt uit de lijst."),
        ({"description": "x" * 2001}, "description", "hoogstens 2000 tekens"),
        ({"address": "", "location_description": "  "}, "address", "beschrijf de plek"),
    ],
)
def test_a_wrong_field_gets_a_dutch_error_and_nothing_is_stored(
    client, area, categories, overrides, field, message
):
    response = client.post(URL, valid(**overrides))
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    assert f'href="#id_{field}"' in response.content.decode()
    assert not Report.objects.exists()


def test_a_report_is_stored_and_the_confirmation_shows_reference_and_status_link(
    client, area, categories
):
    response = client.post(
        URL,
        valid(
            email="bewoner@example.org",
            phone="06 12345678",
            wants_updates="on",
            latitude="51,904234567",
            longitude="4.3276",
        ),
    )
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/westwijk/meldingen/ontvangen/{report.status_token}/"
    assert (report.category.slug, report.neighbourhood.slug) == ("naast-container", "wetering")
    assert report.latitude == Decimal("51.904235")  # a comma works, extra decimals rounded
    contact = report.contacts.get()
    assert (contact.email, contact.phone, contact.wants_updates) == (
        "bewoner@example.org",
        "06 12345678",
        True,
    )

    page = client.get(response["Location"])
    html = page.content.decode()
    assert report.reference in html
    assert f"http://testserver/meldingen/status/{report.status_token}/" in html
    assert "Wij hebben u ook een e-mail gestuurd" in html
    assert "bewoner@example.org" not in html
    assert page["Cache-Control"] == "no-store" and page["X-Robots-Tag"] == "noindex"


def test_the_confirmation_page_turns_into_the_status_page_after_a_day(client, area, categories):
    response = client.post(URL, valid())
    report = Report.objects.get()
    Report.objects.filter(pk=report.pk).update(
        received_at=report.received_at - dt.timedelta(hours=25)
    )
    later = client.get(response["Location"])
    assert later.status_code == 302
    assert later["Location"] == f"/meldingen/status/{report.status_token}/"


def test_an_anonymous_report_stores_no_contact(client, area, categories):
    response = client.post(URL, valid(address="", location_description="Bij de speeltuin"))
    assert Report.objects.count() == 1
    assert not ReportContact.objects.exists()
    html = client.get(response["Location"]).content.decode()
    assert "U hebt geen e-mailadres gegeven" in html


def test_the_confirmation_page_of_another_area_or_token_is_not_found(client, area, categories):
    report = ReportFactory(area=area)
    other = AreaFactory(slug="elders")
    assert client.get(f"/elders/meldingen/ontvangen/{report.status_token}/").status_code == 404
    assert client.get("/westwijk/meldingen/ontvangen/bestaat-niet/").status_code == 404
    assert other.reports.count() == 0


def test_an_unknown_area_has_no_form(client, categories):
    assert client.get("/nergens/meldingen/nieuw/").status_code == 404


def jpeg_upload(name="straat.jpg", **kwargs):
    return SimpleUploadedFile(name, photo_bytes(**kwargs), content_type="image/jpeg")


def test_photos_are_stored_without_exif(client, area, categories):
    client.post(
        URL,
        valid(photos=[jpeg_upload(exif=gps_exif()), jpeg_upload("tweede.jpg")]),
    )
    photos = list(ReportPhoto.objects.all())
    assert len(photos) == 2
    for photo in photos:
        with photo.image.open("rb") as stored:
            content = stored.read()
        assert len(Image.open(io.BytesIO(content)).getexif()) == 0
        assert "straat" not in photo.image.name


def test_a_bad_photo_is_named_in_the_error_and_nothing_is_stored(client, area, categories):
    pdf = SimpleUploadedFile("brief.jpg", b"%PDF-1.7 fake", content_type="image/jpeg")
    response = client.post(URL, valid(photos=[jpeg_upload(), pdf]))
    errors = response.context["form"].errors["photos"]
    assert errors == [
        "Het bestand 'brief.jpg' is geen foto. Kies een foto van het type JPG of PNG."
    ]
    assert 'href="#id_photos"' in response.content.decode()
    assert not Report.objects.exists() and not ReportPhoto.objects.exists()


def test_more_than_three_photos_are_refused(client, area, categories):
    response = client.post(URL, valid(photos=[jpeg_upload(f"{i}.jpg") for i in range(4)]))
    assert "hoogstens 3 foto's" in response.context["form"].errors["photos"][0]
    assert not Report.objects.exists()


def test_a_filled_honeypot_is_refused_without_storing_anything(client, area, categories):
    response = client.post(URL, valid(website="http://spam.example", email="bot@example.org"))
    assert response.status_code == 400
    assert "Uw melding is niet verstuurd" in response.content.decode()
    assert 'value="http://spam.example"' not in response.content.decode()
    assert not Report.objects.exists()
    assert not ReportContact.objects.exists()
    assert not ReportEvent.objects.exists()


def test_posts_over_the_rate_limit_get_429_in_dutch(client, area, categories, settings):
    settings.REPORT_FORM_RATE = "2/hour"
    assert client.post(URL, valid()).status_code == 302
    assert client.post(URL, {"website": ""}).status_code == 200  # errors count too
    response = client.post(URL, valid())
    assert response.status_code == 429
    assert "Even wachten" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert Report.objects.count() == 1
    # Another client is not held back; reading the form never counts.
    assert client.get(URL).status_code == 200
    other = valid(address="Floris de Vijfdelaan 3")
    assert client.post(URL, other, REMOTE_ADDR="10.0.0.9").status_code == 302


@pytest.fixture
def open_report(area, categories):
    report = ReportFactory(
        area=area,
        neighbourhood=area.neighbourhoods.get(slug="wetering"),
        category=categories["bulky"],
        address="Van Hogendorplaan 40",
        latitude=Decimal("51.904200"),
        longitude=Decimal("4.327600"),
    )
    ReportContactFactory(report=report, email="eerste@example.org", phone="0101234567")
    return report


NEAR = {"latitude": "51.904400", "longitude": "4.327600", "address": ""}  # about 22 m north


def test_an_open_report_nearby_is_shown_before_anything_is_stored(client, open_report):
    response = client.post(
        URL, valid(**NEAR, location_description="bij de container", email="tweede@example.org")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Is dit al gemeld?" in html
    assert open_report.reference in html and "Afval naast container" in html
    assert "Van Hogendorplaan" in html and "Van Hogendorplaan 40" not in html  # street only
    assert "eerste@example.org" not in html and "0101234567" not in html
    assert 'name="join"' in html and 'name="new"' in html
    # The resident's own input travels along in hidden fields; nothing is stored yet.
    assert 'type="hidden" name="email" value="tweede@example.org"' in html
    assert 'type="hidden" name="website"' not in html
    assert Report.objects.count() == 1
    assert response["Cache-Control"] == "no-store"


def test_the_same_address_is_a_duplicate_too(client, open_report):
    response = client.post(URL, valid(address="van hogendorplaan 40"))
    assert "Is dit al gemeld?" in response.content.decode()


@pytest.mark.parametrize(
    "change",
    [
        {"status": Status.RESOLVED},
        {"category": None},  # another category
    ],
)
def test_closed_or_other_category_reports_are_not_offered(client, open_report, categories, change):
    if "status" in change:
        open_report.status = change["status"]
    else:
        open_report.category = categories["lamp"]
    open_report.save()
    response = client.post(URL, valid(**NEAR, location_description="bij de container"))
    assert response.status_code == 302
    assert Report.objects.count() == 2


def test_joining_adds_the_resident_to_the_open_report(client, open_report):
    data = valid(**NEAR, location_description="x", email="tweede@example.org", wants_updates="on")
    response = client.post(URL, {**data, "join": open_report.reference})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"U hebt zich aangesloten bij melding {open_report.reference}" in html
    assert f"/meldingen/status/{open_report.status_token}/" in html
    assert "Wij sturen u een e-mail als er iets verandert" in html
    assert Report.objects.count() == 1
    supporter = open_report.contacts.get(role=ReportContact.Role.SUPPORTER)
    assert (supporter.email, supporter.wants_updates) == ("tweede@example.org", True)
    assert open_report.events.filter(kind=ReportEvent.Kind.SUPPORTER_JOINED).count() == 1


def test_an_anonymous_resident_can_join_too(client, open_report):
    response = client.post(
        URL, {**valid(**NEAR, location_description="x"), "join": open_report.reference}
    )
    assert "Wij sturen u geen berichten" in response.content.decode()
    assert open_report.contacts.count() == 1  # only the first reporter
    assert open_report.events.filter(kind=ReportEvent.Kind.SUPPORTER_JOINED).exists()


def test_joining_a_report_that_is_not_nearby_or_closed_is_refused(client, open_report, area):
    far = ReportFactory(area=area, category=open_report.category, address="Elders 1")
    data = valid(**NEAR, location_description="x")
    response = client.post(URL, {**data, "join": far.reference})
    assert "is inmiddels gesloten" in response.content.decode()
    assert not far.events.exists()

    open_report.status = Status.CANCELLED
    open_report.save()
    response = client.post(URL, {**data, "join": open_report.reference})
    assert response.status_code == 200
    assert "is inmiddels gesloten" in response.content.decode()
    assert Report.objects.count() == 2  # nothing new until the resident sends it again


def test_something_else_makes_a_new_report_with_photos_chosen_again(client, open_report):
    data = valid(**NEAR, location_description="x", email="tweede@example.org")
    response = client.post(URL, {**data, "new": "1", "photos": [jpeg_upload()]})
    assert response.status_code == 302
    new = Report.objects.exclude(pk=open_report.pk).get()
    assert new.photos.count() == 1
    assert new.contacts.get().email == "tweede@example.org"


def test_the_duplicates_step_says_photos_must_be_chosen_again(client, open_report):
    response = client.post(URL, valid(**NEAR, location_description="x", photos=[jpeg_upload()]))
    assert "Kies ze hieronder opnieuw" in response.content.decode()
    assert not ReportPhoto.objects.exists()


@pytest.mark.parametrize(
    ("text", "number", "seconds"),
    [("10/hour", 10, 3600), ("5/m", 5, 60), ("100/day", 100, 86400), ("1/second", 1, 1)],
)
def test_parse_rate(text, number, seconds):
    from wijkaanpak.reports.ratelimit import Rate, parse_rate

    assert parse_rate(text) == Rate(number, seconds)


@pytest.mark.parametrize("text", ["", "10", "tien/hour", "10/week", "-1/hour"])
def test_a_wrong_rate_setting_is_refused(text):
    from wijkaanpak.reports.ratelimit import parse_rate

    with pytest.raises(ValueError):
        parse_rate(text)
