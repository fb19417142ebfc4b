"""The validator the HSDS tests rely on: it passes the specification's own examples and
fails documents that break the schemas, so a passing export test means something.
"""

import copy
import json
from pathlib import Path

import pytest

from wijkaanpak.socialmap import hsds

pytest_plugins = ["wijkaanpak.socialmap.tests.hsds_fixtures"]

EXAMPLES = Path(hsds.__file__).resolve().parent / "schemas" / "examples"


def example(name: str):
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "schema_file"),
    [
        ("service_full.json", "compiled/service.json"),
        ("service_full.json", "service.json"),
        ("organization_full.json", "compiled/organization.json"),
        ("service_at_location_full.json", "compiled/service_at_location.json"),
        ("location.json", "location.json"),
        ("taxonomy.json", "taxonomy.json"),
        ("taxonomy_term.json", "taxonomy_term.json"),
    ],
)
def test_the_official_examples_validate(hsds_validator, name, schema_file):
    assert hsds_validator.errors(example(name), schema_file) == []


@pytest.mark.parametrize(
    ("name", "item_file"),
    [
        ("service_list.json", "compiled/service_list.json"),
        ("organization_list.json", "compiled/organization_list.json"),
        ("service_at_location_list.json", "compiled/service_at_location_list.json"),
        ("taxonomy_list.json", "taxonomy.json"),
        ("taxonomy_term_list.json", "taxonomy_term.json"),
    ],
)
def test_the_official_list_examples_validate(hsds_validator, name, item_file):
    assert hsds_validator.page_errors(example(name), item_file) == []


def broken(change):
    document = copy.deepcopy(example("service_full.json"))
    change(document)
    return document


def first_schedule(document):
    return document["service_at_locations"][0]["location"]["schedules"][0]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(colour="blue"), "(root): Additional properties"),
        (lambda d: d["organization"].update(colour="blue"), "organization: Additional"),
        (lambda d: first_schedule(d).update(colour="blue"), "schedules/0: Additional"),
        (lambda d: d.pop("name"), "(root): 'name' is a required property"),
        (lambda d: d.update(status="open"), "status: 'open' is not one of"),
        (lambda d: d.update(id="not-a-uuid"), "id: 'not-a-uuid' is not a 'uuid'"),
        (lambda d: d.update(email="nobody"), "email: 'nobody' is not a 'email'"),
        (lambda d: d.update(minimum_age="4"), "minimum_age: '4' is not of type 'number'"),
        (lambda d: d.update(last_modified="yesterday"), "last_modified: 'yesterday' is not"),
        (lambda d: d.update(url="no scheme"), "url: 'no scheme' is not a 'uri'"),
        (lambda d: first_schedule(d).update(freq="DAILY"), "freq: 'DAILY' is not one of"),
        (lambda d: first_schedule(d).update(dtstart="2026-13-01"), "is not a valid date"),
        (lambda d: first_schedule(d).update(opens_at="25:00"), "is not a valid time"),
    ],
)
def test_a_broken_service_fails(hsds_validator, change, expected):
    errors = hsds_validator.errors(broken(change), "compiled/service.json")

    assert any(expected in error for error in errors), errors


def test_a_broken_page_fails(hsds_validator):
    page = example("service_list.json")
    del page["total_pages"]
    page["next"] = 2
    page["contents"][0]["schedules"] = []  # a list item carries one-to-one fields only

    errors = hsds_validator.page_errors(page, "compiled/service_list.json")

    assert any("'total_pages' is a required property" in error for error in errors), errors
    assert any("'next' was unexpected" in error for error in errors), errors
    assert any("contents/0: Additional properties" in error for error in errors), errors
