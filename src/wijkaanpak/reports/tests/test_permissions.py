"""visible_reports and the processing-log helper (security.md A1, A4, P1)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.models import Membership
from wijkaanpak.areas.tests.factories import OrganisationFactory
from wijkaanpak.audit.models import ProcessingRecord
from wijkaanpak.reports import permissions

from .factories import ReportContactFactory, ReportFactory, handler

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_orgs():
    own, other = OrganisationFactory(), OrganisationFactory()
    mine = ReportFactory(category__handling_organisation=own)
    theirs = ReportFactory(category__handling_organisation=other)
    return own, other, mine, theirs


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", set()),
        ("no_rights", set()),
        ("rights_no_membership", set()),
        ("member_without_view_right", set()),
        ("handler_own", {"mine"}),
        ("handler_other", {"theirs"}),
        ("handler_both", {"mine", "theirs"}),
        ("read_only_handler", {"mine"}),
        ("superuser", {"mine", "theirs"}),
        ("inactive_handler", set()),
    ],
)
def test_visible_reports_by_role(two_orgs, who, expected):
    own, other, mine, theirs = two_orgs
    users = {
        "anonymous": lambda: AnonymousUser(),
        "no_rights": lambda: UserFactory(),
        "rights_no_membership": lambda: handler(None),
        "member_without_view_right": lambda: handler(own, permissions=["reports.change_report"]),
        "handler_own": lambda: handler(own),
        "handler_other": lambda: handler(other),
        "read_only_handler": lambda: handler(own, permissions=["reports.view_report"]),
        "superuser": lambda: UserFactory(is_superuser=True),
        "inactive_handler": lambda: handler(own, is_active=False),
    }
    if who == "handler_both":
        user = handler(own)
        Membership.objects.create(user=user, organisation=other)
    else:
        user = users[who]()
    names = {mine.pk: "mine", theirs.pk: "theirs"}
    seen = {names[pk] for pk in permissions.visible_reports(user).values_list("pk", flat=True)}
    assert seen == expected
    assert permissions.visible_reports(user).count() == len(expected)  # no duplicate rows


def test_get_visible_report_refuses_others_and_read_only_writes(two_orgs):
    own, _other, mine, theirs = two_orgs
    user = handler(own)
    assert permissions.get_visible_report(user, mine.reference) == mine
    with pytest.raises(Http404):
        permissions.get_visible_report(user, theirs.reference)
    with pytest.raises(Http404):
        permissions.get_visible_report(user, "M-1999-00001")
    reader = handler(own, permissions=["reports.view_report"])
    assert permissions.get_visible_report(reader, mine.reference) == mine
    with pytest.raises(PermissionDenied):
        permissions.get_visible_report(reader, mine.reference, for_update=True)
    assert permissions.can_change(user, mine) and not permissions.can_change(user, theirs)
    assert not permissions.can_change(reader, mine)


def test_revoking_the_membership_revokes_access(two_orgs):
    own, _, _mine, _ = two_orgs
    user = handler(own)
    assert permissions.visible_reports(user).exists()
    Membership.objects.filter(user=user).delete()
    assert not permissions.visible_reports(user).exists()


def test_record_contact_access_writes_one_record_with_the_fields(two_orgs):
    own, _, mine, _ = two_orgs
    user = handler(own, first_name="Piet", last_name="Jansen")
    first = ReportContactFactory(report=mine, phone="")
    second = ReportContactFactory(report=mine, email="")
    request = RequestFactory().get(f"/behandelen/{mine.reference}/")
    request.user = user
    record = permissions.record_contact_access(request, mine, [first, second])
    assert ProcessingRecord.objects.count() == 1
    assert record.action == "read"
    assert record.activity_code == "report-handling"
    assert (record.subject_type, record.subject_id) == ("reporter", f"{first.pk},{second.pk}")
    assert (record.object_type, record.object_id) == ("report", mine.reference)
    assert record.data_kinds == ["e-mailadres", "telefoonnummer"]
    assert record.actor_name == "Piet Jansen" and own.name in record.actor_organisation
    assert record.request_path == f"/behandelen/{mine.reference}/"


def test_no_record_without_contact_details(two_orgs):
    own, _, mine, _ = two_orgs
    request = RequestFactory().get("/")
    request.user = handler(own)
    assert permissions.record_contact_access(request, mine, []) is None
    assert not ProcessingRecord.objects.exists()
