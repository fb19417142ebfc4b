"""The life of an intervention: which status may follow which, dated and with a reason.

Status is operational: it may change during the year, also in an adopted edition. Content
(partners, places, schedule) follows the edition rules instead; see the staff views.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkaanpak.programme.services.editions import is_editable

from ..models import Intervention, StatusChange, Theme

S = Intervention.Status

# What a programme office allows. "We are no carousel of projects": nothing becomes
# permanent without an evaluation, and a stopped intervention only comes back through
# preparation, never straight into running.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    S.IDEA: frozenset({S.IN_PREPARATION, S.STOPPED}),
    S.IN_PREPARATION: frozenset({S.IDEA, S.RUNNING, S.STOPPED}),
    S.RUNNING: frozenset({S.PAUSED, S.EVALUATED, S.STOPPED}),
    S.PAUSED: frozenset({S.RUNNING, S.EVALUATED, S.STOPPED}),
    S.EVALUATED: frozenset({S.RUNNING, S.MADE_PERMANENT, S.STOPPED}),
    S.MADE_PERMANENT: frozenset({S.PAUSED, S.EVALUATED, S.STOPPED}),
    S.STOPPED: frozenset({S.IN_PREPARATION}),
}


def allowed_next(status: str) -> list[str]:
    """The statuses that may follow `status`, in the order of Intervention.Status."""
    allowed = ALLOWED_TRANSITIONS.get(status, frozenset())
    return [value for value in S.values if value in allowed]


def _label(status: str) -> str:
    return str(S(status).label) if status in S.values else status


def _day(value: date) -> str:
    return f"{value.day}-{value.month}-{value.year}"


def _check(intervention: Intervention, to_status: str, on: date | None, reason: str) -> None:
    errors: dict[str, list[str]] = {}
    if to_status not in S.values:
        errors["to_status"] = [_("Kies een nieuwe status uit de lijst.")]
    elif to_status == intervention.status:
        errors["to_status"] = [
            _("De interventie heeft de status '%(status)s' al. Kies een andere status.")
            % {"status": _label(to_status)}
        ]
    elif to_status not in ALLOWED_TRANSITIONS.get(intervention.status, frozenset()):
        allowed = ", ".join(f"'{_label(s)}'" for s in allowed_next(intervention.status))
        errors["to_status"] = [
            _("Van '%(from)s' kan de status niet naar '%(to)s'. Wel mogelijk: %(allowed)s.")
            % {
                "from": _label(intervention.status),
                "to": _label(to_status),
                "allowed": allowed or _("niets"),
            }
        ]
    if on is None:
        errors["on"] = [_("Vul de datum van de wijziging in.")]
    elif on > timezone.localdate():
        errors["on"] = [_("De datum ligt in de toekomst. Vul de datum in waarop het gebeurde.")]
    else:
        last = intervention.status_changes.order_by("-changed_on", "-recorded_at").first()
        if last is not None and on < last.changed_on:
            errors["on"] = [
                _(
                    "De datum ligt voor de vorige wijziging (%(last)s). "
                    "De geschiedenis moet op volgorde blijven."
                )
                % {"last": _day(last.changed_on)}
            ]
    if not (reason or "").strip():
        errors["reason"] = [_("Vul de reden van de wijziging in.")]
    if errors:
        raise ValidationError(errors)


def change_status(
    intervention: Intervention, to_status: str, *, on: date, reason: str, user
) -> StatusChange:
    """Move the intervention to `to_status`; the change is recorded, never rewritten.

    Raises ValidationError keyed by `to_status`, `on` and `reason`; nothing is stored then.
    """
    with transaction.atomic():
        # Lock the row so two staff members cannot both move it from the same status.
        locked = Intervention.objects.select_for_update().get(pk=intervention.pk)
        _check(locked, to_status, on, reason)
        change = StatusChange.objects.create(
            intervention=locked,
            from_status=locked.status,
            to_status=to_status,
            changed_on=on,
            reason=reason.strip(),
            changed_by=user,
        )
        locked.status = to_status
        locked.save(update_fields=["status"])
    intervention.status = to_status
    return change


def plan_is_editable(intervention: Intervention) -> bool:
    """Who, where, when and how many are content: only a draft edition may change them."""
    return is_editable(intervention.programme)


def update_plan(
    intervention: Intervention,
    *,
    lead_partner,
    partners,
    places,
    starts_on: date | None,
    ends_on: date | None,
    recurrence: str,
    planned_capacity: int | None,
    themes: list[str],
) -> Intervention:
    """Change the plan of an intervention in a draft edition; an adopted one is refused."""
    if not plan_is_editable(intervention):
        raise ValidationError(
            _(
                "De editie %(year)s is vastgesteld. Trekker, partners, vindplekken, planning "
                "en thema's liggen vast. Verander ze in een nieuwe editie (concept)."
            )
            % {"year": intervention.programme.edition_year}
        )
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("Het einde ligt voor de start. Controleer de datums.")})
    if any(code not in Theme.values for code in themes):
        raise ValidationError({"themes": _("Kies thema's uit de lijst.")})
    with transaction.atomic():
        intervention.lead_partner = lead_partner
        intervention.starts_on = starts_on
        intervention.ends_on = ends_on
        intervention.recurrence = (recurrence or "").strip()
        intervention.planned_capacity = planned_capacity
        intervention.themes = list(themes)
        intervention.save(
            update_fields=[
                "lead_partner",
                "starts_on",
                "ends_on",
                "recurrence",
                "planned_capacity",
                "themes",
            ]
        )
        intervention.partners.set(partners)
        intervention.places.set(places)
    return intervention
