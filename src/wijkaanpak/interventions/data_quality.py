"""Data-quality checks on interventions, registered with the programme core at start-up."""

from collections.abc import Iterable
from itertools import pairwise

from django.urls import reverse
from django.utils.translation import gettext as _

from wijkaanpak.programme.models import Programme
from wijkaanpak.programme.services.data_quality import ERROR, WARNING, Finding

from .models import Intervention
from .services.evaluation import evaluation_overdue


def _interventions(programme: Programme) -> list[Intervention]:
    return list(
        programme.interventions.select_related("line", "programme__area").prefetch_related(
            "goals", "line__goals"
        )
    )


def _url(intervention: Intervention) -> str:
    return reverse(
        "interventions:detail", args=[intervention.programme.area.slug, intervention.slug]
    )


def unknown_claimed_goals(programme: Programme) -> Iterable[Finding]:
    for intervention in _interventions(programme):
        existing = {goal.number for goal in intervention.line.goals.all()}
        for number in intervention.claimed_goal_numbers:
            if number not in existing:
                yield Finding(
                    check="intervention_unknown_goal",
                    severity=ERROR,
                    subject=str(intervention),
                    message=_(
                        "Volgens de bron helpt deze interventie bij doel %(number)s van "
                        "%(line)s. Maar %(line)s heeft %(count)d doelen; doel %(number)s "
                        "bestaat niet."
                    )
                    % {"number": number, "line": intervention.line.name, "count": len(existing)},
                    source_reference=intervention.source_reference,
                    url=_url(intervention),
                )


def numbering_gaps(programme: Programme) -> Iterable[Finding]:
    by_line: dict = {}
    for intervention in _interventions(programme):
        if intervention.number is not None:
            by_line.setdefault(intervention.line, []).append(intervention)
    for line, items in by_line.items():
        items.sort(key=lambda i: i.number)
        for before, after in pairwise(items):
            if after.number - before.number > 1:
                yield Finding(
                    check="intervention_numbering_gap",
                    severity=WARNING,
                    subject=line.name,
                    message=_(
                        "De nummers van de interventies springen van %(before)d naar "
                        "%(after)d. Mist er iets in de bron, of is alleen het nummer fout?"
                    )
                    % {"before": before.number, "after": after.number},
                    source_reference=after.source_reference,
                    url=reverse("programme:line", args=[programme.area.slug, line.slug]),
                )


def age_disagreements(programme: Programme) -> Iterable[Finding]:
    for intervention in _interventions(programme):
        in_text = (intervention.age_min_in_text, intervention.age_max_in_text)
        if in_text == (None, None) and not intervention.age_in_text:
            continue
        if in_text == (intervention.age_min, intervention.age_max):
            continue
        yield Finding(
            check="intervention_age_mismatch",
            severity=WARNING,
            subject=str(intervention),
            message=_(
                "Bij de doelgroep staat %(header)s, maar in de tekst staat: '%(text)s'. "
                "Welke leeftijd klopt?"
            )
            % {
                "header": intervention.age_range_label or _("geen leeftijd"),
                "text": intervention.age_in_text or _label(*in_text),
            },
            source_reference=intervention.source_reference,
            url=_url(intervention),
        )


def without_goal(programme: Programme) -> Iterable[Finding]:
    for intervention in _interventions(programme):
        if not intervention.goals.all():
            yield Finding(
                check="intervention_without_goal",
                severity=WARNING,
                subject=str(intervention),
                message=_(
                    "Deze interventie hoort bij geen enkel doel. Dan is niet te zien waar "
                    "zij aan bijdraagt."
                ),
                source_reference=intervention.source_reference,
                url=_url(intervention),
            )


def _label(age_min: int | None, age_max: int | None) -> str:
    if age_max is None:
        return _("vanaf %(min)s jaar") % {"min": age_min}
    return _("%(min)s-%(max)s jaar") % {"min": age_min or 0, "max": age_max}


CHECKS = [
    unknown_claimed_goals,
    numbering_gaps,
    age_disagreements,
    without_goal,
    evaluation_overdue,
]
