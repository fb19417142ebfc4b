"""Evaluations of interventions and the rule that a running one must be evaluated yearly."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkaanpak.programme.services.data_quality import WARNING, Finding

from ..models import Evaluation, EvidenceLevel, Intervention

REQUIRED_TEXT = {
    "method": gettext_lazy("Vul de methode in, bijvoorbeeld 'gesprekken met deelnemers'."),
    "evaluator": gettext_lazy("Vul in wie de evaluatie deed."),
    "findings": gettext_lazy("Vul de bevindingen in."),
}


def add_evaluation(
    intervention: Intervention,
    *,
    evaluated_on: date,
    method: str,
    evaluator: str,
    findings: str,
    judgement: str,
    evidence_level: str,
    databank_reference: str = "",
    user,
) -> Evaluation:
    """Record an evaluation; the intervention takes the evidence level of its latest one.

    Raises ValidationError keyed by field name; nothing is stored then.
    """
    texts = {"method": method, "evaluator": evaluator, "findings": findings}
    errors = {
        name: [REQUIRED_TEXT[name]] for name, text in texts.items() if not (text or "").strip()
    }
    if evaluated_on is None:
        errors["evaluated_on"] = [_("Vul de datum van de evaluatie in.")]
    elif evaluated_on > timezone.localdate():
        errors["evaluated_on"] = [
            _("De datum ligt in de toekomst. Vul de datum in waarop de evaluatie klaar was.")
        ]
    if judgement not in Evaluation.Judgement.values:
        errors["judgement"] = [_("Kies een oordeel: doorgaan, aanpassen of stoppen.")]
    if evidence_level not in EvidenceLevel.values:
        errors["evidence_level"] = [_("Kies de bewijskracht uit de lijst.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        evaluation = Evaluation.objects.create(
            intervention=intervention,
            evaluated_on=evaluated_on,
            method=method.strip(),
            evaluator=evaluator.strip(),
            findings=findings.strip(),
            judgement=judgement,
            evidence_level=evidence_level,
            databank_reference=(databank_reference or "").strip(),
            entered_by=user,
        )
        # An older evaluation entered late must not overwrite a newer verdict.
        latest = intervention.evaluations.order_by("-evaluated_on", "-entered_at", "-pk").first()
        intervention.evidence_level = latest.evidence_level
        intervention.databank_reference = latest.databank_reference
        intervention.save(update_fields=["evidence_level", "databank_reference"])
    return evaluation


def _year_before(today: date) -> date:
    # 29 February has no twin a year earlier; the 28th is the same day in everyday terms.
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def running_since(intervention: Intervention) -> date | None:
    """The date it last became running: from the status history, else its planned start."""
    became_running = [
        change.changed_on
        for change in intervention.status_changes.all()
        if change.to_status == Intervention.Status.RUNNING
    ]
    if became_running:
        return max(became_running)
    return intervention.starts_on


def needs_evaluation(intervention: Intervention, today: date) -> bool:
    """Running for more than a year without an evaluation in the last year.

    Uses prefetched `status_changes` and `evaluations` when present, so a list stays cheap.
    """
    if intervention.status != Intervention.Status.RUNNING:
        return False
    since = running_since(intervention)
    year_ago = _year_before(today)
    if since is None or since >= year_ago:
        return False
    return not any(e.evaluated_on >= year_ago for e in intervention.evaluations.all())


def flagged(interventions: Iterable[Intervention], today: date) -> list[Intervention]:
    return [i for i in interventions if needs_evaluation(i, today)]


def with_history(queryset):
    return queryset.prefetch_related("status_changes", "evaluations")


def evaluation_overdue(programme) -> Iterable[Finding]:
    """Data-quality check: running interventions that the programme has not evaluated."""
    today = timezone.localdate()
    interventions = with_history(programme.interventions.select_related("programme__area"))
    for intervention in flagged(interventions, today):
        since = running_since(intervention)
        yield Finding(
            check="intervention_not_evaluated",
            severity=WARNING,
            subject=str(intervention),
            message=_(
                "Deze interventie loopt sinds %(since)s en is in het afgelopen jaar niet "
                "geëvalueerd. Het programma wil alles volgen en evalueren."
            )
            % {"since": f"{since.day}-{since.month}-{since.year}"},
            source_reference=intervention.source_reference,
            url=reverse(
                "interventions:detail", args=[intervention.programme.area.slug, intervention.slug]
            ),
        )
