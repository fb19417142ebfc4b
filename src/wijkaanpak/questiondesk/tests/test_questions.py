"""The rules for logging a question and coming back to it, as tables of dated cases."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from wijkaanpak.areas.tests.factories import AreaFactory, NeighbourhoodFactory, OrganisationFactory
from wijkaanpak.questiondesk.models import Question
from wijkaanpak.questiondesk.services import questions

from .factories import QuestionFactory

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2024, 3, 14)


@pytest.fixture
def area():
    area = AreaFactory(name="Westwijk", slug="westwijk")
    NeighbourhoodFactory(area=area, slug="wetering")
    OrganisationFactory(slug="minters").areas.add(area)
    return area


@pytest.fixture
def elsewhere():
    other = AreaFactory(name="Oostwijk", slug="oostwijk")
    return {
        "neighbourhood": NeighbourhoodFactory(area=other, slug="oost"),
        "organisation": OrganisationFactory(slug="alleen-oost"),
    }


def data(area, **changes):
    values = {
        "asked_on": TODAY,
        "theme": "money",
        "neighbourhood": area.neighbourhoods.get(slug="wetering"),
        "channel": "walk_in",
        "outcome": "answered",
        "referred_to": None,
        "follow_up_on": None,
        "summary": "Vraag over huurtoeslag",
    }
    return {**values, **changes}


# (changes to a valid question, {field: start of the Dutch error}); {} means accepted.
CASES = [
    ({}, {}),
    ({"neighbourhood": None, "summary": ""}, {}),
    ({"asked_on": TODAY - dt.timedelta(days=40)}, {}),
    ({"asked_on": None}, {"asked_on": "Vul de datum in"}),
    ({"asked_on": TODAY + dt.timedelta(days=1)}, {"asked_on": "De datum ligt in de toekomst"}),
    ({"asked_on": D(2022, 3, 15)}, {}),  # two years back is the limit
    ({"asked_on": D(2022, 3, 14)}, {"asked_on": "De datum ligt meer dan twee jaar terug"}),
    ({"asked_on": D(24, 3, 14)}, {"asked_on": "De datum ligt meer dan twee jaar terug"}),
    ({"theme": "weather"}, {"theme": "Kies een thema"}),
    ({"theme": ""}, {"theme": "Kies een thema"}),
    ({"channel": "fax"}, {"channel": "Kies hoe de vraag binnenkwam"}),
    ({"outcome": "lost"}, {"outcome": "Kies wat er met de vraag is gedaan"}),
    ({"outcome": "referred"}, {}),
    ({"outcome": "referred", "referred_to": "minters"}, {}),
    ({"referred_to": "minters"}, {"referred_to": "Kies alleen een organisatie als"}),
    ({"outcome": "follow_up"}, {"follow_up_on": "Vul in op welke datum"}),
    ({"outcome": "follow_up", "follow_up_on": TODAY}, {}),
    ({"outcome": "follow_up", "follow_up_on": TODAY + dt.timedelta(days=7)}, {}),
    (
        {"outcome": "follow_up", "follow_up_on": TODAY - dt.timedelta(days=1)},
        {"follow_up_on": "De datum om terug te komen ligt voor de datum van de vraag"},
    ),
    (
        # Logged late: coming back a day after the question is fine, even if that is past.
        {"asked_on": D(2024, 3, 1), "outcome": "follow_up", "follow_up_on": D(2024, 3, 2)},
        {},
    ),
    ({"outcome": "follow_up", "follow_up_on": D(2025, 3, 15)}, {}),  # 366 days is the limit
    (
        {"outcome": "follow_up", "follow_up_on": D(2025, 3, 16)},
        {"follow_up_on": "De datum om terug te komen ligt meer dan een jaar na de vraag"},
    ),
    ({"follow_up_on": TODAY}, {"follow_up_on": "Vul alleen een datum in als"}),
    ({"summary": "Bel 06-12345678"}, {"summary": "In de korte omschrijving staat iets"}),
    (
        {"asked_on": None, "theme": "x", "summary": "jan@example.nl"},
        {
            "asked_on": "Vul de datum in",
            "theme": "Kies een thema",
            "summary": "In de korte omschrijving staat iets dat lijkt op een e-mailadres",
        },
    ),
]


@pytest.mark.parametrize(("changes", "errors"), CASES)
def test_validate_question(area, changes, errors):
    if changes.get("referred_to") == "minters":
        changes = {**changes, "referred_to": area.organisations.get(slug="minters")}
    if errors:
        with pytest.raises(ValidationError) as caught:
            questions.validate_question(area, data(area, **changes), today=TODAY)
        found = caught.value.message_dict
        assert set(found) == set(errors)
        for field, start in errors.items():
            assert found[field][0].startswith(start), (field, found[field])
    else:
        questions.validate_question(area, data(area, **changes), today=TODAY)


def test_only_the_areas_own_neighbourhoods_and_organisations(area, elsewhere):
    wrong = data(
        area,
        outcome="referred",
        neighbourhood=elsewhere["neighbourhood"],
        referred_to=elsewhere["organisation"],
    )
    with pytest.raises(ValidationError) as caught:
        questions.validate_question(area, wrong, today=TODAY)
    assert caught.value.message_dict == {
        "neighbourhood": ["Deze buurt hoort niet bij Westwijk."],
        "referred_to": ["Deze organisatie werkt niet in Westwijk."],
    }


@pytest.mark.parametrize(
    ("outcome", "accepted"), [("referred", True), ("answered", False), ("follow_up", False)]
)
def test_a_warm_referral_only_with_a_referred_question(area, outcome, accepted):
    values = data(area, outcome=outcome, follow_up_on=TODAY if outcome == "follow_up" else None)
    if accepted:
        questions.validate_question(area, values, today=TODAY, warm_referral=True)
        return
    with pytest.raises(ValidationError) as caught:
        questions.validate_question(area, values, today=TODAY, warm_referral=True)
    assert list(caught.value.message_dict) == ["warm_referral"]


def test_record_question_stores_it_for_the_area_and_who(area, django_user_model):
    user = django_user_model.objects.create_user("balie")
    question = questions.record_question(
        area, data(area, summary="  Vraag over de Krachtbus  "), user=user, today=TODAY
    )
    question.refresh_from_db()
    assert (question.area, question.recorded_by, question.summary) == (
        area,
        user,
        "Vraag over de Krachtbus",
    )


def test_record_question_refused_stores_nothing(area):
    with pytest.raises(ValidationError):
        questions.record_question(area, data(area, summary="BSN 123456782"), user=None, today=TODAY)
    assert not Question.objects.exists()


# (follow_up_on, follow_up_done_on, due on TODAY?)
FOLLOW_UPS = [
    (TODAY - dt.timedelta(days=3), None, True),
    (TODAY, None, True),
    (TODAY + dt.timedelta(days=1), None, False),
    (TODAY - dt.timedelta(days=3), TODAY - dt.timedelta(days=1), False),
]


def test_follow_ups_due(area):
    expected = []
    for follow_up_on, done_on, due in FOLLOW_UPS:
        question = QuestionFactory(
            area=area,
            asked_on=D(2024, 3, 1),
            outcome=Question.Outcome.FOLLOW_UP,
            follow_up_on=follow_up_on,
            follow_up_done_on=done_on,
        )
        if due:
            expected.append(question)
    QuestionFactory(area=area, outcome=Question.Outcome.ANSWERED)
    QuestionFactory(  # another area's
        area=AreaFactory(slug="oostwijk"),
        outcome=Question.Outcome.FOLLOW_UP,
        follow_up_on=TODAY,
    )
    assert list(questions.follow_ups_due(area, TODAY)) == expected


def test_mark_follow_up_done(area):
    question = QuestionFactory(
        area=area, outcome=Question.Outcome.FOLLOW_UP, follow_up_on=D(2024, 3, 10)
    )
    questions.mark_follow_up_done(question, today=TODAY)
    question.refresh_from_db()
    assert question.follow_up_done_on == TODAY
    with pytest.raises(ValidationError, match="al op deze vraag teruggekomen, op 14-03-2024"):
        questions.mark_follow_up_done(question, today=TODAY + dt.timedelta(days=1))
    question.refresh_from_db()
    assert question.follow_up_done_on == TODAY


def test_an_answered_question_needs_no_follow_up(area):
    question = QuestionFactory(area=area, outcome=Question.Outcome.ANSWERED)
    with pytest.raises(ValidationError, match="hoeft u niet terug te komen"):
        questions.mark_follow_up_done(question, today=TODAY)
    question.refresh_from_db()
    assert question.follow_up_done_on is None


def test_filtered(area):
    wetering = area.neighbourhoods.get(slug="wetering")
    march_money = QuestionFactory(area=area, asked_on=D(2024, 3, 2), neighbourhood=wetering)
    march_housing = QuestionFactory(
        area=area, asked_on=D(2024, 3, 9), theme="housing", outcome="referred"
    )
    february = QuestionFactory(area=area, asked_on=D(2024, 2, 29))
    QuestionFactory(area=AreaFactory(slug="oostwijk"), asked_on=D(2024, 3, 2))
    assert list(questions.filtered(area)) == [march_housing, march_money, february]
    assert list(questions.filtered(area, month=D(2024, 3, 20))) == [march_housing, march_money]
    assert list(questions.filtered(area, theme="money")) == [march_money, february]
    assert list(questions.filtered(area, neighbourhood=wetering)) == [march_money]
    assert list(questions.filtered(area, outcome="referred")) == [march_housing]
