import datetime as dt

import factory
from django.contrib.auth.models import Group
from django.core.management import call_command

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.models import Membership
from wijkaanpak.areas.tests.factories import AreaFactory
from wijkaanpak.interventions.models import Theme
from wijkaanpak.questiondesk.models import Question


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    area = factory.SubFactory(AreaFactory)
    asked_on = dt.date(2024, 3, 4)
    theme = Theme.MONEY
    channel = Question.Channel.WALK_IN
    outcome = Question.Outcome.ANSWERED


def sync_roles():
    call_command("sync_roles", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


def staff(*roles, organisation=None, **kwargs):
    """A staff member in the groups `roles` (accounts/roles.py) who works for `organisation`."""
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.set(Group.objects.filter(name__in=roles))
    if organisation is not None:
        Membership.objects.create(user=user, organisation=organisation)
    return user
