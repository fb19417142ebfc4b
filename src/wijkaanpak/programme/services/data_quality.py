"""Data-quality checks: what is missing or wrong in a programme's data, in plain Dutch.

Checks live in a small registry so that the programme core does not import the apps that
feed it: the interventions app registers its own checks when it starts.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import Indicator, Programme, Scope, SourceNote, Target

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


@dataclass(frozen=True)
class Finding:
    check: str
    severity: str
    subject: str
    message: str
    source_reference: str = ""
    url: str | None = None


Check = Callable[[Programme], Iterable[Finding]]
_checks: list[Check] = []


def register_check(fn: Check) -> Check:
    """Add a check; registering the same function twice (app reloads) has no effect."""
    if fn not in _checks:
        _checks.append(fn)
    return fn


def run_checks(programme: Programme) -> list[Finding]:
    findings = [finding for check in _checks for finding in check(programme)]
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.check, f.subject))


def indicator_url(indicator: Indicator) -> str:
    return reverse("programme:indicator", args=[indicator.programme.area.slug, indicator.slug])


def _indicators(programme: Programme) -> list[Indicator]:
    return list(
        programme.indicators.select_related("programme__area").prefetch_related(
            "reference_values", "targets"
        )
    )


@register_check
def indicators_without_baseline(programme: Programme) -> Iterable[Finding]:
    # Effort indicators count agreed work and have no baseline in the source.
    for indicator in _indicators(programme):
        if indicator.kind != Indicator.Kind.OUTCOME or not indicator.is_quantitative:
            continue
        if not any(ref.scope == Scope.AREA for ref in indicator.reference_values.all()):
            yield Finding(
                check="indicator_without_baseline",
                severity=WARNING,
                subject=indicator.name,
                message=_(
                    "Er is geen beginwaarde (nulmeting) voor de wijk. Zonder beginwaarde "
                    "kunnen we niet laten zien of het beter of slechter gaat."
                ),
                source_reference=indicator.source_reference,
                url=indicator_url(indicator),
            )


@register_check
def outcome_indicators_without_target(programme: Programme) -> Iterable[Finding]:
    for indicator in _indicators(programme):
        if indicator.kind != Indicator.Kind.OUTCOME or not indicator.is_quantitative:
            continue
        if not any(t.state == Target.State.AGREED for t in indicator.targets.all()):
            yield Finding(
                check="indicator_without_target",
                severity=WARNING,
                subject=indicator.name,
                message=_(
                    "Er is nog geen doel afgesproken, voor geen enkele termijn (1, 4 of 15 "
                    "jaar). De tafel moet nog zeggen wat we willen bereiken."
                ),
                source_reference=indicator.source_reference,
                url=indicator_url(indicator),
            )


@register_check
def qualitative_indicators(programme: Programme) -> Iterable[Finding]:
    for indicator in _indicators(programme):
        if not indicator.is_quantitative:
            yield Finding(
                check="qualitative_indicator",
                severity=INFO,
                subject=indicator.name,
                message=_(
                    "Dit wordt niet in cijfers gemeten, maar met gesprekken of verhalen. "
                    "Daarom is er geen grafiek en geen streefwaarde."
                ),
                source_reference=indicator.source_reference,
                url=indicator_url(indicator),
            )


NOTE_SEVERITY = {
    SourceNote.Kind.ILLEGIBLE: WARNING,
    SourceNote.Kind.CUT_OFF: WARNING,
    SourceNote.Kind.INCONSISTENT: WARNING,
    SourceNote.Kind.AMBIGUOUS: INFO,
    SourceNote.Kind.OCR_CORRECTION: INFO,
}


@register_check
def source_notes(programme: Programme) -> Iterable[Finding]:
    for note in programme.source_notes.all():
        yield Finding(
            check=f"source_note_{note.kind}",
            severity=NOTE_SEVERITY.get(note.kind, INFO),
            subject=note.subject,
            message=note.description,
            source_reference=note.source_reference,
        )
