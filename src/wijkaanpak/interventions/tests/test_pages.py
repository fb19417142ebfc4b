"""The intervention list is filterable by line, age and goal."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

FILTER_TABLE = [
    # (query, must contain, must not contain)
    ({}, ["Alle peuters in beeld", "Buurtgezinnen"], []),
    ({"line": "kind"}, ["Alle peuters in beeld"], ["Buurtgezinnen"]),
    ({"line": "kind", "age": "2"}, ["Alle peuters in beeld"], ["Ik Geef een Bokx"]),
    (
        {"line": "kind", "age": "8"},
        ["Ik Geef een Bokx"],
        ["Alle peuters in beeld", "Zakgeldproject"],
    ),
]


@pytest.mark.parametrize(("query", "present", "absent"), FILTER_TABLE)
def test_filters(client, westwijk, query, present, absent):
    html = client.get(reverse("interventions:list", args=["westwijk"]), query).content.decode()
    for name in present:
        assert name in html
    for name in absent:
        assert name not in html


def test_goal_filter(client, westwijk):
    goal = westwijk.lines.get(slug="kind").goals.get(number=1)
    html = client.get(
        reverse("interventions:list", args=["westwijk"]), {"goal": goal.pk}
    ).content.decode()
    assert "Alle peuters in beeld" in html
    assert "Study &amp; Chill" not in html


def test_bad_filter_input_gets_a_dutch_error_not_a_500(client, westwijk):
    response = client.get(reverse("interventions:list", args=["westwijk"]), {"age": "acht"})
    assert response.status_code == 200
    assert "Vul een leeftijd in als heel getal" in response.content.decode()


def test_detail_shows_claimed_goals_as_in_the_source(client, westwijk):
    intervention = westwijk.interventions.get(name__startswith="Vitamine G")
    html = client.get(intervention.get_absolute_url()).content.decode()
    assert "3, 4, 5, 6" in html
