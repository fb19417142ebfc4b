"""P4: sensitive referral fields are ciphertext in the database, readable through the ORM,
and the keys rotate: re-encrypt under a new key, then the old key can go."""

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings

from wijkaanpak.crypto import TOKEN_PREFIX, encrypted_fields
from wijkaanpak.referrals.models import Consent, Referral, ReferralEvent
from wijkaanpak.referrals.services.progress import change_state

from . import factories as f

pytestmark = pytest.mark.django_db

MODELS = (Referral, Consent, ReferralEvent)
PLAINTEXT = {
    "referrals.Referral": {
        "person_name": "Fatima El Amrani",
        "contact_route": "06 55501234",
        "reason": "Schulden en zorgen over de kinderen",
        "not_started_reason": "Gezin verhuist naar Utrecht",
    },
    "referrals.Consent": {"given_by": "Fatima El Amrani"},
    "referrals.ReferralEvent": {"note": "Gezin verhuist naar Utrecht"},
}


@pytest.fixture
def stored(world):
    referral = f.referral(
        world.specialist,
        world.school,
        world.offer,
        person_name="Fatima El Amrani",
        contact_route="06 55501234",
        reason="Schulden en zorgen over de kinderen",
    )
    consent = Consent.objects.get(pk=referral.consent_id)
    consent.given_by = "Fatima El Amrani"
    consent.save()
    change_state(
        referral, user=world.receiver, to_state="not_started", note="Gezin verhuist naar Utrecht"
    )
    return referral


def raw_values(model) -> dict[str, list[str]]:
    """Every stored value of every encrypted column of `model`, read past the ORM."""
    columns = {name: model._meta.get_field(name).column for name in encrypted_fields(model)}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(quote(c) for c in columns.values())} "
            f"FROM {quote(model._meta.db_table)} ORDER BY {quote(model._meta.pk.column)}"
        )
        rows = cursor.fetchall()
    return {name: [row[i] for row in rows] for i, name in enumerate(columns)}


def all_tokens() -> list[str]:
    return [v for model in MODELS for values in raw_values(model).values() for v in values if v]


def test_every_encrypted_field_is_ciphertext_in_the_database(stored):
    assert {m._meta.db_table for m in MODELS} == {
        "referrals_referral",
        "referrals_consent",
        "referrals_referralevent",
    }
    for model in MODELS:
        expected = PLAINTEXT[model._meta.label]
        # A new encrypted field must be added to PLAINTEXT, so it is checked here too.
        assert set(encrypted_fields(model)) == set(expected), model._meta.label
        for name, values in raw_values(model).items():
            filled = [v for v in values if v]
            assert filled, f"{model._meta.label}.{name} has no value to check"
            for value in filled:
                assert value.startswith(TOKEN_PREFIX), f"{model._meta.label}.{name}: {value!r}"
                assert expected[name] not in value
                # Short words may turn up in random base64 by chance; longer ones never do.
                for word in expected[name].split():
                    assert len(word) < 5 or word not in value


def test_the_orm_reads_plaintext_back(stored):
    referral = Referral.objects.select_related("consent").get(pk=stored.pk)
    for name, value in PLAINTEXT["referrals.Referral"].items():
        assert getattr(referral, name) == value
    assert referral.consent.given_by == "Fatima El Amrani"
    assert referral.events.get(to_state="not_started").note == "Gezin verhuist naar Utrecht"


def test_encrypted_fields_cannot_be_filtered_in_sql():
    with pytest.raises(FieldError, match="icontains"):
        Referral.objects.filter(person_name__icontains="Fatima").exists()


def test_rotation_re_encrypts_under_the_new_key_and_the_old_key_can_go(stored, settings):
    old = settings.FIELD_ENCRYPTION_KEYS[0]
    new = Fernet.generate_key().decode()
    before = all_tokens()
    with override_settings(FIELD_ENCRYPTION_KEYS=[new, old]):
        out = StringIO()
        call_command("rotate_field_keys", "--batch-size", "1", stdout=out)
        assert "referrals.Referral: 4 values re-encrypted" in out.getvalue()
        rotated = all_tokens()
        # Idempotent: a second run finds everything under the first key and changes nothing.
        out = StringIO()
        call_command("rotate_field_keys", stdout=out)
        assert "referrals.Referral: 0 values re-encrypted, 4 already" in out.getvalue()
        assert all_tokens() == rotated
    assert len(rotated) == len(before) == 6
    assert all(a != b for a, b in zip(before, rotated, strict=True))
    assert all(Fernet(new.encode()).decrypt(t.encode()) for t in rotated)
    with override_settings(FIELD_ENCRYPTION_KEYS=[new]):
        test_the_orm_reads_plaintext_back(stored)


def test_a_wrong_key_is_a_clear_error_not_an_empty_value(stored):
    with override_settings(FIELD_ENCRYPTION_KEYS=[Fernet.generate_key().decode()]):
        with pytest.raises(ImproperlyConfigured, match="FIELD_ENCRYPTION_KEYS"):
            Referral.objects.get(pk=stored.pk)
        before = all_tokens()
        with pytest.raises(CommandError, match="no key"):
            call_command("rotate_field_keys", stdout=StringIO())
        assert all_tokens() == before
    with (
        override_settings(FIELD_ENCRYPTION_KEYS=["geen-sleutel"]),
        pytest.raises(ImproperlyConfigured, match="generate_field_key"),
    ):
        Referral.objects.get(pk=stored.pk)


def test_generate_field_key_prints_a_new_fernet_key():
    keys = set()
    for _ in range(2):
        out = StringIO()
        call_command("generate_field_key", stdout=out)
        key = out.getvalue().strip()
        token = Fernet(key.encode()).encrypt(b"proef")
        assert token.decode().startswith(TOKEN_PREFIX)
        keys.add(key)
    assert len(keys) == 2
