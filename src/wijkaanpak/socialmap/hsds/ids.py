"""Stable HSDS identifiers without a schema change.

HSDS wants a UUID for every object. Ours are derived, not stored: a version 5 UUID over
the site's address, a label and the primary key(s). The same row gives the same id in
every export and API response, and two sites (or a test and production) never share ids.
"""

import uuid

from django.conf import settings


def stable_id(label: str, *keys) -> str:
    """The UUID of the object named by `label` (e.g. "socialmap.offer") and its key(s)."""
    name = "/".join([settings.SITE_URL, label, *(str(key) for key in keys)])
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


def model_id(instance) -> str:
    """The UUID of a model instance: its model label and primary key."""
    return stable_id(instance._meta.label_lower, instance.pk)
