"""The question-desk form: logging a question, bad input, the warm referral."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from wijkaanpak.areas.models import Organisation
from wijkaanpak.areas.tests.factories import AreaFactory, NeighbourhoodFactory, OrganisationFactory
from wijkaanpak.questiondesk.models import Question

from .conftest import url

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2024, 3, 14)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(dt.datetime(2024, 3, 14, 12, 0), tick=False):
        yield


def valid(area, **changes):
    values = {
        "asked_on": "2024-03-14",
        "theme": "money",
        "neighbourhood": str(area.neighbourhoods.get(slug="wetering").pk),
        "channel": "walk_in",
        "outcome": "answered",
        "referred_to": "",
        "follow_up_on": "",
        "summary": "Vraag over huurtoeslag",
    }
    return {**values, **changes}


def test_the_form_starts_with_today_and_warns_against_names(client, desk):
    response = client.get(url("new"))
    assert response.status_code == 200
    assert response.context["form"]["asked_on"].value() == TODAY
    assert "Schrijf niets op waaraan iemand te herkennen is." in response.text
    assert "geen namen, telefoonnummers, e-mailadressen, adressen of BSN" in response.text
    # Only the area's neighbourhoods and organisations are offered.
    form = response.context["form"]
    assert {n.slug for n in form.fields["neighbourhood"].queryset} >= {"wetering", "lage-weide"}
    assert set(form.fields["referred_to"].queryset) == set(
        Organisation.objects.filter(areas__slug="westwijk")
    )
    # No referral rights: the warm referral is not offered (that page would refuse).
    assert "warm_referral" not in form.fields


def test_logging_a_question(client, desk, area):
    response = client.post(url("new"), valid(area))
    assert response.status_code == 302
    assert response["Location"] == url("new")
    question = Question.objects.get()
    assert (question.area, question.theme, question.neighbourhood.slug) == (
        area,
        "money",
        "wetering",
    )
    assert (question.recorded_by, question.summary) == (desk, "Vraag over huurtoeslag")
    assert "De vraag is opgeslagen" in client.get(response["Location"]).text


def test_a_referral_and_a_follow_up(client, desk, area):
    minters = area.organisations.get(slug="minters")
    client.post(url("new"), valid(area, outcome="referred", referred_to=str(minters.pk)))
    client.post(url("new"), valid(area, outcome="follow_up", follow_up_on="2024-03-21"))
    referred, follow_up = Question.objects.order_by("pk")
    assert (referred.outcome, referred.referred_to) == ("referred", minters)
    assert (follow_up.outcome, follow_up.follow_up_on) == ("follow_up", D(2024, 3, 21))


BAD_INPUT = [
    ({"asked_on": ""}, "asked_on", "Vul een datum in."),
    ({"asked_on": "gisteren"}, "asked_on", "Vul een datum in zoals 31-12-2024."),
    ({"asked_on": "2024-02-30"}, "asked_on", "Vul een datum in zoals 31-12-2024."),
    ({"asked_on": "2024-03-15"}, "asked_on", "De datum ligt in de toekomst."),
    ({"asked_on": "0024-03-14"}, "asked_on", "De datum ligt meer dan twee jaar terug."),
    (
        {"outcome": "follow_up", "follow_up_on": "2204-03-14"},
        "follow_up_on",
        "De datum om terug te komen ligt meer dan een jaar na de vraag.",
    ),
    ({"theme": ""}, "theme", "Kies een thema uit de lijst."),
    ({"theme": "weer"}, "theme", "Kies een thema uit de lijst."),
    ({"channel": "fax"}, "channel", "Kies uit de lijst hoe de vraag binnenkwam."),
    ({"outcome": ""}, "outcome", "Kies uit de lijst wat er met de vraag is gedaan."),
    ({"neighbourhood": "999999"}, "neighbourhood", "Kies een buurt uit de lijst."),
    ({"neighbourhood": "abc"}, "neighbourhood", "Kies een buurt uit de lijst."),
    ({"outcome": "referred", "referred_to": "999999"}, "referred_to", "Kies een organisatie"),
    ({"outcome": "follow_up"}, "follow_up_on", "Vul in op welke datum"),
    (
        {"outcome": "follow_up", "follow_up_on": "2024-03-13"},
        "follow_up_on",
        "De datum om terug te komen ligt voor de datum van de vraag.",
    ),
    ({"follow_up_on": "2024-03-20"}, "follow_up_on", "Vul alleen een datum in als"),
    ({"summary": "x" * 301}, "summary", "De korte omschrijving is te lang"),
    ({"summary": "Bel haar op 06-12345678"}, "summary", "In de korte omschrijving staat iets"),
    ({"summary": "3131 AB 12"}, "summary", "In de korte omschrijving staat iets"),
    ({"summary": "BSN 123456782"}, "summary", "In de korte omschrijving staat iets"),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD_INPUT)
def test_bad_input_gets_a_dutch_error_at_the_field(client, desk, area, changes, field, message):
    data = valid(area, **changes)
    response = client.post(url("new"), data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert errors[field][0].startswith(message), errors[field]
    assert not Question.objects.exists()
    # Nothing lost: what was typed comes back in the form, and the summary names the field.
    assert response.context["form"].data["summary"] == data["summary"]
    label = str(response.context["form"].fields[field].label)
    assert f"{label}: " in response.text


def test_a_forged_neighbourhood_or_organisation_of_another_area(client, desk, area):
    other = AreaFactory(slug="oostwijk")
    hood = NeighbourhoodFactory(area=other)
    organisation = OrganisationFactory()
    organisation.areas.add(other)
    response = client.post(
        url("new"),
        valid(area, outcome="referred", neighbourhood=hood.pk, referred_to=organisation.pk),
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"neighbourhood", "referred_to"}
    assert not Question.objects.exists()


def test_a_warm_referral_needs_the_outcome_referred(client, desk_referrer, area):
    response = client.post(url("new"), valid(area, warm_referral="on"))
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["warm_referral"]
    assert not Question.objects.exists()


def test_without_the_tick_a_referred_question_stays_here(client, desk_referrer, area):
    assert "Nu een warme verwijzing maken" in client.get(url("new")).text
    response = client.post(url("new"), valid(area, outcome="referred"))
    assert response["Location"] == url("new")


def test_a_warm_referral_continues_on_the_referrals_page(client, desk_referrer, area):
    minters = area.organisations.get(slug="minters")
    response = client.post(
        url("new"), valid(area, outcome="referred", referred_to=minters.pk, warm_referral="on")
    )
    question = Question.objects.get()
    assert question.outcome == "referred" and question.referred_to == minters
    assert response.status_code == 302
    expected = reverse("referrals:new", args=["westwijk"]) + f"?vraag={question.pk}"
    assert response["Location"] == expected
    assert expected.startswith("/westwijk/verwijzingen/nieuw/")
