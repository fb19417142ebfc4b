"""Staff measurement pages: who may do what, and what a user sees and stores."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.tests.factories import join_areas
from wijkaanpak.programme.models import Indicator, Measurement

from .factories import IndicatorFactory, MeasurementFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

ADD, CHANGE = "programme.add_measurement", "programme.change_measurement"


@pytest.fixture
def indicator():
    programme = ProgrammeFactory(edition_year=2023)
    return IndicatorFactory(programme=programme, slug="armoede", name="Kinderen in armoede")


@pytest.fixture
def area(indicator):
    return indicator.programme.area.slug


def url(name, area, *args):
    return reverse(f"programme:{name}", args=[area, *args])


def form_data(indicator, **overrides):
    data = {
        "indicator": indicator.pk,
        "scope": "area",
        "value": "15,5",
        "period_start": "2023-01-01",
        "period_end": "2023-12-31",
        "source": "CBS Statline",
        "note": "",
    }
    return {**data, **overrides}


def import_upload(*lines):
    text = "\r\n".join(["indicator;schaal;waarde;begin;einde;bron", *lines]) + "\r\n"
    return SimpleUploadedFile("metingen.csv", text.encode())


@pytest.mark.parametrize("name", ["measurement-add", "measurement-import"])
def test_anonymous_get_is_sent_to_the_login_page(client, area, name):
    response = client.get(url(name, area))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_anonymous_post_stores_nothing(client, area, indicator):
    response = client.post(url("measurement-add", area), form_data(indicator))
    assert response.status_code == 302
    response = client.post(
        url("measurement-import", area),
        {"file": import_upload("armoede;wijk;1;01-01-2023;31-12-2023;CBS")},
    )
    assert response.status_code == 302
    assert Measurement.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("measurement-add", "get"),
        ("measurement-add", "post"),
        ("measurement-import", "get"),
        ("measurement-import", "post"),
        ("measurement-import-template", "get"),
    ],
)
def test_logged_in_without_permission_is_refused(
    client, area, indicator, name, method, login_verified
):
    login_verified(client, UserFactory(permissions=["programme.view_measurement"]))
    response = getattr(client, method)(url(name, area), form_data(indicator))
    assert response.status_code == 403
    assert Measurement.objects.count() == 0


def test_add_form_shows_labels_grouped_indicators_and_no_qualitative_ones(
    client, area, indicator, login_verified
):
    IndicatorFactory(
        programme=indicator.programme, name="Welbevinden", unit=Indicator.Unit.QUALITATIVE
    )
    login_verified(client, join_areas(UserFactory(permissions=[ADD]), area))
    response = client.get(url("measurement-add", area))
    page = response.content.decode()
    assert response.status_code == 200
    assert f'<optgroup label="{indicator.line.name}">' in page
    assert "Kinderen in armoede" in page and "Welbevinden" not in page
    for field in ["indicator", "scope", "value", "period_start", "period_end", "source", "note"]:
        assert f'<label class="utrecht-form-label" for="id_{field}">' in page
    assert 'aria-describedby="id_value_helptext"' in page


def test_with_permission_the_form_stores_a_measurement_with_entered_by(
    client, area, indicator, login_verified
):
    user = join_areas(UserFactory(permissions=[ADD]), area)
    login_verified(client, user)
    response = client.post(url("measurement-add", area), form_data(indicator), follow=True)
    assert response.redirect_chain[-1][0] == url("measurement-add", area)
    measurement = Measurement.objects.get()
    assert (measurement.value, measurement.entered_by) == (D("15.5"), user)
    assert measurement.period_end == date(2023, 12, 31)
    assert "De meting is opgeslagen" in response.content.decode()


def test_form_errors_are_shown_at_the_field_and_linked(client, area, indicator, login_verified):
    login_verified(client, join_areas(UserFactory(permissions=[ADD]), area))
    data = form_data(indicator, value="150", period_end="2022-12-31")
    response = client.post(url("measurement-add", area), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert Measurement.objects.count() == 0
    assert "Een percentage ligt tussen 0 en 100." in page
    assert "Het einde van de periode ligt vóór het begin." in page
    assert 'id="id_value_error"' in page
    assert 'aria-describedby="id_value_helptext id_value_error"' in page
    assert 'aria-invalid="true"' in page
    assert 'href="#id_value"' in page


def test_overwriting_needs_the_change_right(client, area, indicator, login_verified):
    MeasurementFactory(indicator=indicator, value=D("15.5"))
    login_verified(client, join_areas(UserFactory(permissions=[ADD]), area))
    response = client.post(url("measurement-add", area), form_data(indicator, value="16"))
    assert response.status_code == 200
    assert "niet corrigeren" in response.content.decode()
    assert Measurement.objects.get().value == D("15.5")


def test_a_second_value_for_the_same_period_corrects_and_keeps_history(
    client, area, indicator, login_verified
):
    old = MeasurementFactory(indicator=indicator, value=D("15.5"))
    login_verified(client, join_areas(UserFactory(permissions=[ADD, CHANGE]), area))
    response = client.post(
        url("measurement-add", area), form_data(indicator, value="16"), follow=True
    )
    assert "gecorrigeerd van 15,5 naar 16" in response.content.decode()
    old.refresh_from_db()
    assert old.superseded_at is not None
    assert Measurement.objects.current().get().supersedes == old


def test_correct_page_needs_both_rights_and_keeps_history(client, area, indicator, login_verified):
    old = MeasurementFactory(indicator=indicator, value=D("15.5"))
    correct_url = url("measurement-correct", area, old.pk)
    login_verified(client, join_areas(UserFactory(permissions=[ADD]), area))
    assert client.get(correct_url).status_code == 403
    user = join_areas(UserFactory(permissions=[ADD, CHANGE]), area)
    login_verified(client, user)
    assert client.get(correct_url).status_code == 200
    data = {"value": "15,7", "period_start": "2023-01-01", "source": "CBS", "note": "Typfout"}
    response = client.post(correct_url, data)
    assert response.status_code == 302
    new = Measurement.objects.current().get()
    assert (new.value, new.supersedes, new.entered_by, new.note) == (
        D("15.7"),
        old,
        user,
        "Typfout",
    )
    page = client.get(correct_url).content.decode()
    assert "al gecorrigeerd" in page and "Correctie opslaan" not in page
    assert client.post(correct_url, {**data, "value": "20"}).status_code == 200
    assert Measurement.objects.count() == 2


def test_correct_page_refuses_a_measurement_of_another_area(
    client, area, indicator, login_verified
):
    foreign = MeasurementFactory()
    login_verified(client, join_areas(UserFactory(permissions=[ADD, CHANGE]), area))
    assert client.get(url("measurement-correct", area, foreign.pk)).status_code == 404


def test_unknown_area_is_404(client, login_verified):
    login_verified(client, UserFactory(permissions=[ADD]))
    assert client.get(url("measurement-add", "nergens")).status_code == 404


def test_import_page_shows_columns_and_template(client, area, indicator, login_verified):
    login_verified(client, join_areas(UserFactory(permissions=[ADD]), area))
    page = client.get(url("measurement-import", area)).content.decode()
    assert "toelichting" in page and "armoede" in page
    assert url("measurement-import-template", area) in page
    response = client.get(url("measurement-import-template", area))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.decode("utf-8-sig").startswith("indicator;schaal;waarde")


def test_import_via_the_page_shows_the_row_error_table_and_stores_nothing(
    client, area, login_verified
):
    login_verified(client, join_areas(UserFactory(permissions=[ADD]), area))
    upload = import_upload(
        "armoede;wijk;15,5;01-01-2023;31-12-2023;CBS",
        "armoede;stad;veel;01-01-2023;31-12-2023;CBS",
    )
    response = client.post(url("measurement-import", area), {"file": upload})
    page = response.content.decode()
    assert response.status_code == 200
    assert Measurement.objects.count() == 0
    assert "Er is 1 fout gevonden. Er is niets opgeslagen." in page
    row = page[page.index("Fouten per rij") :]
    assert ">3</td>" in row and ">waarde</td>" in row and "is geen getal" in row


def test_import_via_the_page_stores_and_reports_a_summary(client, area, login_verified):
    user = join_areas(UserFactory(permissions=[ADD]), area)
    login_verified(client, user)
    upload = import_upload("armoede;wijk;15,5;01-01-2023;31-12-2023;CBS")
    response = client.post(url("measurement-import", area), {"file": upload}, follow=True)
    assert response.redirect_chain[-1][0] == url("measurement-import", area)
    assert "Import gelukt: 1 nieuwe metingen" in response.content.decode()
    assert Measurement.objects.get().entered_by == user


def test_import_without_a_file_is_a_field_error_not_a_500(client, area, login_verified):
    login_verified(client, join_areas(UserFactory(permissions=[ADD]), area))
    response = client.post(url("measurement-import", area), {})
    assert response.status_code == 200
    assert 'id="id_file_error"' in response.content.decode()
