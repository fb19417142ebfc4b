"""Fixtures of the question-desk page tests: the Westwijk and desk staff, logged in."""

import pytest
from django.urls import reverse

from wijkaanpak.accounts import roles
from wijkaanpak.areas.models import Organisation

from .factories import staff, sync_roles


def url(name, *args):
    return reverse(f"questiondesk:{name}", args=["westwijk", *args])


@pytest.fixture
def area(westwijk):
    return westwijk.area


def _logged_in(client, login_verified, *role_names):
    sync_roles()
    gemeente = Organisation.objects.get(slug="gemeente-vlaardingen")
    user = staff(*role_names, organisation=gemeente)
    login_verified(client, user)
    return user


@pytest.fixture
def desk(client, login_verified, area):
    return _logged_in(client, login_verified, roles.QUESTION_DESK)


@pytest.fixture
def desk_referrer(client, login_verified, area):
    return _logged_in(client, login_verified, roles.QUESTION_DESK, roles.REFERRER)
