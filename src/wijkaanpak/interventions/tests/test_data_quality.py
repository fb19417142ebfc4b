"""Data-quality checks on interventions: the source's own defects must surface, computed."""

import pytest
from django.urls import reverse

from wijkaanpak.interventions.data_quality import (
    age_disagreements,
    numbering_gaps,
    unknown_claimed_goals,
    without_goal,
)
from wijkaanpak.interventions.tests.factories import InterventionFactory
from wijkaanpak.programme.services.data_quality import run_checks
from wijkaanpak.programme.tests.factories import (
    GoalFactory,
    ProgrammeFactory,
    ProgrammeLineFactory,
)

pytestmark = pytest.mark.django_db


def by_check(findings, check):
    return sorted((f.severity, f.subject) for f in findings if f.check == check)


def test_westwijk_unknown_goal_is_only_vitamine_g(westwijk):
    findings = run_checks(westwijk)
    assert by_check(findings, "intervention_unknown_goal") == [("error", "13. Vitamine G")]
    [finding] = [f for f in findings if f.check == "intervention_unknown_goal"]
    assert "doel 6" in finding.message and "5 doelen" in finding.message
    assert finding.url == reverse("interventions:detail", args=["westwijk", "vitamine-g"])
    assert findings[0] == finding  # errors come first


def test_westwijk_numbering_gap_is_only_ouders_7_to_12(westwijk):
    findings = [f for f in run_checks(westwijk) if f.check == "intervention_numbering_gap"]
    assert [(f.severity, f.subject) for f in findings] == [("warning", "De Ouders")]
    assert "7" in findings[0].message and "12" in findings[0].message
    assert findings[0].url == reverse("programme:line", args=["westwijk", "ouders"])


def test_westwijk_age_disagreements(westwijk):
    assert by_check(run_checks(westwijk), "intervention_age_mismatch") == [
        ("warning", "11. Study & Chill"),
        ("warning", "7. Experiment Schuldenlab MVS"),
    ]


def test_westwijk_numbered_interventions_all_have_a_goal(westwijk):
    subjects = [s for _sev, s in by_check(run_checks(westwijk), "intervention_without_goal")]
    assert not any(s[0].isdigit() for s in subjects)


@pytest.fixture
def line():
    line = ProgrammeLineFactory(programme=ProgrammeFactory(), number=2, name="De Ouders")
    for number in range(1, 6):
        GoalFactory(line=line, number=number)
    return line


def make(line, **kwargs):
    kwargs.setdefault("goals", [line.goals.get(number=1)])
    kwargs.setdefault("claimed_goal_numbers", [1])
    return InterventionFactory(programme=line.programme, line=line, **kwargs)


CASES = [
    # (description, interventions to make, check, expected (severity, subject) list)
    (
        "claims goal 6 of a line with 5 goals",
        [{"number": 13, "name": "Vitamine G", "claimed_goal_numbers": [3, 4, 5, 6]}],
        unknown_claimed_goals,
        [("error", "13. Vitamine G")],
    ),
    (
        "claims only existing goals",
        [{"number": 1, "name": "Buurtgezinnen", "claimed_goal_numbers": [2, 3, 4, 5]}],
        unknown_claimed_goals,
        [],
    ),
    (
        "numbering jumps from 7 to 12",
        [{"number": n} for n in (6, 7, 12, 13)],
        numbering_gaps,
        [("warning", "De Ouders")],
    ),
    (
        "numbering without gap; measures without number are ignored",
        [{"number": 1}, {"number": 2}, {"number": None, "kind": "measure"}],
        numbering_gaps,
        [],
    ),
    (
        "header 12-27, text 18-27",
        [
            {
                "number": 7,
                "name": "Schuldenlab",
                "age_min": 12,
                "age_max": 27,
                "age_in_text": "jongeren tussen de 18 en 27 jaar",
                "age_min_in_text": 18,
                "age_max_in_text": 27,
            }
        ],
        age_disagreements,
        [("warning", "7. Schuldenlab")],
    ),
    (
        "header 4-27, text from 10",
        [{"number": 11, "name": "Study & Chill", "age_min": 4, "age_max": 27,
          "age_min_in_text": 10}],
        age_disagreements,
        [("warning", "11. Study & Chill")],
    ),
    (
        "text agrees with the header",
        [{"number": 1, "age_min": 4, "age_max": 12, "age_min_in_text": 4,
          "age_max_in_text": 12}],
        age_disagreements,
        [],
    ),
    (
        "no age in the text at all",
        [{"number": 1, "age_min": 0, "age_max": 4}],
        age_disagreements,
        [],
    ),
    (
        "no goal at all",
        [{"number": 1, "name": "Los project", "goals": [], "claimed_goal_numbers": []}],
        without_goal,
        [("warning", "1. Los project")],
    ),
    (
        "a goal linked",
        [{"number": 1, "name": "Gekoppeld"}],
        without_goal,
        [],
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("interventions", "check", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_check_table(line, interventions, check, expected):
    for kwargs in interventions:
        make(line, **kwargs)
    findings = list(check(line.programme))
    assert sorted((f.severity, f.subject) for f in findings) == expected
    for finding in findings:
        assert finding.message
        assert finding.url


def test_messages_are_plain_dutch(line):
    make(line, number=7, name="Schuldenlab", age_min=12, age_max=27, age_min_in_text=18,
         age_max_in_text=27, age_in_text="jongeren tussen de 18 en 27 jaar")  # fmt: skip
    [finding] = age_disagreements(line.programme)
    assert finding.message == (
        "Bij de doelgroep staat 12-27 jaar, maar in de tekst staat: "
        "'jongeren tussen de 18 en 27 jaar'. Welke leeftijd klopt?"
    )


def test_checks_are_registered_with_the_programme_core(line):
    make(line, number=13, name="Vitamine G", claimed_goal_numbers=[6], goals=[])
    checks = {f.check for f in run_checks(line.programme)}
    assert {"intervention_unknown_goal", "intervention_without_goal"} <= checks
