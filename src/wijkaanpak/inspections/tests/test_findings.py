"""Findings and what was agreed on them: a report, or actions followed until resolved."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from wijkaanpak.areas.tests.factories import OrganisationFactory
from wijkaanpak.inspections.forms import FindingForm
from wijkaanpak.inspections.models import Action, Finding
from wijkaanpak.inspections.selectors import open_actions
from wijkaanpak.inspections.services import findings
from wijkaanpak.reports.models import ReportEvent
from wijkaanpak.reports.tests.factories import CategoryFactory

from .factories import ActionFactory, FindingFactory, InspectionRoundFactory, staff_of

pytestmark = pytest.mark.django_db
D = dt.date

FINDINGS = [
    # (place, description, latitude, longitude, error fields)
    ("Wesembekestraat 12", "Rattenholen", None, None, set()),
    ("Speeltuin Hoogkamer", "Schommel kapot", Decimal("51.91"), Decimal("4.33"), set()),
    ("Speeltuin", "Schommel kapot", Decimal("51.91"), None, {"latitude"}),
    ("Speeltuin", "Schommel kapot", Decimal("91"), Decimal("4.33"), {"latitude"}),
    (" ", "", None, None, {"place", "description"}),
]


@pytest.mark.parametrize(("place", "description", "lat", "lon", "errors"), FINDINGS)
def test_add_finding(place, description, lat, lon, errors):
    inspection_round = InspectionRoundFactory()
    kwargs = dict(
        category=CategoryFactory(),
        place=place,
        description=description,
        latitude=lat,
        longitude=lon,
    )
    if errors:
        with pytest.raises(ValidationError) as exc:
            findings.add_finding(inspection_round, **kwargs)
        assert set(exc.value.message_dict) == errors
        assert not Finding.objects.exists()
    else:
        finding = findings.add_finding(inspection_round, **kwargs)
        assert (finding.place, finding.latitude) == (place, lat)


def test_no_findings_on_a_cancelled_round():
    inspection_round = InspectionRoundFactory(state="cancelled")
    with pytest.raises(ValidationError):
        findings.add_finding(
            inspection_round, category=CategoryFactory(), place="Plein", description="Afval"
        )


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0x8825] = {1: "N", 2: (51.0, 54.0, 44.0)}  # GPS: where the photo was taken
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_photo_is_stored_re_encoded_without_exif(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    original = _jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif()
    category = CategoryFactory()
    form = FindingForm(
        {"category": category.pk, "place": "Plein", "description": "Afval"},
        {"photo": SimpleUploadedFile("IMG_jan_de_vries.jpg", original, "image/jpeg")},
    )
    assert form.is_valid(), form.errors
    finding = findings.add_finding(InspectionRoundFactory(), **form.cleaned_data)
    assert "jan_de_vries" not in finding.photo.name
    with finding.photo.open("rb") as handle:
        stored = Image.open(io.BytesIO(handle.read()))
        assert not stored.getexif()
        assert stored.size == (40, 30)


def test_a_pdf_named_jpg_is_refused_with_a_dutch_message():
    form = FindingForm(
        {"category": CategoryFactory().pk, "place": "Plein", "description": "Afval"},
        {"photo": SimpleUploadedFile("foto.jpg", b"%PDF-1.4 nep", "image/jpeg")},
    )
    assert not form.is_valid()
    assert "geen foto" in str(form.errors["photo"])


def test_finding_becomes_a_report_for_the_handling_organisation(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    finding = FindingFactory(latitude=Decimal("51.9"), longitude=Decimal("4.3"))
    report = findings.turn_into_report(finding)
    finding.refresh_from_db()
    assert finding.report == report
    assert report.source == "wijkschouw"
    assert report.organisation == finding.category.handling_organisation
    assert report.neighbourhood == finding.inspection_round.neighbourhood
    assert report.location_description == finding.place
    assert report.latitude == Decimal("51.9")
    assert not report.contacts.exists()  # nobody's personal data travels with it
    assert report.events.filter(kind=ReportEvent.Kind.CREATED).count() == 1
    follow = findings.follow_up(finding)
    assert (follow.kind, follow.report) == ("report", report)
    with pytest.raises(ValidationError, match="al een melding"):
        findings.turn_into_report(finding)


def test_finding_with_photo_hands_the_photo_to_the_report(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    form = FindingForm(
        {"category": CategoryFactory().pk, "place": "Plein", "description": "Afval"},
        {"photo": SimpleUploadedFile("a.jpg", _jpeg_with_gps(), "image/jpeg")},
    )
    assert form.is_valid(), form.errors
    finding = findings.add_finding(InspectionRoundFactory(), **form.cleaned_data)
    report = findings.turn_into_report(finding)
    photo = report.photos.get()
    assert (photo.content_type, photo.width, photo.height) == ("image/jpeg", 40, 30)


def test_a_finding_with_actions_does_not_also_become_a_report():
    action = ActionFactory()
    with pytest.raises(ValidationError, match="acties"):
        findings.turn_into_report(action.finding)
    action.finding.refresh_from_db()
    assert action.finding.report is None


def _action_kwargs(**overrides):
    kwargs = dict(
        description="Tegels leggen",
        owner_organisation=OrganisationFactory(),
        due_on=D(2027, 6, 1),
        owner=None,
    )
    kwargs.update(overrides)
    return kwargs


def test_finding_becomes_actions_with_owner_and_due_date():
    finding = FindingFactory()
    organisation = OrganisationFactory()
    worker = staff_of(organisation)
    first = findings.add_action(
        finding, **_action_kwargs(owner_organisation=organisation, owner=worker)
    )
    findings.add_action(finding, **_action_kwargs(description="Bord plaatsen"))
    assert (first.state, first.owner, first.owner_organisation) == ("open", worker, organisation)
    follow = findings.follow_up(finding, today=D(2027, 5, 20))
    assert follow.kind == "actions"
    assert [a.description for a in follow.actions] == ["Tegels leggen", "Bord plaatsen"]


ACTION_ERRORS = [
    # (overrides, error field)
    ({"description": " "}, "description"),
    ({"due_on": D(2027, 5, 10)}, "due_on"),  # the round was planned on 11 May 2027
    ({"owner": "stranger"}, "owner"),
]


@pytest.mark.parametrize(("overrides", "field"), ACTION_ERRORS)
def test_add_action_refused(overrides, field):
    finding = FindingFactory()
    if overrides.get("owner") == "stranger":
        overrides["owner"] = staff_of(OrganisationFactory())  # works for another organisation
    with pytest.raises(ValidationError) as exc:
        findings.add_action(finding, **_action_kwargs(**overrides))
    assert field in exc.value.message_dict
    assert not Action.objects.exists()


def test_no_action_on_a_finding_that_became_a_report(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    finding = FindingFactory()
    findings.turn_into_report(finding)
    with pytest.raises(ValidationError, match="al een melding"):
        findings.add_action(finding, **_action_kwargs())


def test_complete_action_needs_a_note_and_happens_once():
    action = ActionFactory()
    with pytest.raises(ValidationError) as exc:
        findings.complete_action(action, resolution_note="")
    assert "resolution_note" in exc.value.message_dict
    done = findings.complete_action(action, resolution_note="Tegels liggen er weer.")
    assert (done.state, done.resolution_note) == ("done", "Tegels liggen er weer.")
    assert done.resolved_at is not None
    with pytest.raises(ValidationError, match="al afgerond"):
        findings.complete_action(done, resolution_note="Nog eens.")


OVERDUE = [
    # (due on, state, today, overdue?)
    (D(2027, 6, 1), "open", D(2027, 6, 2), True),
    (D(2027, 6, 1), "open", D(2027, 6, 1), False),  # due today is not late yet
    (D(2027, 6, 1), "open", D(2027, 5, 31), False),
    (D(2027, 6, 1), "done", D(2027, 7, 1), False),
]


@pytest.mark.parametrize(("due_on", "state", "today", "expected"), OVERDUE)
def test_overdue_rule(due_on, state, today, expected):
    assert findings.is_overdue(Action(due_on=due_on, state=state), today) is expected


def test_a_finding_without_agreement_is_shown_as_such():
    finding = FindingFactory()
    assert findings.follow_up(finding).kind == "none"


def test_open_actions_per_quadrant_overdue_first_and_findings_without_agreement():
    inspection_round = InspectionRoundFactory()
    area = inspection_round.neighbourhood.area
    later = ActionFactory(finding__inspection_round=inspection_round, due_on=D(2027, 7, 1))
    overdue = ActionFactory(finding__inspection_round=inspection_round, due_on=D(2027, 6, 1))
    ActionFactory(finding__inspection_round=inspection_round, state="done")
    lonely = FindingFactory(inspection_round=inspection_round)
    [quadrant] = open_actions(area, today=D(2027, 6, 15))
    assert quadrant.actions == [overdue, later]
    assert quadrant.overdue == 1
    assert quadrant.findings_without_agreement == [lonely]
