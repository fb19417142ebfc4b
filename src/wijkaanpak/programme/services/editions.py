"""The yearly re-calibration: a new edition starts as a draft copy, is edited, then adopted.

Only a draft is editable; an adopted edition is the record of what was agreed that year.
Exceptions, decided on purpose:
- measurements stay possible in an adopted edition: they are observations, not agreements;
- an intervention's status stays changeable (engineer A's lifecycle): it is operational;
- the curve story ("turning the curve") of the *current* adopted edition stays editable:
  it is the tables' running narrative, kept up to date during the year. Older editions are
  frozen (see `may_edit_story`).

Interventions belong to an app that feeds the programme core; the core reaches them only
through the reverse relation `programme.interventions`, never by importing that app.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import CurveStory, Goal, Indicator, Programme, Target
from .edition_diff import EditionDiff, diff  # noqa: F401  (one entry point for editions)


def is_editable(programme: Programme) -> bool:
    """Content (lines, goals, indicators, targets, interventions) changes only in a draft."""
    return programme.state == Programme.State.DRAFT


def is_current(programme: Programme) -> bool:
    newest = (
        Programme.objects.filter(area_id=programme.area_id, state=Programme.State.ADOPTED)
        .order_by("-edition_year")
        .values_list("pk", flat=True)
        .first()
    )
    return newest == programme.pk


def may_edit_story(programme: Programme) -> bool:
    return is_editable(programme) or is_current(programme)


def require_editable(programme: Programme) -> None:
    if not is_editable(programme):
        raise ValidationError(
            _("De editie %(year)s is vastgesteld. U kunt de inhoud niet meer veranderen.")
            % {"year": programme.edition_year}
        )


def _clone(obj, **changes):
    """A saved copy of `obj` with every concrete field, except the id and the given changes."""
    copy = type(obj)()
    for field in obj._meta.concrete_fields:
        if not field.primary_key:
            setattr(copy, field.attname, getattr(obj, field.attname))
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save()
    return copy


def _copy_many_to_many(source, copy, goals: dict[int, Goal]) -> None:
    # Goals belong to an edition and are remapped; partners, places and such are shared.
    for field in source._meta.many_to_many:
        ids = [obj.pk for obj in getattr(source, field.name).all()]
        if field.related_model is Goal:
            ids = [goals[pk].pk for pk in ids if pk in goals]
        getattr(copy, field.name).set(ids)


def start_edition(programme: Programme, *, year: int, user) -> Programme:
    """A draft edition for `year`, copied from the adopted `programme`.

    Measurements are not copied: they belong to the indicator's series and stay visible.
    Status changes, spending, reach and evaluations stay with the intervention of the
    edition they happened in; the copy links to it through `previous`.
    """
    if programme.state != Programme.State.ADOPTED:
        raise ValidationError(
            _("Een nieuwe editie kan alleen starten vanuit een vastgestelde editie.")
        )
    if year <= programme.edition_year:
        raise ValidationError(
            {
                "year": _("Kies een jaar na %(year)s.") % {"year": programme.edition_year},
            }
        )
    if Programme.objects.filter(area_id=programme.area_id, edition_year=year).exists():
        raise ValidationError(
            {"year": _("Er is al een editie %(year)s van dit programma.") % {"year": year}}
        )
    following = Programme.objects.filter(previous_edition=programme).first()
    if following is not None:
        raise ValidationError(
            _(
                "Vanuit de editie %(year)s is al een nieuwe editie gemaakt: %(next)s. "
                "Werk verder in die editie."
            )
            % {"year": programme.edition_year, "next": following.edition_year}
        )
    with transaction.atomic():
        return _copy(programme, year)


def _copy(source: Programme, year: int) -> Programme:
    draft = _clone(
        source,
        edition_year=year,
        state=Programme.State.DRAFT,
        adopted_at=None,
        adopted_by=None,
        previous_edition=source,
        change_rationale="",
    )
    horizons = {h.pk: _clone(h, programme=draft) for h in source.horizons.all()}
    lines, goals = {}, {}
    for line in source.lines.all():
        lines[line.pk] = _clone(line, programme=draft, previous=line)
        for goal in line.goals.all():
            goals[goal.pk] = _clone(goal, line=lines[line.pk], previous=goal)
    indicators = source.indicators.prefetch_related("goals", "reference_values", "targets")
    for indicator in indicators:
        copy = _clone(indicator, programme=draft, line=lines[indicator.line_id], previous=indicator)
        _copy_many_to_many(indicator, copy, goals)
        for ref in indicator.reference_values.all():
            _clone(ref, indicator=copy)
        for target in indicator.targets.all():
            _clone(target, indicator=copy, horizon=horizons[target.horizon_id])
        story = CurveStory.objects.filter(indicator=indicator).first()
        if story is not None:
            _clone(story, indicator=copy)
    for note in source.source_notes.all():
        # The draft still rests on the same source document, with the same defects.
        _clone(note, programme=draft)
    interventions = source.interventions.prefetch_related(*_m2m_names(source))
    for intervention in interventions:
        copy = _clone(
            intervention, programme=draft, line=lines[intervention.line_id], previous=intervention
        )
        _copy_many_to_many(intervention, copy, goals)
    return draft


def _m2m_names(source: Programme) -> list[str]:
    model = source.interventions.model
    return [field.name for field in model._meta.many_to_many]


def adopt(programme: Programme, *, user) -> Programme:
    """Draft -> adopted. The steering group reads the change rationale, so it is required."""
    require_editable(programme)
    if not programme.change_rationale.strip():
        raise ValidationError(
            {
                "change_rationale": _(
                    "Schrijf eerst op wat er verandert en waarom. De stuurgroep leest dit."
                )
            }
        )
    programme.state = Programme.State.ADOPTED
    programme.adopted_at = timezone.now()
    programme.adopted_by = user
    programme.save(update_fields=["state", "adopted_at", "adopted_by"])
    return programme


def set_rationale(programme: Programme, text: str) -> None:
    require_editable(programme)
    programme.change_rationale = text.strip()
    programme.save(update_fields=["change_rationale"])


def move_target(indicator: Indicator, horizon, value, *, user) -> Target:
    """Set the target of a draft's indicator for a horizon. What the coordinator sets is agreed."""
    require_editable(indicator.programme)
    if horizon.programme_id != indicator.programme_id:
        raise ValidationError({"horizon": _("Deze horizon hoort niet bij deze editie.")})
    target = Target.objects.filter(indicator=indicator, horizon=horizon).first()
    if target is None:
        target = Target(indicator=indicator, horizon=horizon)
    target.value = value
    target.state = Target.State.AGREED
    target.source = _("Herijking %(year)s") % {"year": indicator.programme.edition_year}
    target.source_reference = ""
    target.rule = ""
    target.confirmed_by = user
    target.confirmed_at = timezone.now()
    target.save()
    return target


def add_goal(line, text: str) -> Goal:
    require_editable(line.programme)
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Schrijf het doel op.")})
    number = (line.goals.aggregate(n=Max("number"))["n"] or 0) + 1
    return Goal.objects.create(line=line, number=number, text=text)


def change_goal(goal: Goal, text: str) -> Goal:
    require_editable(goal.line.programme)
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Schrijf het doel op.")})
    goal.text = text
    goal.save(update_fields=["text"])
    return goal


def remove_goal(goal: Goal) -> None:
    require_editable(goal.line.programme)
    goal.delete()
