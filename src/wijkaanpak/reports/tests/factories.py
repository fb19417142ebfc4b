"""Factories for reports. Others extend this file; never overwrite their factories."""

import datetime as dt
import secrets

import factory
from django.utils import timezone

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.models import Membership
from wijkaanpak.areas.tests.factories import AreaFactory, NeighbourhoodFactory, OrganisationFactory
from wijkaanpak.reports.domain import deadlines
from wijkaanpak.reports.models import Category, Report, ReportContact, ReportEvent, ReportPhoto

HANDLER_PERMISSIONS = ["reports.view_report", "reports.change_report"]


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Categorie {n}")
    slug = factory.Sequence(lambda n: f"categorie-{n}")
    handling_organisation = factory.SubFactory(OrganisationFactory)
    resolution_term_days = 10


class ReportFactory(factory.django.DjangoModelFactory):
    """A report as create_report would store it, without events or contacts."""

    class Meta:
        model = Report

    reference = factory.Sequence(lambda n: f"M-2026-{n + 90000:05d}")
    status_token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    area = factory.SubFactory(AreaFactory)
    neighbourhood = factory.SubFactory(NeighbourhoodFactory, area=factory.SelfAttribute("..area"))
    category = factory.SubFactory(CategoryFactory)
    organisation = factory.SelfAttribute("category.handling_organisation")
    address = factory.Sequence(lambda n: f"Teststraat {n}")
    description = "Er ligt afval naast de container."
    received_at = factory.LazyFunction(timezone.now)
    pickup_due_on = factory.LazyAttribute(lambda r: deadlines.pickup_due_on(r.received_at))
    resolution_due_on = factory.LazyAttribute(
        lambda r: deadlines.resolution_due_on(r.received_at, r.category)
    )


class ReportContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportContact

    report = factory.SubFactory(ReportFactory)
    email = factory.Sequence(lambda n: f"bewoner{n}@example.org")
    phone = "010 123 45 67"
    wants_updates = True


class ReportPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportPhoto

    report = factory.SubFactory(ReportFactory)
    image = factory.django.FileField(filename="foto.png", data=b"\x89PNG\r\n\x1a\nfake")
    content_type = "image/png"
    width = 10
    height = 10


class ReportEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportEvent

    report = factory.SubFactory(ReportFactory)
    kind = ReportEvent.Kind.NOTE
    actor_label = "test"


def handler(organisation, *, permissions=HANDLER_PERMISSIONS, **kwargs):
    """A staff member of `organisation` with the given rights."""
    user = UserFactory(is_staff=True, permissions=list(permissions), **kwargs)
    if organisation is not None:
        Membership.objects.create(user=user, organisation=organisation)
    return user


def amsterdam(year, month, day, hour=12, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=deadlines.AMSTERDAM)
