"""The social map joins the rest: an offer leads a professional to the referral form, and an
intervention's page leads residents to where and when they can join.
"""

import pytest
from django.urls import reverse

from wijkaanpak.referrals.tests import factories as rf
from wijkaanpak.socialmap.sync import sync_intervention_offers

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral_offer(westwijk):
    rf.sync_roles()
    welfare = rf.organisation("minters", "Minters", westwijk.area)
    return rf.offer(westwijk.area, welfare)


def test_a_referrer_sees_the_way_to_refer_from_the_offer_page(
    client, login_verified, referral_offer
):
    school = rf.organisation("ikc-de-wereldwijzer", area=referral_offer.area)
    login_verified(client, rf.staff("gezinsspecialist", "referrer", school))
    page = client.get(referral_offer.get_absolute_url()).content.decode()
    form = reverse("referrals:new", args=["westwijk"]) + "?aanbod=buurtgezinnen"
    assert form in page


def test_residents_read_that_referral_needs_their_consent_but_see_no_staff_link(
    client, referral_offer
):
    page = client.get(referral_offer.get_absolute_url()).content.decode()
    assert "toestemming" in page
    assert reverse("referrals:new", args=["westwijk"]) not in page


def test_an_offer_that_takes_no_referrals_says_nothing_about_it(client, referral_offer):
    referral_offer.accepts_referrals = False
    referral_offer.save()
    page = client.get(referral_offer.get_absolute_url()).content.decode()
    assert "aanmelden. Dat doen ze alleen" not in page


def test_a_running_intervention_links_to_its_offer(client, westwijk):
    sync_intervention_offers(westwijk)
    intervention = westwijk.interventions.get(slug="leven-lang-ontwikkelen")
    page = client.get(intervention.get_absolute_url()).content.decode()
    assert intervention.offers.get().get_absolute_url() in page
    other = westwijk.interventions.get(slug="krachtbus")
    assert "op de sociale kaart" not in client.get(other.get_absolute_url()).content.decode()
