import datetime as dt

import factory

from wijkaanpak.areas.models import Membership, Neighbourhood
from wijkaanpak.areas.tests.factories import NeighbourhoodFactory, OrganisationFactory
from wijkaanpak.inspections.models import Action, Finding, InspectionRound, Participant
from wijkaanpak.reports.tests.factories import CategoryFactory

COORDINATOR_PERMISSIONS = [
    "inspections.view_inspectionround",
    "inspections.change_inspectionround",
    "inspections.add_participant",
    "inspections.add_finding",
    "inspections.add_action",
    "inspections.change_action",
]


class QuadrantFactory(NeighbourhoodFactory):
    role = Neighbourhood.Role.QUADRANT


class InspectionRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InspectionRound

    neighbourhood = factory.SubFactory(QuadrantFactory)
    year = 2027
    quarter = 2
    planned_on = dt.date(2027, 5, 11)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    inspection_round = factory.SubFactory(InspectionRoundFactory)
    kind = Participant.Kind.RESIDENT
    display_name = "bewoner"


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    inspection_round = factory.SubFactory(InspectionRoundFactory)
    category = factory.SubFactory(CategoryFactory)
    place = factory.Sequence(lambda n: f"Wesembekestraat {n}")
    description = "Losse stoeptegels bij de ingang van de speeltuin."


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    finding = factory.SubFactory(FindingFactory)
    description = "Stoeptegels opnieuw leggen."
    owner_organisation = factory.SubFactory(OrganisationFactory)
    due_on = dt.date(2027, 6, 1)


def staff_of(organisation, *, permissions=(), **kwargs):
    """A staff member who works for `organisation` (None: for no organisation)."""
    from wijkaanpak.accounts.tests.factories import UserFactory

    user = UserFactory(is_staff=True, permissions=list(permissions), **kwargs)
    if organisation is not None:
        Membership.objects.create(user=user, organisation=organisation)
    return user


def coordinator(**kwargs):
    return staff_of(None, permissions=COORDINATOR_PERMISSIONS, **kwargs)
