"""The report services: clock, contacts, photos, history, notify, locking rules, merging."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.areas.tests.factories import NeighbourhoodFactory
from wijkaanpak.reports import notify, services
from wijkaanpak.reports.models import Report, ReportContact, ReportEvent, Status

from .factories import CategoryFactory, ReportContactFactory, ReportFactory, amsterdam


@dataclass(frozen=True)
class Image:  # the shape of reports.uploads.CleanImage
    name: str
    content: bytes
    content_type: str
    width: int
    height: int


@pytest.fixture
def events(db, monkeypatch):
    seen = []
    monkeypatch.setattr(notify, "on_event", seen.append)
    return seen


@pytest.fixture
def place(db):
    neighbourhood = NeighbourhoodFactory()
    return {"area": neighbourhood.area, "neighbourhood": neighbourhood}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def new_report(place, **kwargs):
    values = {
        "category": kwargs.pop("category", None) or CategoryFactory(),
        "description": "Kapotte lantaarnpaal",
        "address": "Van Hogendorplaan 12",
        **place,
        **kwargs,
    }
    return services.create_report(**values)


def test_create_report_sets_organisation_clock_reference_and_first_event(place, events):
    category = CategoryFactory(resolution_term_days=10)
    report = new_report(place, category=category, received_at=amsterdam(2026, 3, 7))
    assert report.reference == "M-2026-00001"
    assert len(report.status_token) >= 40
    assert report.organisation == category.handling_organisation
    assert report.pickup_due_on == dt.date(2026, 3, 16)
    assert report.resolution_due_on == dt.date(2026, 3, 23)
    assert report.status == Status.RECEIVED
    assert [e.kind for e in events] == [ReportEvent.Kind.CREATED]
    assert events[0].actor is None and events[0].report == report
    second = new_report(place, category=category, received_at=amsterdam(2026, 3, 8))
    assert second.reference == "M-2026-00002"
    assert new_report(place, received_at=amsterdam(2027, 1, 4)).reference == "M-2027-00001"


def test_reference_year_is_the_amsterdam_year(place, events):
    report = new_report(place, received_at=dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC))
    assert report.reference == "M-2027-00001"


def test_reference_numbers_beyond_five_digits_keep_counting(place, events):
    ReportFactory(reference="M-2026-99999")
    ReportFactory(reference="M-2026-100000")
    assert services.next_reference(2026) == "M-2026-100001"


@pytest.mark.parametrize(
    ("email", "phone", "wants", "stored"),
    [
        ("", "", True, None),
        ("a@example.org", "", True, ("a@example.org", "", True)),
        ("", "0612345678", True, ("", "0612345678", False)),
        ("a@example.org", "0612345678", False, ("a@example.org", "0612345678", False)),
    ],
)
def test_contact_is_stored_only_when_given(place, events, email, phone, wants, stored):
    report = new_report(place, email=email, phone=phone, wants_updates=wants)
    contacts = list(report.contacts.values_list("email", "phone", "wants_updates"))
    assert contacts == ([] if stored is None else [stored])


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"description": "  "}, "description"),
        ({"address": "", "location_description": ""}, "address"),
        ({"email": "geen-adres"}, "email"),
        ({"phone": "bel me"}, "phone"),
        ({"latitude": Decimal("51.9")}, "latitude"),
        ({"photos": [Image("a.png", b"x", "image/png", 1, 1)] * 4}, "photos"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(place, events, change, field):
    with pytest.raises(ValidationError) as error:
        new_report(place, **change)
    assert field in error.value.message_dict
    assert Report.objects.count() == 0 and not events


def test_neighbourhood_of_another_area_and_inactive_category_are_refused(place, events):
    with pytest.raises(ValidationError) as error:
        new_report(
            place,
            neighbourhood=NeighbourhoodFactory(),
            category=CategoryFactory(is_active=False),
        )
    assert set(error.value.message_dict) == {"neighbourhood", "category"}


def test_photos_are_stored_in_default_storage_under_a_random_name(place, events, media):
    photo = Image("IMG_jan_jansen.jpg", b"\xff\xd8\xffdata", "image/jpeg", 800, 600)
    report = new_report(place, photos=[photo])
    stored = report.photos.get()
    assert "jan_jansen" not in stored.image.name
    assert stored.image.name.endswith(".jpg")
    assert stored.image.name.startswith(f"reports/{report.status_token[:2]}/")
    assert default_storage.open(stored.image.name).read() == photo.content
    assert (stored.width, stored.height, stored.content_type) == (800, 600, "image/jpeg")


def test_pick_up_records_who_and_when_and_refuses_a_second_pickup(events):
    report = ReportFactory()
    user = UserFactory(first_name="Anna", last_name="de Vries")
    result = services.pick_up(report, user=user)
    assert result is report
    report.refresh_from_db()
    assert report.status == Status.PICKED_UP
    assert report.picked_up_by == user and report.picked_up_at is not None
    event = events[-1]
    assert (event.from_status, event.to_status, event.actor, event.actor_label) == (
        Status.RECEIVED,
        Status.PICKED_UP,
        user,
        "Anna de Vries",
    )
    stale = Report.objects.get(pk=report.pk)
    stale.status = Status.RECEIVED  # a second handler's page, loaded before the pickup
    with pytest.raises(services.WorkflowError, match="al opgepakt"):
        services.pick_up(stale, user=UserFactory())
    report.refresh_from_db()
    assert report.picked_up_by == user
    assert ReportEvent.objects.filter(report=report).count() == 1


def test_resolve_needs_a_reason_and_shows_it_to_the_reporter(events):
    report = ReportFactory()
    user = UserFactory()
    with pytest.raises(services.WorkflowError, match="Pak de melding eerst op"):
        services.resolve(report, user=user, reason="Gedaan.")
    services.pick_up(report, user=user)
    with pytest.raises(services.WorkflowError):
        services.resolve(report, user=user, reason=" ")
    services.resolve(report, user=user, reason="De lamp brandt weer.")
    report.refresh_from_db()
    assert report.status == Status.RESOLVED and report.closed_at is not None
    assert report.public_reason == "De lamp brandt weer."
    assert events[-1].public_text == "De lamp brandt weer."


def test_cancel_works_before_pickup_and_keeps_pickup_empty(events):
    report = ReportFactory()
    services.cancel(report, user=UserFactory(), reason="Dit is privégrond.")
    report.refresh_from_db()
    assert (report.status, report.public_reason) == (Status.CANCELLED, "Dit is privégrond.")
    assert report.picked_up_at is None


def test_plan_wait_resolve_reopen_history_is_complete(events):
    report = ReportFactory()
    user = UserFactory()
    services.pick_up(report, user=user)
    services.change_status(report, Status.PLANNED, user=user, public_text="Dinsdag komen we.")
    services.change_status(report, Status.WAITING_FOR_THIRD_PARTY, user=user)
    services.resolve(report, user=user, reason="Opgeruimd.")
    first_pickup = report.picked_up_at
    services.reopen(report, user=user, reason="Er ligt weer afval.")
    services.pick_up(report, user=UserFactory())
    report.refresh_from_db()
    assert report.picked_up_at == first_pickup  # the five-day share counts the first pickup
    assert report.picked_up_by == user and report.closed_at is None
    steps = list(report.events.values_list("from_status", "to_status"))
    assert steps == [
        ("received", "picked_up"),
        ("picked_up", "planned"),
        ("planned", "waiting_for_third_party"),
        ("waiting_for_third_party", "resolved"),
        ("resolved", "reopened"),
        ("reopened", "picked_up"),
    ]
    assert len(events) == 6


def test_a_cancelled_report_that_nobody_picked_up_can_be_reopened_and_picked_up(events):
    report = ReportFactory()
    user = UserFactory()
    services.cancel(report, user=user, reason="Per ongeluk.")
    services.reopen(report, user=user, reason="Toch wel.")
    assert report.status == Status.REOPENED and report.picked_up_at is None
    services.pick_up(report, user=user)
    assert report.picked_up_by == user


def test_duplicate_only_by_merging(events):
    report = ReportFactory()
    with pytest.raises(services.WorkflowError, match="samen"):
        services.change_status(report, Status.DUPLICATE, user=UserFactory())


def test_late_reason_is_stored_for_the_reporter_and_refused_when_empty_or_closed(events):
    report = ReportFactory()
    user = UserFactory()
    with pytest.raises(services.WorkflowError) as error:
        services.record_late_reason(report, user=user, reason="")
    assert error.value.field == "reason"
    event = services.record_late_reason(report, user=user, reason="Door storm later.")
    report.refresh_from_db()
    assert (event.kind, event.public_text) == (ReportEvent.Kind.LATE_REASON, "Door storm later.")
    assert report.public_reason == "Door storm later." and report.status == Status.RECEIVED
    services.cancel(report, user=user, reason="Weg.")
    with pytest.raises(services.WorkflowError, match="gesloten"):
        services.record_late_reason(report, user=user, reason="Toch later.")


def test_a_failing_notify_rolls_the_change_back(db, monkeypatch):
    def broken(event):
        raise RuntimeError("outbox down")

    monkeypatch.setattr(notify, "on_event", broken)
    report = ReportFactory()
    with pytest.raises(RuntimeError):
        services.pick_up(report, user=UserFactory())
    report.refresh_from_db()
    assert report.status == Status.RECEIVED and not report.events.exists()


def test_merge_moves_contacts_as_supporters_and_closes_the_duplicate(events):
    original = ReportFactory()
    duplicate = ReportFactory(category=original.category)
    contact = ReportContactFactory(report=duplicate)
    user = UserFactory()
    services.merge_duplicate(duplicate, original, user=user)
    duplicate.refresh_from_db()
    contact.refresh_from_db()
    assert duplicate.status == Status.DUPLICATE and duplicate.duplicate_of == original
    assert original.reference in duplicate.public_reason
    assert contact.report == original and contact.role == ReportContact.Role.SUPPORTER
    assert [(e.report, e.kind) for e in events] == [
        (duplicate, ReportEvent.Kind.MERGED),
        (original, ReportEvent.Kind.MERGED),
    ]
    with pytest.raises(services.WorkflowError):
        services.merge_duplicate(duplicate, original, user=user)


@pytest.mark.parametrize("status", [Status.RESOLVED, Status.CANCELLED, Status.DUPLICATE])
def test_merge_refuses_a_closed_original_and_itself(events, status):
    original = ReportFactory(status=status)
    duplicate = ReportFactory()
    with pytest.raises(services.WorkflowError) as error:
        services.merge_duplicate(duplicate, original, user=UserFactory())
    assert error.value.field == "original"
    with pytest.raises(services.WorkflowError):
        services.merge_duplicate(duplicate, duplicate, user=UserFactory())
    duplicate.refresh_from_db()
    assert duplicate.status == Status.RECEIVED


def test_join_report_adds_a_supporter_or_counts_anonymously(events):
    report = ReportFactory()
    contact = services.join_report(report, email="buur@example.org")
    assert contact.role == ReportContact.Role.SUPPORTER and contact.wants_updates
    assert services.join_report(report) is None
    assert report.contacts.count() == 1
    assert [e.kind for e in events] == [ReportEvent.Kind.SUPPORTER_JOINED] * 2
    with pytest.raises(ValidationError):
        services.join_report(report, email="fout")
    closed = ReportFactory(status=Status.RESOLVED)
    with pytest.raises(services.WorkflowError, match="gesloten"):
        services.join_report(closed, email="buur@example.org")


def test_reporter_feedback_reopens_once_per_resolution(events):
    report = ReportFactory()
    user = UserFactory()
    with pytest.raises(services.WorkflowError):
        services.reporter_feedback(report, solved=False)
    services.pick_up(report, user=user)
    services.resolve(report, user=user, reason="Opgeruimd.")
    services.reporter_feedback(report, solved=True, text="Dank!")
    with pytest.raises(services.WorkflowError, match="al gereageerd"):
        services.reporter_feedback(report, solved=False)
    services.reopen(report, user=user)
    services.resolve(report, user=user, reason="Nu echt.")
    services.reporter_feedback(report, solved=False, text="Nee, ligt er nog.")
    report.refresh_from_db()
    assert report.status == Status.REOPENED and report.closed_at is None
    assert events[-1].kind == ReportEvent.Kind.REPORTER_FEEDBACK
    assert events[-1].internal_note == "Nee, ligt er nog." and events[-1].public_text == ""


def test_open_reports_nearby_by_distance_and_address(db):
    category = CategoryFactory()
    here = (Decimal("51.912000"), Decimal("4.330000"))
    # 0.0004 degrees latitude is about 44 m; 0.0005 is about 56 m.
    near = ReportFactory(category=category, latitude=Decimal("51.912400"), longitude=here[1])
    far = ReportFactory(category=category, latitude=Decimal("51.912500"), longitude=here[1])
    # 0.0007 degrees longitude at 51.9 N is about 48 m; the box must not cut it off.
    east = ReportFactory(category=category, latitude=here[0], longitude=Decimal("4.330700"))
    ReportFactory(category=category, latitude=here[0], longitude=here[1], status=Status.RESOLVED)
    ReportFactory(latitude=here[0], longitude=here[1])  # another category
    same_address = ReportFactory(category=category, address="Van Hogendorplaan 12-A")
    found = services.open_reports_nearby(
        category, latitude=here[0], longitude=here[1], address="van hogendorplaan 12a"
    )
    assert set(found) == {near, east, same_address}
    assert far not in found
    assert services.open_reports_nearby(category) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Van Hogendorplaan 12-A", "van hogendorplaan 12a"),
        ("Westlandseweg  3,", "westlandseweg 3"),
        ("Billitonlaan 4 B", "BILLITONLAAN 4B"),
    ],
)
def test_normalise_address(a, b):
    assert services.normalise_address(a) == services.normalise_address(b)
