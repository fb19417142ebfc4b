"""The question-desk lists: filters, follow-ups due and done, the monthly overview."""

import datetime as dt

import pytest
import time_machine

from wijkaanpak.accounts import roles
from wijkaanpak.areas.models import Organisation
from wijkaanpak.areas.tests.factories import AreaFactory

from .conftest import url
from .factories import QuestionFactory, staff, sync_roles

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2024, 3, 14)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(dt.datetime(2024, 3, 14, 12, 0), tick=False):
        yield


def test_the_list_filters_by_month_theme_neighbourhood_and_outcome(client, desk, area):
    wetering = area.neighbourhoods.get(slug="wetering")
    march = QuestionFactory(area=area, asked_on=D(2024, 3, 2), neighbourhood=wetering)
    housing = QuestionFactory(
        area=area, asked_on=D(2024, 3, 9), theme="housing", outcome="referred"
    )
    february = QuestionFactory(area=area, asked_on=D(2024, 2, 29), summary="Vraag over de tuin")
    QuestionFactory(area=AreaFactory(slug="oostwijk"), summary="Vraag in Oostwijk")

    def listed(query=""):
        response = client.get(url("list") + query)
        assert response.status_code == 200
        return list(response.context["page"].object_list)

    assert listed() == [housing, march, february]
    assert listed("?maand=2024-03") == [housing, march]
    assert listed("?thema=money") == [march, february]
    assert listed(f"?buurt={wetering.pk}") == [march]
    assert listed("?uitkomst=referred") == [housing]
    assert listed("?maand=2024-02&thema=money") == [february]
    text = client.get(url("list")).text
    assert "Vraag over de tuin" in text and "Vraag in Oostwijk" not in text


@pytest.mark.parametrize(
    ("query", "field"),
    [("?maand=maart", "maand"), ("?thema=weer", "thema"), ("?buurt=999999", "buurt"),
     ("?uitkomst=x", "uitkomst"), ("?maand=2024-13", "maand")],
)  # fmt: skip
def test_a_bad_filter_is_named_and_the_rest_still_works(client, desk, area, query, field):
    QuestionFactory(area=area)
    response = client.get(url("list") + query + "&pagina=abc")
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert "Niet elk filter kon worden gebruikt" in response.text
    assert len(response.context["page"].object_list) == 1


def test_follow_ups_due_and_done(client, desk, area):
    due = QuestionFactory(
        area=area, asked_on=D(2024, 3, 1), outcome="follow_up", follow_up_on=D(2024, 3, 14)
    )
    later = QuestionFactory(
        area=area, asked_on=D(2024, 3, 1), outcome="follow_up", follow_up_on=D(2024, 3, 15)
    )
    response = client.get(url("follow-ups"))
    assert list(response.context["questions"]) == [due]
    assert url("follow-up-done", due.pk) in response.text
    response = client.post(url("follow-up-done", due.pk))
    assert response["Location"] == url("follow-ups")
    due.refresh_from_db()
    assert due.follow_up_done_on == TODAY
    page = client.get(url("follow-ups"))
    assert list(page.context["questions"]) == []
    assert "Gedaan: u bent teruggekomen" in page.text
    # Twice is harmless: a message, the first date stays.
    client.post(url("follow-up-done", due.pk))
    assert "U bent al op deze vraag teruggekomen" in client.get(url("follow-ups")).text
    later.refresh_from_db()
    assert later.follow_up_done_on is None


def test_done_on_an_unknown_question_or_with_get(client, desk, area):
    answered = QuestionFactory(area=area)
    assert client.post(url("follow-up-done", 999999)).status_code == 404
    assert client.get(url("follow-up-done", answered.pk)).status_code == 405
    client.post(url("follow-up-done", answered.pk))
    assert "hoeft u niet terug te komen" in client.get(url("follow-ups")).text


def test_the_coordinator_sees_but_cannot_mark_done(client, login_verified, area):
    sync_roles()
    coordinator = staff(
        roles.COORDINATOR, organisation=Organisation.objects.get(slug="gemeente-vlaardingen")
    )
    login_verified(client, coordinator)
    QuestionFactory(area=area, asked_on=D(2024, 3, 1), outcome="follow_up", follow_up_on=TODAY)
    response = client.get(url("follow-ups"))
    assert len(response.context["questions"]) == 1
    assert "Gedaan</button>" not in response.text
    assert url("new") not in client.get(url("list")).text


def test_the_overview_page_and_its_download_agree(client, desk, area):
    QuestionFactory(area=area, asked_on=D(2024, 2, 12), theme="money")
    QuestionFactory(area=area, asked_on=D(2024, 3, 1), theme="money", outcome="referred")
    QuestionFactory(area=area, asked_on=D(2024, 3, 2), theme="housing")
    response = client.get(url("overview"))
    assert response.status_code == 200
    rows = response.context["overview"].rows
    assert [r.total for r in rows] == [None, 1, 2]
    assert "De eerste vraag die is vastgelegd, is van 12 februari 2024." in response.text
    assert "onbekend" in response.text
    download = client.get(url("overview-csv") + "?jaar=2024")
    assert download.status_code == 200
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="westwijk-vragen-tweede-huiskamer-2024.csv"' in download["Content-Disposition"]
    lines = download.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Maand;opvoeding;zorg;")
    assert lines[1] == "2024-01;" + ";".join(["onbekend"] * 14)
    march = lines[3].split(";")
    assert march[0] == "2024-03" and march[11] == "2" and march[12:] == ["1", "1", "0"]


@pytest.mark.parametrize("year", ["abc", "2019", "2030"])
def test_a_wrong_year_gets_an_error_not_a_file(client, desk, area, year):
    QuestionFactory(area=area, asked_on=D(2024, 2, 12))
    for name in ("overview", "overview-csv"):
        response = client.get(url(name) + f"?jaar={year}")
        assert response.status_code == 400, name
        assert "Kies een jaar uit de lijst." in response.text
        assert response.context["overview"].year == 2024


def test_the_list_pages_keep_the_filters(client, desk, area):
    QuestionFactory.create_batch(51, area=area, theme="housing")
    QuestionFactory(area=area, theme="money")
    response = client.get(url("list") + "?thema=housing")
    assert len(response.context["page"].object_list) == 50
    assert 'href="?thema=housing&amp;pagina=2"' in response.text
    second = client.get(url("list") + "?thema=housing&pagina=2")
    assert len(second.context["page"].object_list) == 1
    assert client.get(url("list") + "?pagina=999").context["page"].number == 2
