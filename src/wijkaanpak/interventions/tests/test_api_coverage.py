"""The coverage matrices are in the API as in the pages, for adopted editions only."""

import pytest

pytestmark = pytest.mark.django_db


def test_coverage_of_the_westwijk(client, westwijk):
    data = client.get(f"/api/v1/programmes/{westwijk.pk}/coverage/").json()
    assert data["scope"] == "running"
    goals = {(c["line"], c["goal"]): c for c in data["goals"]}
    assert len(goals) == 21
    peuters = westwijk.interventions.get(name="Alle peuters in beeld")
    kind_1 = goals[(1, 1)]
    # In preparation only: a gap when only running interventions count.
    assert kind_1["state"] == "empty" and kind_1["running"] == []
    with_preparation = client.get(
        f"/api/v1/programmes/{westwijk.pk}/coverage/", {"scope": "with_preparation"}
    ).json()
    kind_1 = next(c for c in with_preparation["goals"] if (c["line"], c["goal"]) == (1, 1))
    assert kind_1["state"] == "only_preparing"
    assert kind_1["preparing"] == [peuters.pk]
    cells = {(c["age_band"], c["theme"]) for c in data["age_theme"]}
    assert ("0-4", "upbringing") in cells and ("unknown", "safety") in cells


def test_bad_scope_is_a_400_naming_it(client, westwijk):
    response = client.get(f"/api/v1/programmes/{westwijk.pk}/coverage/", {"scope": "alles"})
    assert response.status_code == 400
    assert "scope" in response.json()


def test_a_draft_has_no_public_coverage(client):
    from wijkaanpak.programme.models import Programme
    from wijkaanpak.programme.tests.factories import ProgrammeFactory

    draft = ProgrammeFactory(state=Programme.State.DRAFT)
    assert client.get(f"/api/v1/programmes/{draft.pk}/coverage/").status_code == 404
