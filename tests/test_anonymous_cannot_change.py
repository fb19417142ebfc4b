"""Reading is public; changing anything needs a staff login. Every write route is tried."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def write_attempts(programme):
    measurement_payload = {
        "indicator": programme.indicators.first().pk,
        "scope": "area",
        "value": "1",
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "source": "anoniem",
    }
    yield "post", reverse("programme:measurement-add", args=["westwijk"]), measurement_payload
    yield "post", reverse("programme:measurement-import", args=["westwijk"]), {}
    yield "post", reverse("programme:measurement-correct", args=["westwijk", 1]), {"value": "2"}
    for model in admin.site._registry:
        meta = model._meta
        yield "post", reverse(f"admin:{meta.app_label}_{meta.model_name}_add"), {"name": "x"}
    indicator = programme.indicators.first()
    for name, pk in [
        ("programme", programme.pk),
        ("line", programme.lines.first().pk),
        ("goal", programme.lines.first().goals.first().pk),
        ("indicator", indicator.pk),
        ("intervention", programme.interventions.first().pk),
    ]:
        yield "post", reverse(f"v1:{name}-list"), {"name": "x"}
        for method in ("put", "patch", "delete"):
            yield method, reverse(f"v1:{name}-detail", args=[pk]), {"name": "x"}


def test_anonymous_visitor_cannot_change_anything(client, westwijk):
    before = row_counts()
    refused = []
    for method, url, data in write_attempts(westwijk):
        kwargs = {"content_type": "application/json"} if url.startswith("/api/") else {}
        response = getattr(client, method)(url, data, **kwargs)
        if response.status_code == 302:
            assert "/inloggen/" in response["Location"] or "/login/" in response["Location"], url
        else:
            assert response.status_code in (401, 403, 405), (method, url, response.status_code)
        refused.append(url)
    assert len(refused) > 30
    assert row_counts() == before


def test_export_needs_a_staff_login(client, westwijk):
    for name in ("exports:xlsx", "exports:json"):
        response = client.get(reverse(name, args=["westwijk"]))
        assert response.status_code == 302
        assert "/inloggen/" in response["Location"]
