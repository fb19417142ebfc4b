"""Every inspections model has a working admin list and change page."""

import pytest
from django.contrib import admin
from django.urls import reverse

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.inspections.models import Action, Finding, InspectionRound, Participant

from .factories import ActionFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [InspectionRound, Participant, Finding, Action])
def test_admin_pages(client, login_verified, model):
    assert admin.site.is_registered(model)
    action = ActionFactory()
    ParticipantFactory(inspection_round=action.finding.inspection_round)
    login_verified(client, UserFactory(is_staff=True, is_superuser=True))
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert client.get(changelist).status_code == 200
    obj = model.objects.first()
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    assert client.get(change).status_code == 200
