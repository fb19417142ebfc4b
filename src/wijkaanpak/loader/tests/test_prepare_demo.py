"""`make run` prepares everything in one command; a second start changes nothing."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


def test_prepare_demo_is_complete_and_idempotent(settings):
    settings.DEBUG = True  # the demo login exists only in development
    out = io.StringIO()
    call_command("prepare_demo", stdout=out)
    assert "gebruikersnaam: demo-coordinator" in out.getvalue()
    first = counts()
    assert first["programme.Programme"] == 1
    assert first["reports.Category"] > 0
    assert first["inspections.InspectionRound"] == 16
    call_command("prepare_demo", stdout=io.StringIO())
    assert counts() == first
