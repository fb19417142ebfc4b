"""Data-quality findings of the programme core: missing baselines and targets, source notes."""

import dataclasses
from decimal import Decimal

import pytest
from django.urls import reverse

from wijkaanpak.interventions.tests.factories import InterventionFactory
from wijkaanpak.programme.models import Indicator, SourceNote, Target
from wijkaanpak.programme.services import data_quality
from wijkaanpak.programme.services.data_quality import Finding, register_check, run_checks
from wijkaanpak.programme.tests.factories import (
    GoalFactory,
    HorizonFactory,
    IndicatorFactory,
    ProgrammeFactory,
    ProgrammeLineFactory,
    ReferenceValueFactory,
    SourceNoteFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db


def find(findings, check, subject):
    return [f for f in findings if f.check == check and f.subject == subject]


WESTWIJK_FINDINGS = [
    # (check, severity, subject)
    ("indicator_without_baseline", "warning", "% verzuim PO"),
    ("indicator_without_baseline", "warning", "% laaggeletterdheid bij ouders"),
    ("indicator_without_baseline", "warning", "% huishoudens met een uitkering"),
    ("indicator_without_target", "warning", "Bereik VVE"),
    ("indicator_without_target", "warning", "% kinderen dat opgroeit in armoede"),
    ("qualitative_indicator", "info", "Kwalitatieve meting welbevinden kinderen"),
    ("qualitative_indicator", "info", "Kwalitatieve meting bij inwoners"),
    ("source_note_ocr_correction", "info", "Armoede Nederland: '71' gelezen als 7,1"),
    ("source_note_cut_off", "warning", "Schoon en heel: tekst over vuil ophalen is afgebroken"),
    ("source_note_illegible", "warning", "Werk: '% huishoudens met een uitkering' onleesbaar"),
    ("source_note_ambiguous", "info", "Peildatum van de nulmeting onbekend"),
]


@pytest.mark.parametrize(("check", "severity", "subject"), WESTWIJK_FINDINGS)
def test_westwijk_findings(westwijk, check, severity, subject):
    matches = find(run_checks(westwijk), check, subject)
    assert len(matches) == 1
    assert matches[0].severity == severity
    assert matches[0].source_reference.startswith("regel ")


@pytest.mark.parametrize(
    ("check", "subject"),
    [
        ("indicator_without_baseline", "Aantal inwoners met schuldsanering (per 1000 inwoners)"),
        ("indicator_without_target", "Aantal inwoners met schuldsanering (per 1000 inwoners)"),
        ("indicator_without_target", "Gemiddeld inkomen per inwoner"),
        # Qualitative and effort indicators have no baseline or target to miss.
        ("indicator_without_baseline", "Kwalitatieve meting welbevinden kinderen"),
        ("indicator_without_target", "Kwalitatieve meting welbevinden kinderen"),
        ("indicator_without_baseline", "Aantal nieuwbouwwoningen"),
    ],
)
def test_westwijk_complete_indicators_are_not_flagged(westwijk, check, subject):
    assert find(run_checks(westwijk), check, subject) == []


def test_every_source_note_becomes_one_finding(westwijk):
    findings = [f for f in run_checks(westwijk) if f.check.startswith("source_note_")]
    assert len(findings) == westwijk.source_notes.count()


def test_indicator_findings_link_to_the_indicator_page(westwijk):
    [finding] = find(run_checks(westwijk), "indicator_without_baseline", "% verzuim PO")
    assert finding.url == reverse("programme:indicator", args=["westwijk", "verzuim-po"])


def test_errors_come_first(westwijk):
    order = {"error": 0, "warning": 1, "info": 2}
    severities = [order[f.severity] for f in run_checks(westwijk)]
    assert severities == sorted(severities)
    assert severities[0] == 0


@pytest.mark.parametrize(
    ("kind", "severity"),
    [
        (SourceNote.Kind.ILLEGIBLE, "warning"),
        (SourceNote.Kind.CUT_OFF, "warning"),
        (SourceNote.Kind.INCONSISTENT, "warning"),
        (SourceNote.Kind.AMBIGUOUS, "info"),
        (SourceNote.Kind.OCR_CORRECTION, "info"),
    ],
)
def test_source_note_severity(kind, severity):
    note = SourceNoteFactory(kind=kind)
    [finding] = run_checks(note.programme)
    assert (finding.check, finding.severity, finding.subject) == (
        f"source_note_{kind}",
        severity,
        note.subject,
    )
    assert finding.message == note.description


def test_a_programme_without_defects_has_no_findings():
    programme = ProgrammeFactory()
    line = ProgrammeLineFactory(programme=programme, number=1, slug="kind")
    goals = [GoalFactory(line=line, number=n) for n in (1, 2)]
    horizon = HorizonFactory(programme=programme, years=4)
    indicator = IndicatorFactory(programme=programme, line=line)
    ReferenceValueFactory(indicator=indicator, value=Decimal("12"))
    TargetFactory(indicator=indicator, horizon=horizon, state=Target.State.AGREED)
    IndicatorFactory(
        programme=programme, line=line, kind=Indicator.Kind.EFFORT, unit=Indicator.Unit.COUNT
    )
    for number, goal in enumerate(goals, start=1):
        InterventionFactory(
            programme=programme,
            line=line,
            number=number,
            claimed_goal_numbers=[goal.number],
            goals=[goal],
            age_min=4,
            age_max=12,
        )
    assert run_checks(programme) == []


def test_only_a_proposed_target_still_counts_as_missing():
    target = TargetFactory(state=Target.State.PROPOSED)
    ReferenceValueFactory(indicator=target.indicator)
    findings = run_checks(target.indicator.programme)
    assert [f.check for f in findings] == ["indicator_without_target"]


def test_registered_checks_run_and_register_only_once(monkeypatch):
    monkeypatch.setattr(data_quality, "_checks", list(data_quality._checks))
    programme = ProgrammeFactory()

    def always(programme):
        yield Finding(check="test", severity="error", subject="x", message="y")

    register_check(always)
    register_check(always)
    assert [f.check for f in run_checks(programme)] == ["test"]


def test_finding_is_frozen():
    finding = Finding(check="c", severity="info", subject="s", message="m")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.severity = "error"
