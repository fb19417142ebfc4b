import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from wijkaanpak.accounts.tests.factories import UserFactory
from wijkaanpak.interventions.models import Evaluation, EvidenceLevel, Intervention, StatusChange
from wijkaanpak.interventions.services.evaluation import (
    add_evaluation,
    evaluation_overdue,
    needs_evaluation,
    running_since,
)
from wijkaanpak.interventions.tests.factories import InterventionFactory
from wijkaanpak.programme.services.data_quality import run_checks

pytestmark = pytest.mark.django_db
S = Intervention.Status
D = datetime.date
TODAY = timezone.localdate()


def evaluation_kwargs(**overrides):
    values = {
        "evaluated_on": TODAY - datetime.timedelta(days=10),
        "method": "Gesprekken met deelnemers",
        "evaluator": "Hogeschool Rotterdam",
        "findings": "Ouders komen vaker terug.",
        "judgement": Evaluation.Judgement.CONTINUE,
        "evidence_level": EvidenceLevel.WELL_DESCRIBED,
        "databank_reference": "Movisie, Databank Effectieve sociale interventies",
        "user": None,
    }
    values.update(overrides)
    return values


def test_add_evaluation_updates_evidence_level():
    user = UserFactory()
    intervention = InterventionFactory()
    evaluation = add_evaluation(intervention, **evaluation_kwargs(user=user))
    intervention.refresh_from_db()
    assert evaluation.entered_by == user
    assert intervention.evidence_level == EvidenceLevel.WELL_DESCRIBED
    assert intervention.databank_reference.startswith("Movisie")


def test_older_evaluation_entered_late_keeps_the_newest_verdict():
    intervention = InterventionFactory()
    add_evaluation(
        intervention,
        **evaluation_kwargs(evaluated_on=D(2024, 6, 1), evidence_level=EvidenceLevel.WELL_FOUNDED),
    )
    add_evaluation(
        intervention,
        **evaluation_kwargs(
            evaluated_on=D(2023, 6, 1),
            evidence_level=EvidenceLevel.NOT_ASSESSED,
            databank_reference="",
        ),
    )
    intervention.refresh_from_db()
    assert intervention.evidence_level == EvidenceLevel.WELL_FOUNDED
    assert intervention.databank_reference.startswith("Movisie")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"method": "  "}, "method"),
        ({"evaluator": ""}, "evaluator"),
        ({"findings": ""}, "findings"),
        ({"evaluated_on": None}, "evaluated_on"),
        ({"evaluated_on": TODAY + datetime.timedelta(days=1)}, "evaluated_on"),
        ({"judgement": "maybe"}, "judgement"),
        ({"evidence_level": "proven"}, "evidence_level"),
    ],
)
def test_bad_evaluation_names_the_field_and_stores_nothing(overrides, field):
    intervention = InterventionFactory()
    with pytest.raises(ValidationError) as exc:
        add_evaluation(intervention, **evaluation_kwargs(**overrides))
    assert list(exc.value.message_dict) == [field]
    assert not Evaluation.objects.exists()
    intervention.refresh_from_db()
    assert intervention.evidence_level == EvidenceLevel.NOT_ASSESSED


TODAY_FIXED = D(2025, 3, 15)


@pytest.mark.parametrize(
    ("status", "starts_on", "became_running", "evaluated_on", "flagged"),
    [
        # Running for more than a year, never evaluated.
        (S.RUNNING, D(2024, 3, 14), [], [], True),
        # Exactly a year is not more than a year.
        (S.RUNNING, D(2024, 3, 15), [], [], False),
        (S.RUNNING, D(2024, 9, 1), [], [], False),
        # An evaluation in the last year (a year ago counts) clears the flag.
        (S.RUNNING, D(2022, 1, 1), [], [D(2024, 3, 15)], False),
        (S.RUNNING, D(2022, 1, 1), [], [D(2025, 1, 10)], False),
        (S.RUNNING, D(2022, 1, 1), [], [D(2024, 3, 14)], True),
        # The status history wins over the planned start: it restarted recently.
        (S.RUNNING, D(2022, 1, 1), [D(2024, 10, 1)], [], False),
        (S.RUNNING, None, [D(2023, 1, 1)], [], True),
        # The last time it became running counts.
        (S.RUNNING, None, [D(2022, 1, 1), D(2025, 1, 1)], [], False),
        # Start unknown: no claim about "more than a year".
        (S.RUNNING, None, [], [], False),
        # Only running interventions are flagged.
        (S.PAUSED, D(2020, 1, 1), [], [], False),
        (S.STOPPED, D(2020, 1, 1), [], [], False),
        (S.MADE_PERMANENT, D(2020, 1, 1), [], [], False),
        (S.IN_PREPARATION, D(2020, 1, 1), [], [], False),
    ],
)
def test_needs_evaluation(status, starts_on, became_running, evaluated_on, flagged):
    intervention = InterventionFactory(status=status, starts_on=starts_on)
    for on in became_running:
        StatusChange.objects.create(
            intervention=intervention,
            from_status=S.IN_PREPARATION,
            to_status=S.RUNNING,
            changed_on=on,
            reason="Start",
        )
    for on in evaluated_on:
        Evaluation.objects.create(
            intervention=intervention,
            evaluated_on=on,
            method="m",
            evaluator="e",
            findings="f",
            judgement=Evaluation.Judgement.CONTINUE,
        )
    assert needs_evaluation(intervention, TODAY_FIXED) is flagged


def test_leap_day():
    intervention = InterventionFactory(status=S.RUNNING, starts_on=D(2023, 2, 27))
    assert needs_evaluation(intervention, D(2024, 2, 29)) is True
    intervention.starts_on = D(2023, 2, 28)
    assert needs_evaluation(intervention, D(2024, 2, 29)) is False


def test_running_since_ignores_other_changes():
    intervention = InterventionFactory(starts_on=D(2023, 1, 1))
    StatusChange.objects.create(
        intervention=intervention,
        from_status=S.RUNNING,
        to_status=S.PAUSED,
        changed_on=D(2024, 1, 1),
        reason="Zomer",
    )
    assert running_since(intervention) == D(2023, 1, 1)


def test_data_quality_warns_about_overdue_evaluation():
    long_ago = TODAY - datetime.timedelta(days=800)
    late = InterventionFactory(status=S.RUNNING, starts_on=long_ago, name="Buurtvaders")
    InterventionFactory(programme=late.programme, line=late.line, status=S.RUNNING, starts_on=TODAY)
    [finding] = evaluation_overdue(late.programme)
    assert finding.severity == "warning"
    assert finding.subject == str(late)
    assert "niet geëvalueerd" in finding.message
    assert finding.url == late.get_absolute_url()
    checks = [f.check for f in run_checks(late.programme)]
    assert checks.count("intervention_not_evaluated") == 1
