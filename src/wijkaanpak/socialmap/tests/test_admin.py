"""The social map admin: pages work, and a bad recurrence rule is refused in Dutch."""

import pytest
from django.contrib import admin
from django.urls import reverse

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.socialmap.forms import EventAdminForm, OfferAdminForm
from wijkaanpak.socialmap.models import Event, Offer, OpeningHours

from .factories import EventFactory, OfferFactory, OpeningHoursFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(client, login_verified):
    login_verified(client, UserFactory(is_staff=True, is_superuser=True))


@pytest.mark.parametrize("model", [Offer, Event, OpeningHours])
def test_admin_pages(client, superuser, model):
    assert admin.site.is_registered(model)
    EventFactory()
    OpeningHoursFactory()
    opts = model._meta
    base = f"admin:{opts.app_label}_{opts.model_name}"
    assert client.get(reverse(f"{base}_changelist")).status_code == 200
    assert client.get(reverse(f"{base}_add")).status_code == 200
    obj = model.objects.first()
    assert client.get(reverse(f"{base}_change", args=[obj.pk])).status_code == 200


def event_data(event, *, admin_widgets=False, **changes):
    times = {"starts_at": ("2026-01-07", "15:00"), "ends_at": ("2026-01-07", "16:30")}
    if admin_widgets:  # the admin splits date and time
        moments = {f"{k}_{i}": part for k, v in times.items() for i, part in enumerate(v)}
    else:
        moments = {k: " ".join(v) for k, v in times.items()}
    return {
        "offer": event.offer_id,
        "place": event.place_id,
        "title": "",
        "description": "",
        **moments,
        "recurrence_rule": "FREQ=WEEKLY;BYDAY=WE",
        "cancelled_dates": "[]",
        **changes,
    }


@pytest.mark.parametrize(
    ("changes", "field", "error"),
    [
        ({"recurrence_rule": "FREQ=WEEKLY;BYDAY=XX"}, "recurrence_rule", "kunnen we niet lezen"),
        ({"recurrence_rule": "FREQ=WEEKLY;UNTIL=20261231"}, "recurrence_rule", "met een Z"),
        ({"cancelled_dates": '["13-05-2026"]'}, "cancelled_dates", "geen datum"),
    ],
)
def test_the_event_form_refuses_bad_rules(changes, field, error):
    event = EventFactory()
    form = EventAdminForm(data=event_data(event, **changes), instance=event)
    assert not form.is_valid()
    assert error in " ".join(form.errors[field])


def test_the_event_form_accepts_a_good_rule():
    event = EventFactory()
    form = EventAdminForm(data=event_data(event), instance=event)
    assert form.is_valid(), form.errors


def test_the_admin_shows_the_error_and_saves_nothing(client, superuser):
    event = EventFactory()
    url = reverse("admin:socialmap_event_change", args=[event.pk])
    response = client.post(
        url, event_data(event, admin_widgets=True, recurrence_rule="FREQ=WEEKLY;BYDAY=XX")
    )
    assert response.status_code == 200
    assert "Deze herhaling kunnen we niet lezen" in response.content.decode()
    event.refresh_from_db()
    assert event.recurrence_rule == "FREQ=WEEKLY;BYDAY=WE"


def test_themes_are_chosen_from_the_list():
    offer = OfferFactory(themes=["leisure"])
    form = OfferAdminForm(instance=offer)
    assert form["themes"].initial == ["leisure"]
    assert ("care", "zorg") in [(v, str(label)) for v, label in form.fields["themes"].choices]
