"""Findings of a round, and what was agreed on each: a report, or actions with an owner."""

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image

from wijkaanpak.areas.models import Membership, Organisation
from wijkaanpak.reports.models import Category, Report
from wijkaanpak.reports.services import create_report
from wijkaanpak.reports.uploads import CleanImage
from wijkaanpak.workdays import today as amsterdam_today

from ..models import Action, Finding, InspectionRound

REPORT_SOURCE = "wijkschouw"


def _check_coordinates(latitude, longitude) -> dict:
    if (latitude is None) != (longitude is None):
        return {"latitude": _("Vul breedtegraad én lengtegraad in, of laat ze allebei leeg.")}
    errors = {}
    if latitude is not None and not Decimal(-90) <= latitude <= Decimal(90):
        errors["latitude"] = _("De breedtegraad ligt tussen -90 en 90.")
    if longitude is not None and not Decimal(-180) <= longitude <= Decimal(180):
        errors["longitude"] = _("De lengtegraad ligt tussen -180 en 180.")
    return errors


@transaction.atomic
def add_finding(
    inspection_round: InspectionRound,
    *,
    category: Category,
    place: str,
    description: str,
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    photo: CleanImage | None = None,
) -> Finding:
    errors = _check_coordinates(latitude, longitude)
    if inspection_round.state == InspectionRound.State.CANCELLED:
        errors["place"] = _("Deze schouw is niet doorgegaan. Er kunnen geen bevindingen bij.")
    if not place.strip():
        errors["place"] = _("Schrijf waar het is, bijvoorbeeld een straat en huisnummer.")
    if not description.strip():
        errors["description"] = _("Schrijf wat er is gezien.")
    if not category.is_active:
        errors["category"] = _("Deze categorie is niet meer in gebruik. Kies een andere.")
    if errors:
        raise ValidationError(errors)
    finding = Finding(
        inspection_round=inspection_round,
        category=category,
        place=place.strip(),
        description=description.strip(),
        latitude=latitude,
        longitude=longitude,
    )
    if photo is not None:
        # CleanImage's name is random: never the uploader's, which may hold personal data.
        finding.photo.save(photo.name, ContentFile(photo.content), save=False)
    finding.save()
    return finding


def _photo_of(finding: Finding) -> CleanImage | None:
    if not finding.photo:
        return None
    with finding.photo.open("rb") as handle:
        content = handle.read()
    # The stored photo was checked and re-encoded on upload; this only reads its shape.
    with Image.open(io.BytesIO(content)) as im:
        width, height = im.size
        content_type = Image.MIME.get(im.format, "image/jpeg")
    return CleanImage(
        name=finding.photo.name.rsplit("/", 1)[-1],
        content=content,
        content_type=content_type,
        width=width,
        height=height,
    )


@transaction.atomic
def turn_into_report(finding: Finding) -> Report:
    """Hand the finding to the organisation that handles its category, as a report."""
    finding = (
        Finding.objects.select_for_update()
        .select_related("inspection_round__neighbourhood__area", "category")
        .get(pk=finding.pk)
    )
    if finding.report_id:
        raise ValidationError(_("Van deze bevinding is al een melding gemaakt."))
    if finding.actions.exists():
        raise ValidationError(
            _("Bij deze bevinding zijn al acties afgesproken. Maak er geen melding meer van.")
        )
    neighbourhood = finding.inspection_round.neighbourhood
    photo = _photo_of(finding)
    report = create_report(
        area=neighbourhood.area,
        neighbourhood=neighbourhood,
        category=finding.category,
        description=finding.description,
        location_description=finding.place,
        latitude=finding.latitude,
        longitude=finding.longitude,
        photos=(photo,) if photo else (),
        source=REPORT_SOURCE,
    )
    finding.report = report
    finding.save(update_fields=["report"])
    return report


@transaction.atomic
def add_action(
    finding: Finding,
    *,
    description: str,
    owner_organisation: Organisation,
    due_on: dt.date,
    owner=None,
) -> Action:
    finding = (
        Finding.objects.select_for_update().select_related("inspection_round").get(pk=finding.pk)
    )
    errors = {}
    if finding.report_id:
        errors["description"] = _(
            "Van deze bevinding is al een melding gemaakt. Volg de melding; "
            "een actie erbij maakt het dubbel."
        )
    if not description.strip():
        errors["description"] = _("Schrijf wat er wordt gedaan.")
    round_ = finding.inspection_round
    round_day = round_.held_on or round_.planned_on
    if due_on < round_day:
        errors["due_on"] = _("De datum ligt voor de schouw (%(day)s). Kies een latere datum.") % {
            "day": round_day.strftime("%d-%m-%Y")
        }
    if (
        owner is not None
        and not Membership.objects.filter(user=owner, organisation=owner_organisation).exists()
    ):
        errors["owner"] = _("Deze medewerker werkt niet voor %(org)s.") % {
            "org": owner_organisation.name
        }
    if errors:
        raise ValidationError(errors)
    return Action.objects.create(
        finding=finding,
        description=description.strip(),
        owner_organisation=owner_organisation,
        owner=owner,
        due_on=due_on,
    )


@transaction.atomic
def complete_action(action: Action, *, resolution_note: str) -> Action:
    action = Action.objects.select_for_update().get(pk=action.pk)
    if action.state == Action.State.DONE:
        raise ValidationError({"resolution_note": _("Deze actie is al afgerond.")})
    if not resolution_note.strip():
        raise ValidationError({"resolution_note": _("Schrijf hoe het is opgelost.")})
    action.state = Action.State.DONE
    action.resolution_note = resolution_note.strip()
    action.resolved_at = timezone.now()
    action.save(update_fields=["state", "resolution_note", "resolved_at"])
    return action


def is_overdue(action: Action, today: dt.date | None = None) -> bool:
    """Open past its due date. Due today is not late yet: "klaar op" includes that day."""
    today = today or amsterdam_today()
    return action.state == Action.State.OPEN and action.due_on < today


class FollowUpKind:
    REPORT = "report"
    ACTIONS = "actions"
    NONE = "none"


@dataclass
class FollowUp:
    kind: str
    report: Report | None = None
    actions: list = field(default_factory=list)


def follow_up(finding: Finding, today: dt.date | None = None) -> FollowUp:
    """What was agreed on a finding. Nothing agreed is a state of its own, never left out."""
    today = today or amsterdam_today()
    if finding.report_id:
        return FollowUp(FollowUpKind.REPORT, report=finding.report)
    actions = list(finding.actions.all())
    if actions:
        for action in actions:
            action.overdue = is_overdue(action, today)
        return FollowUp(FollowUpKind.ACTIONS, actions=actions)
    return FollowUp(FollowUpKind.NONE)
