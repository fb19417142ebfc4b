"""The category tree loads from the bundled file, twice without change (idempotent)."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from wijkaanpak.areas.models import Organisation
from wijkaanpak.reports.models import Category

REQUIRED = [
    "zwerfafval",
    "grofvuil",
    "kapotte-bestrating",
    "straatverlichting",
    "speeltoestel",
    "plaagdieren",
    "groen",
    "overig",
]


def load(*args):
    out = io.StringIO()
    call_command("load_report_categories", *args, stdout=out)
    return out.getvalue()


def test_loads_the_tree_with_programme_organisations_and_is_idempotent(westwijk):
    organisations_before = Organisation.objects.count()
    first = load()
    snapshot = list(Category.objects.order_by("slug").values())
    assert "nieuw" in first
    assert Organisation.objects.count() == organisations_before  # all exist in the programme
    assert "0 nieuw" in load()
    assert list(Category.objects.order_by("slug").values()) == snapshot
    main = {c.slug: c for c in Category.objects.filter(parent=None)}
    assert set(REQUIRED) <= set(main)
    assert main["zwerfafval"].handling_organisation.slug == "irado"
    assert main["straatverlichting"].handling_organisation.slug == "gemeente-vlaardingen"
    assert Category.objects.get(slug="ratten-huurwoning").handling_organisation.slug == (
        "waterweg-wonen"
    )
    assert Category.objects.get(slug="ratten-buiten").parent == main["plaagdieren"]
    assert all(c.resolution_term_days > 0 for c in Category.objects.all())


@pytest.mark.django_db
def test_creates_a_missing_listed_organisation_only_when_absent():
    load()
    assert Organisation.objects.filter(slug="gemeente-vlaardingen").count() == 1
    assert Organisation.objects.filter(slug="irado").count() == 1


@pytest.mark.django_db
def test_unknown_organisation_is_a_clear_error_and_stores_nothing(tmp_path):
    path = tmp_path / "c.json"
    path.write_text(
        json.dumps(
            {
                "categories": [
                    {
                        "slug": "a",
                        "name": "A",
                        "organisation": "bestaat-niet",
                        "resolution_term_days": 5,
                    }
                ]
            }
        )
    )
    with pytest.raises(CommandError, match="bestaat-niet"):
        load(str(path))
    assert not Category.objects.exists()
