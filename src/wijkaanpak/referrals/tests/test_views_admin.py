"""The admin shows referrals and consents read-only, to superusers only, without personal data."""

import pytest
from django.urls import reverse

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.audit.models import ProcessingRecord

from . import factories as f

pytestmark = pytest.mark.django_db

PERSONAL = ("J. Jansen", "06 12345678", "Moeder zoekt steun", "mevrouw J.")


@pytest.fixture
def referral(world):
    return f.referral(world.specialist, world.school, world.offer)


@pytest.fixture
def superuser(client, login_verified):
    user = UserFactory(username="beheer", is_staff=True, is_superuser=True)
    login_verified(client, user)
    return user


@pytest.mark.parametrize("model", ["referral", "consent"])
def test_superusers_read_without_personal_fields(client, superuser, referral, model):
    obj = referral if model == "referral" else referral.consent
    changelist = client.get(reverse(f"admin:referrals_{model}_changelist"))
    change = client.get(reverse(f"admin:referrals_{model}_change", args=[obj.pk]))
    assert changelist.status_code == change.status_code == 200
    for response in (changelist, change):
        page = response.content.decode()
        assert all(value not in page for value in PERSONAL)
    if model == "referral":
        assert referral.reference in changelist.content.decode()
    assert not ProcessingRecord.objects.filter(action="read").exists()
    # Read-only: no add, no save, no delete.
    assert client.get(reverse(f"admin:referrals_{model}_add")).status_code == 403
    assert client.post(reverse(f"admin:referrals_{model}_delete", args=[obj.pk])).status_code == 403


def test_other_staff_do_not_see_referrals_in_the_admin(client, login_verified, world, referral):
    world.receiver.is_staff = True
    world.receiver.save()
    login_verified(client, world.receiver)
    response = client.get(reverse("admin:referrals_referral_changelist"))
    assert response.status_code == 403
