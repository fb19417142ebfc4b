"""API clients: the key is shown once and only its hash is stored."""

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.tests.factories import OrganisationFactory
from wijkaanpak.open311.models import ApiClient

pytestmark = pytest.mark.django_db


def test_command_prints_a_new_key_once_and_stores_only_its_hash():
    organisation = OrganisationFactory(slug="gemeente-vlaardingen")
    out = StringIO()

    call_command(
        "create_open311_client",
        "Buitenbeter",
        organisation="gemeente-vlaardingen",
        contact="ict@example.org",
        stdout=out,
    )

    key = out.getvalue().strip().splitlines()[-1]
    client = ApiClient.objects.get()
    assert len(key) >= 40
    assert client.organisation == organisation
    assert client.key_prefix == key[:8]
    assert client.key_hash == hashlib.sha256(key.encode()).hexdigest()
    stored = " ".join(str(v) for v in ApiClient.objects.values().get().values())
    assert key not in stored


def test_command_refuses_an_unknown_organisation():
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("create_open311_client", "App", organisation="nergens", stdout=StringIO())
    assert not ApiClient.objects.exists()


def test_every_client_gets_a_different_key():
    keys = {ApiClient.create_with_key(name=f"App {n}")[1] for n in range(5)}

    assert len(keys) == 5


def test_admin_shows_the_key_once_when_a_client_is_added(client, login_verified):
    login_verified(client, UserFactory(is_staff=True, is_superuser=True))

    response = client.post(
        "/admin/open311/apiclient/add/",
        {"name": "Buitenbeter", "contact": "ict@example.org", "is_active": "on"},
        follow=True,
    )

    assert response.status_code == 200
    api_client = ApiClient.objects.get()
    shown = [str(m) for m in response.context["messages"]]
    assert len(shown) == 2
    key = shown[0].split("De sleutel is: ")[1].split(".")[0]
    assert hashlib.sha256(key.encode()).hexdigest() == api_client.key_hash
    edit = client.get(f"/admin/open311/apiclient/{api_client.pk}/change/")
    assert key.encode() not in edit.content
