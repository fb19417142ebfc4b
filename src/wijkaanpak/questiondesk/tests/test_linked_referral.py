"""A question linked to a warm referral says so in the list, and nothing more about it."""

import pytest
from django.urls import reverse

from wijkaanpak.accounts import roles
from wijkaanpak.areas.models import Organisation
from wijkaanpak.referrals.tests import factories as referral_factories

from .factories import QuestionFactory, staff, sync_roles

pytestmark = pytest.mark.django_db


def test_the_list_shows_that_a_warm_referral_was_made(client, login_verified, westwijk):
    sync_roles()
    area = westwijk.area
    gemeente = Organisation.objects.get(slug="gemeente-vlaardingen")
    receiver = referral_factories.organisation("buurtgezinnen-org", area=area)
    referrer = staff(roles.REFERRER, organisation=gemeente)
    referral = referral_factories.referral(
        referrer, gemeente, referral_factories.offer(area, receiver)
    )
    QuestionFactory(
        area=area, outcome="referred", referral=referral, summary="Vraag over opvoeding"
    )
    login_verified(client, staff(roles.QUESTION_DESK, organisation=gemeente))
    text = client.get(reverse("questiondesk:list", args=["westwijk"])).text
    assert "met een warme verwijzing" in text
    # The desk sees no more of the referral than that: no reference, no name, no contact.
    for secret in (referral.reference, "J. Jansen", "06 12345678"):
        assert secret not in text
