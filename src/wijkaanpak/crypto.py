"""Encryption at rest for special-category fields (security.md P4).

Values are encrypted with Fernet (AES-128-CBC + HMAC-SHA256) under a list of keys: the first
key encrypts, every key in the list may decrypt. Rotating is: put a new key first, run
`manage.py rotate_field_keys`, then drop the old key. The database only ever holds tokens
("gAAAAA..."), so a dump or a read-only SQL account sees no names or reasons.

Encrypted columns cannot be searched or sorted in SQL; the models keep such fields out of
every filter on purpose.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

# Every Fernet token starts with these characters (version byte and timestamp, base64).
TOKEN_PREFIX = "gAAAAA"  # noqa: S105 - not a secret


@lru_cache(maxsize=8)
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("Set FIELD_ENCRYPTION_KEYS: at least one Fernet key.")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as exc:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS holds a key that is not a Fernet key "
            "(32 url-safe base64-encoded bytes; make one with `manage.py generate_field_key`)."
        ) from exc


def fernet() -> MultiFernet:
    return _fernet_for(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        # Never fall back to showing the token or an empty value: a lost key must be noticed.
        raise ImproperlyConfigured(
            "An encrypted value cannot be read with the keys in FIELD_ENCRYPTION_KEYS."
        ) from exc


def rotate(token: str) -> str:
    """The same value, encrypted again under the first (newest) key."""
    return fernet().rotate(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """A text field stored as a Fernet token. The empty string stays empty: erased is erased."""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(str(value))

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return decrypt(value)

    def get_lookup(self, lookup_name):
        # Ciphertext cannot be compared in SQL; only "is it empty" (exact "") makes sense.
        if lookup_name not in ("isnull", "exact"):
            return None
        return super().get_lookup(lookup_name)


def encrypted_fields(model) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
