"""Logging a question, and coming back to it: the rules, with Dutch errors per field."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from wijkaanpak.areas.models import Area
from wijkaanpak.interventions.models import Theme

from ..models import Question
from .privacy import check_summary

# The fields a staff member fills in; the rest (area, who, when) is set by the system.
FIELDS = (
    "asked_on",
    "theme",
    "neighbourhood",
    "channel",
    "outcome",
    "referred_to",
    "follow_up_on",
    "summary",
)
# A date further away than this is most likely a typing error in the year.
LONGEST_BACK = dt.timedelta(days=2 * 365)
LONGEST_AHEAD = dt.timedelta(days=366)


def _choice_errors(data: dict) -> dict[str, str]:
    errors = {}
    if data.get("theme") not in Theme.values:
        errors["theme"] = _("Kies een thema.")
    if data.get("channel") not in Question.Channel.values:
        errors["channel"] = _("Kies hoe de vraag binnenkwam.")
    if data.get("outcome") not in Question.Outcome.values:
        errors["outcome"] = _("Kies wat er met de vraag is gedaan.")
    return errors


def _area_errors(area: Area, data: dict) -> dict[str, str]:
    errors = {}
    neighbourhood = data.get("neighbourhood")
    if neighbourhood is not None and neighbourhood.area_id != area.pk:
        errors["neighbourhood"] = _("Deze buurt hoort niet bij %(area)s.") % {"area": area.name}
    organisation = data.get("referred_to")
    if organisation is not None and not organisation.areas.filter(pk=area.pk).exists():
        errors["referred_to"] = _("Deze organisatie werkt niet in %(area)s.") % {"area": area.name}
    return errors


def _outcome_errors(data: dict, warm_referral: bool) -> dict[str, str]:
    """What goes with the outcome: an organisation, a date, a warm referral."""
    errors = {}
    outcome = data.get("outcome")
    asked_on, follow_up_on = data.get("asked_on"), data.get("follow_up_on")
    if data.get("referred_to") is not None and outcome != Question.Outcome.REFERRED:
        errors["referred_to"] = _(
            "Kies alleen een organisatie als de vraag is doorverwezen. Kies bij 'Wat is er "
            "gedaan' voor 'doorverwezen', of maak dit veld leeg."
        )
    if warm_referral and outcome != Question.Outcome.REFERRED:
        errors["warm_referral"] = _(
            "Een warme verwijzing kan alleen als de vraag is doorverwezen. Kies bij 'Wat is er "
            "gedaan' voor 'doorverwezen', of zet het vinkje uit."
        )
    if outcome == Question.Outcome.FOLLOW_UP and follow_up_on is None:
        errors["follow_up_on"] = _("Vul in op welke datum u op de vraag terugkomt.")
    elif follow_up_on is not None and outcome != Question.Outcome.FOLLOW_UP:
        errors["follow_up_on"] = _(
            "Vul alleen een datum in als u op de vraag terugkomt. Kies bij 'Wat is er gedaan' "
            "voor 'komt terug op een datum', of maak dit veld leeg."
        )
    elif follow_up_on is not None and asked_on is not None and follow_up_on < asked_on:
        errors["follow_up_on"] = _(
            "De datum om terug te komen ligt voor de datum van de vraag. Kies dezelfde dag of "
            "later."
        )
    elif (
        follow_up_on is not None
        and asked_on is not None
        and follow_up_on > (asked_on + LONGEST_AHEAD)
    ):
        errors["follow_up_on"] = _(
            "De datum om terug te komen ligt meer dan een jaar na de vraag. Klopt het jaartal?"
        )
    return errors


def validate_question(
    area: Area,
    data: dict,
    *,
    today: dt.date,
    warm_referral: bool = False,
    date_typed: bool = True,
) -> None:
    """Raise ValidationError (per field, in Dutch) unless the question may be stored.

    `date_typed` is False when a stored question is changed but its date is not: then an old
    date is no typing error.
    """
    errors: dict[str, str] = {}
    asked_on = data.get("asked_on")
    if asked_on is None:
        errors["asked_on"] = _("Vul de datum in waarop de vraag binnenkwam.")
    elif date_typed and asked_on > today:
        errors["asked_on"] = _(
            "De datum ligt in de toekomst. Vul de dag in waarop de vraag binnenkwam."
        )
    elif date_typed and asked_on < today - LONGEST_BACK:
        errors["asked_on"] = _(
            "De datum ligt meer dan twee jaar terug. Klopt het jaartal? Vul de dag in waarop "
            "de vraag binnenkwam."
        )
    errors.update(_choice_errors(data))
    errors.update(_area_errors(area, data))
    for field, message in _outcome_errors(data, warm_referral).items():
        errors.setdefault(field, message)
    try:
        check_summary(data.get("summary") or "")
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_question(
    area: Area, data: dict, *, user, today: dt.date, warm_referral: bool = False
) -> Question:
    values = {name: data.get(name) for name in FIELDS}
    values["summary"] = (values["summary"] or "").strip()
    validate_question(area, values, today=today, warm_referral=warm_referral)
    return Question.objects.create(area=area, recorded_by=user, **values)


def filtered(
    area: Area, *, month=None, theme=None, neighbourhood=None, outcome=None
) -> QuerySet[Question]:
    """The area's questions, newest first; `month` is any date in the month wanted."""
    questions = Question.objects.filter(area=area).select_related("neighbourhood", "referred_to")
    if month is not None:
        questions = questions.filter(asked_on__year=month.year, asked_on__month=month.month)
    if theme:
        questions = questions.filter(theme=theme)
    if neighbourhood is not None:
        questions = questions.filter(neighbourhood=neighbourhood)
    if outcome:
        questions = questions.filter(outcome=outcome)
    return questions.order_by("-asked_on", "-pk")


def follow_ups_due(area: Area, today: dt.date) -> QuerySet[Question]:
    """Questions to come back to on or before today that nobody has come back to yet."""
    return (
        Question.objects.filter(
            area=area,
            outcome=Question.Outcome.FOLLOW_UP,
            follow_up_on__lte=today,
            follow_up_done_on__isnull=True,
        )
        .select_related("neighbourhood")
        .order_by("follow_up_on", "pk")
    )


@transaction.atomic
def mark_follow_up_done(question: Question, *, today: dt.date) -> Question:
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.outcome != Question.Outcome.FOLLOW_UP:
        raise ValidationError(_("Op deze vraag hoeft u niet terug te komen."))
    if question.follow_up_done_on is not None:
        raise ValidationError(
            _("U bent al op deze vraag teruggekomen, op %(date)s.")
            % {"date": question.follow_up_done_on.strftime("%d-%m-%Y")}
        )
    question.follow_up_done_on = today
    question.save(update_fields=["follow_up_done_on"])
    return question
