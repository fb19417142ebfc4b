"""The question-desk pages: logging with bad input, the warm referral, lists, the overview."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from wijkaanpak.accounts import roles
from wijkaanpak.areas.models import Organisation
from wijkaanpak.areas.tests.factories import AreaFactory, NeighbourhoodFactory, OrganisationFactory
from wijkaanpak.questiondesk.models import Question

from .factories import QuestionFactory, staff, sync_roles

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2024, 3, 14)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(dt.datetime(2024, 3, 14, 12, 0), tick=False):
        yield


@pytest.fixture
def area(westwijk):
    return westwijk.area


@pytest.fixture
def desk(client, login_verified, area):
    sync_roles()
    user = staff(
        roles.QUESTION_DESK, organisation=Organisation.objects.get(slug="gemeente-vlaardingen")
    )
    login_verified(client, user)
    return user


def url(name, *args):
    return reverse(f"questiondesk:{name}", args=["westwijk", *args])


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


@pytest.fixture
def desk_referrer(client, login_verified, area):
    sync_roles()
    user = staff(
        roles.QUESTION_DESK,
        roles.REFERRER,
        organisation=Organisation.objects.get(slug="gemeente-vlaardingen"),
    )
    login_verified(client, user)
    return user


def test_a_warm_referral_needs_the_outcome_referred(client, desk_referrer, area):
    response = client.post(url("new"), valid(area, warm_referral="on"))
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["warm_referral"]
    assert not Question.objects.exists()


def test_without_the_tick_a_referred_question_stays_here(client, desk_referrer, area):
    assert "Nu een warme verwijzing maken" in client.get(url("new")).text
    response = client.post(url("new"), valid(area, outcome="referred"))
    assert response["Location"] == url("new")


def test_the_list_filters_by_month_theme_neighbourhood_and_outcome(client, desk, area):
    wetering = area.neighbourhoods.get(slug="wetering")
    march = QuestionFactory(area=area, asked_on=D(2024, 3, 2), neighbourhood=wetering)
    housing = QuestionFactory(
        area=area, asked_on=D(2024, 3, 9), theme="housing", outcome="referred"
    )
    february = QuestionFactory(area=area, asked_on=D(2024, 2, 29), summary="Vraag over de tuin")
    QuestionFactory(area=AreaFactory(slug="oostwijk"), summary="Vraag in Oostwijk")

    def listed(query=""):
        response = client.get(url("list") + query)
        assert response.status_code == 200
        return list(response.context["page"].object_list)

    assert listed() == [housing, march, february]
    assert listed("?maand=2024-03") == [housing, march]
    assert listed("?thema=money") == [march, february]
    assert listed(f"?buurt={wetering.pk}") == [march]
    assert listed("?uitkomst=referred") == [housing]
    assert listed("?maand=2024-02&thema=money") == [february]
    text = client.get(url("list")).text
    assert "Vraag over de tuin" in text and "Vraag in Oostwijk" not in text


@pytest.mark.parametrize(
    ("query", "field"),
    [("?maand=maart", "maand"), ("?thema=weer", "thema"), ("?buurt=999999", "buurt"),
     ("?uitkomst=x", "uitkomst"), ("?maand=2024-13", "maand")],
)  # fmt: skip
def test_a_bad_filter_is_named_and_the_rest_still_works(client, desk, area, query, field):
    QuestionFactory(area=area)
    response = client.get(url("list") + query + "&pagina=abc")
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert "Niet elk filter kon worden gebruikt" in response.text
    assert len(response.context["page"].object_list) == 1


def test_follow_ups_due_and_done(client, desk, area):
    due = QuestionFactory(
        area=area, asked_on=D(2024, 3, 1), outcome="follow_up", follow_up_on=D(2024, 3, 14)
    )
    later = QuestionFactory(
        area=area, asked_on=D(2024, 3, 1), outcome="follow_up", follow_up_on=D(2024, 3, 15)
    )
    response = client.get(url("follow-ups"))
    assert list(response.context["questions"]) == [due]
    assert url("follow-up-done", due.pk) in response.text
    response = client.post(url("follow-up-done", due.pk))
    assert response["Location"] == url("follow-ups")
    due.refresh_from_db()
    assert due.follow_up_done_on == TODAY
    page = client.get(url("follow-ups"))
    assert list(page.context["questions"]) == []
    assert "Gedaan: u bent teruggekomen" in page.text
    # Twice is harmless: a message, the first date stays.
    client.post(url("follow-up-done", due.pk))
    assert "U bent al op deze vraag teruggekomen" in client.get(url("follow-ups")).text
    later.refresh_from_db()
    assert later.follow_up_done_on is None


def test_done_on_an_unknown_question_or_with_get(client, desk, area):
    answered = QuestionFactory(area=area)
    assert client.post(url("follow-up-done", 999999)).status_code == 404
    assert client.get(url("follow-up-done", answered.pk)).status_code == 405
    client.post(url("follow-up-done", answered.pk))
    assert "hoeft u niet terug te komen" in client.get(url("follow-ups")).text


def test_the_coordinator_sees_but_cannot_mark_done(client, login_verified, area):
    sync_roles()
    coordinator = staff(
        roles.COORDINATOR, organisation=Organisation.objects.get(slug="gemeente-vlaardingen")
    )
    login_verified(client, coordinator)
    QuestionFactory(area=area, asked_on=D(2024, 3, 1), outcome="follow_up", follow_up_on=TODAY)
    response = client.get(url("follow-ups"))
    assert len(response.context["questions"]) == 1
    assert "Gedaan</button>" not in response.text
    assert url("new") not in client.get(url("list")).text


def test_the_overview_page_and_its_download_agree(client, desk, area):
    QuestionFactory(area=area, asked_on=D(2024, 2, 12), theme="money")
    QuestionFactory(area=area, asked_on=D(2024, 3, 1), theme="money", outcome="referred")
    QuestionFactory(area=area, asked_on=D(2024, 3, 2), theme="housing")
    response = client.get(url("overview"))
    assert response.status_code == 200
    rows = response.context["overview"].rows
    assert [r.total for r in rows] == [None, 1, 2]
    assert "De eerste vraag die is vastgelegd, is van 12 februari 2024." in response.text
    assert "onbekend" in response.text
    download = client.get(url("overview-csv") + "?jaar=2024")
    assert download.status_code == 200
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="westwijk-vragen-tweede-huiskamer-2024.csv"' in download["Content-Disposition"]
    lines = download.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Maand;opvoeding;zorg;")
    assert lines[1] == "2024-01;" + ";".join(["onbekend"] * 14)
    march = lines[3].split(";")
    assert march[0] == "2024-03" and march[11] == "2" and march[12:] == ["1", "1", "0"]


@pytest.mark.parametrize("year", ["abc", "2019", "2030"])
def test_a_wrong_year_gets_an_error_not_a_file(client, desk, area, year):
    QuestionFactory(area=area, asked_on=D(2024, 2, 12))
    for name in ("overview", "overview-csv"):
        response = client.get(url(name) + f"?jaar={year}")
        assert response.status_code == 400, name
        assert "Kies een jaar uit de lijst." in response.text
        assert response.context["overview"].year == 2024


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


def test_the_list_pages_keep_the_filters(client, desk, area):
    QuestionFactory.create_batch(51, area=area, theme="housing")
    QuestionFactory(area=area, theme="money")
    response = client.get(url("list") + "?thema=housing")
    assert len(response.context["page"].object_list) == 50
    assert 'href="?thema=housing&amp;pagina=2"' in response.text
    second = client.get(url("list") + "?thema=housing&pagina=2")
    assert len(second.context["page"].object_list) == 1
    assert client.get(url("list") + "?pagina=999").context["page"].number == 2
