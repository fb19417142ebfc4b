"""The list (sent and inbox) and the referral form: who gets in, what is stored, what not."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from wijkaanpak.accounts import roles
from wijkaanpak.audit.models import ProcessingRecord
from wijkaanpak.questiondesk.models import Question
from wijkaanpak.referrals.models import Consent, DataKind, Referral
from wijkaanpak.workdays import AMSTERDAM

from . import factories as f

pytestmark = pytest.mark.django_db

LIST = reverse("referrals:list", args=["westwijk"])
NEW = reverse("referrals:new", args=["westwijk"])


def form_data(world, **overrides):
    values = {
        "offer": world.offer.slug,
        "referring_organisation": str(world.school.pk),
        "consent_given_by": "mevrouw J.",
        "consent_relation": "parent",
        "consent_given_on": "2026-11-02",
        "consent_method": "spoken",
        "consent_data_kinds": ["name", "contact", "reason", "urgency"],
        "person_name": "J. Jansen",
        "contact_route": "06 12345678",
        "reason": "Moeder zoekt steun bij de opvoeding.",
        "urgency": "normal",
        "age_band": "",
        "neighbourhood": "",
    }
    values.update(overrides)
    return values


@pytest.fixture
def sent(world):
    return f.referral(world.specialist, world.school, world.offer)


@pytest.fixture
def outsiders(world):
    return {
        "steering group": f.staff("stuurgroep", roles.STEERING_GROUP, world.school),
        "question desk": f.staff("huiskamer", roles.QUESTION_DESK, world.welfare),
        "coordinator": world.coordinator,
    }


def test_the_list_shows_sent_and_received_without_personal_data(
    client, login_verified, world, sent
):
    login_verified(client, world.specialist)
    response = client.get(LIST)
    assert response.status_code == 200
    sent_part, received_part = response.content.decode().split("Binnengekomen bij mijn organisatie")
    assert sent.reference in sent_part and sent.reference not in received_part
    assert "no-store" in response["Cache-Control"]
    assert "J. Jansen" not in response.content.decode()
    # No personal data shown, so no processing-log record for the list.
    assert not ProcessingRecord.objects.filter(action="read").exists()

    login_verified(client, world.receiver)
    sent_part, received_part = (
        client.get(LIST).content.decode().split("Binnengekomen bij mijn organisatie")
    )
    assert sent.reference in received_part and sent.reference not in sent_part


def test_the_inbox_marks_overdue_referrals(client, login_verified, world):
    late = f.referral(
        world.specialist,
        world.school,
        world.offer,
        now=dt.datetime(2026, 11, 2, 10, tzinfo=AMSTERDAM),
    )
    login_verified(client, world.receiver)
    with time_machine.travel(dt.datetime(2026, 11, 10, 12, tzinfo=AMSTERDAM), tick=False):
        page = client.get(LIST).content.decode()
    row = page[page.index(late.reference) :].split("</tr>")[0]
    assert "te laat" in row


@pytest.mark.parametrize("who", ["other_receiver", "other_referrer"])
def test_other_organisations_see_nothing_in_their_list(client, login_verified, world, sent, who):
    login_verified(client, getattr(world, who))
    response = client.get(LIST)
    assert response.status_code == 200
    assert sent.reference not in response.content.decode()


@pytest.mark.parametrize("who", ["steering group", "question desk", "coordinator"])
def test_roles_without_referral_rights_get_no_list_and_no_form(
    client, login_verified, outsiders, who
):
    login_verified(client, outsiders[who])
    assert client.get(LIST).status_code == 403
    assert client.get(NEW).status_code == 403


@pytest.mark.parametrize("url", [LIST, NEW])
def test_anonymous_visitors_are_sent_to_the_login(client, world, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_receiver_cannot_refer(client, login_verified, world):
    login_verified(client, world.receiver)
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, form_data(world)).status_code == 403
    assert not Referral.objects.exists()


def test_the_form_offers_only_offers_that_take_referrals_and_preselects(
    client, login_verified, world
):
    f.offer(world.area, world.welfare, slug="geen-verwijzingen", accepts_referrals=False)
    f.offer(world.area, world.welfare, slug="verborgen", is_published=False)
    f.offer(world.area, None, slug="zonder-organisatie")
    login_verified(client, world.specialist)
    response = client.get(NEW + "?aanbod=buurtgezinnen")
    assert response.status_code == 200
    choices = [value for value, _label in response.context["form"].fields["offer"].choices]
    assert [str(v) for v in choices if v] == ["buurtgezinnen"]
    assert 'value="buurtgezinnen" selected' in response.content.decode()
    # The consent section comes before the data about the family.
    page = response.content.decode()
    assert page.index("Toestemming van het gezin") < page.index("Naam of initialen")


def test_a_valid_form_refers_with_consent_and_opens_the_referral(client, login_verified, world):
    login_verified(client, world.specialist)
    response = client.post(NEW, form_data(world), follow=True)
    referral = Referral.objects.get()
    assert response.redirect_chain[-1][0] == referral.get_absolute_url()
    assert referral.consent.given_by == "mevrouw J."
    assert referral.referring_organisation == world.school
    assert referral.referred_by == world.specialist
    assert f"Verwijzing {referral.reference} is verstuurd naar Minters" in (
        response.content.decode()
    )
    actions = sorted(ProcessingRecord.objects.values_list("action", flat=True))
    assert actions == ["create", "read"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"consent_given_by": ""}, "consent_given_by", "Vul in wie toestemming gaf"),
        ({"consent_data_kinds": ["name"]}, "consent_data_kinds", "Nu ontbreekt"),
        (
            {"age_band": "4-12"},
            "consent_data_kinds",
            "Nu ontbreekt: leeftijdsgroep",
        ),
        ({"consent_given_on": "morgen"}, "consent_given_on", "Vul een datum in zoals"),
        ({"consent_given_on": "2099-01-01"}, "consent_given_on", "niet in de toekomst"),
        ({"consent_relation": "buurman"}, "consent_relation", "Kies een van de mogelijkheden"),
        ({"consent_method": ""}, "consent_method", "Kies hoe de toestemming"),
        ({"person_name": " "}, "person_name", "Vul een naam of initialen in"),
        ({"reason": "x" * 1001}, "reason", "Gebruik hooguit 1000 tekens"),
        ({"urgency": ""}, "urgency", "Kies de urgentie"),
        ({"offer": "bestaat-niet"}, "offer", "Kies een aanbod uit de lijst"),
        ({"offer": ""}, "offer", "Kies het aanbod"),
        ({"neighbourhood": "999999999"}, "neighbourhood", "Kies een buurt uit de lijst"),
        ({"neighbourhood": "99999999999999999999999"}, "neighbourhood", "Kies een buurt"),
        ({"referring_organisation": "abc"}, "referring_organisation", "Kies een organisatie"),
    ],
)
def test_bad_input_is_named_in_dutch_and_nothing_is_stored(
    client, login_verified, world, overrides, field, message
):
    login_verified(client, world.specialist)
    response = client.post(NEW, form_data(world, **overrides))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert not Referral.objects.exists() and not Consent.objects.exists()
    assert not ProcessingRecord.objects.exists()


def test_one_cannot_refer_for_another_organisation(client, login_verified, world):
    login_verified(client, world.specialist)
    response = client.post(NEW, form_data(world, referring_organisation=str(world.other.pk)))
    assert response.status_code == 400
    assert "referring_organisation" in response.context["form"].errors
    assert not Referral.objects.exists()


def test_staff_of_several_organisations_choose_one(client, login_verified, world):
    from wijkaanpak.areas.models import Membership

    Membership.objects.create(user=world.specialist, organisation=world.other)
    login_verified(client, world.specialist)
    page = client.get(NEW).content.decode()
    assert "Namens welke organisatie verwijst u?" in page
    client.post(NEW, form_data(world, referring_organisation=str(world.other.pk)))
    assert Referral.objects.get().referring_organisation == world.other


def test_optional_data_goes_along_when_consented(client, login_verified, world):
    wetering = world.area.neighbourhoods.get(slug="wetering")
    login_verified(client, world.specialist)
    client.post(
        NEW,
        form_data(
            world,
            age_band="4-12",
            neighbourhood=str(wetering.pk),
            consent_data_kinds=list(DataKind.values),
        ),
    )
    referral = Referral.objects.get()
    assert (referral.age_band, referral.neighbourhood) == ("4-12", wetering)


# ?vraag=: a referral made from a question of the desk is linked to it.


@pytest.fixture
def desk_referrer(world):
    user = f.staff("huiskamer-verwijzer", roles.REFERRER, world.school)
    user.groups.add(*type(user.groups.first()).objects.filter(name=roles.QUESTION_DESK))
    return user


def question(world, **fields):
    values = {
        "area": world.area,
        "asked_on": dt.date(2026, 11, 2),
        "theme": "upbringing",
        "channel": Question.Channel.WALK_IN,
        "outcome": Question.Outcome.REFERRED,
    }
    values.update(fields)
    return Question.objects.create(**values)


def test_a_referral_from_a_question_is_linked_to_it(client, login_verified, world, desk_referrer):
    asked = question(world)
    login_verified(client, desk_referrer)
    page = client.get(f"{NEW}?vraag={asked.pk}").content.decode()
    assert "Deze verwijzing hoort bij de vraag" in page
    response = client.post(
        f"{NEW}?vraag={asked.pk}", form_data(world, question=str(asked.pk)), follow=True
    )
    assert response.status_code == 200
    asked.refresh_from_db()
    assert asked.referral == Referral.objects.get()


@pytest.mark.parametrize(
    "problem",
    ["answered", "linked", "other area", "no right", "forged", "huge", "superscript", "text"],
)
def test_a_question_that_may_not_be_linked_is_refused(
    client, login_verified, world, desk_referrer, problem
):
    from wijkaanpak.areas.models import Area

    user = desk_referrer
    asked = question(world)
    value = str(asked.pk)
    if problem == "answered":
        Question.objects.filter(pk=asked.pk).update(outcome=Question.Outcome.ANSWERED)
    elif problem == "linked":
        earlier = f.referral(world.specialist, world.school, world.offer)
        Question.objects.filter(pk=asked.pk).update(referral=earlier)
    elif problem == "other area":
        other = Area.objects.create(name="Oostwijk", slug="oostwijk")
        Question.objects.filter(pk=asked.pk).update(area=other)
    elif problem == "no right":
        user = world.specialist
    elif problem == "forged":
        value = "987654"
    elif problem == "huge":
        value = "9" * 30
    elif problem == "superscript":
        value = "²"
    else:
        value = "x'; --"
    before = Referral.objects.count()
    login_verified(client, user)
    page = client.get(f"{NEW}?vraag={value}").content.decode()
    assert "wordt niet aan een vraag gekoppeld" in page
    response = client.post(f"{NEW}?vraag={value}", form_data(world, question=value))
    assert response.status_code == 400
    assert "kan niet aan een verwijzing gekoppeld worden" in response.content.decode()
    assert Referral.objects.count() == before
