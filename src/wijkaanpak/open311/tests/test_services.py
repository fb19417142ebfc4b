"""GET services and services/{code}, in JSON and XML, and their errors."""

import pytest

from wijkaanpak.areas.tests.factories import AreaFactory

from .conftest import parse_xml

pytestmark = pytest.mark.django_db
URL = "/open311/v2"


def test_services_json_lists_the_active_leaf_categories(client, area, categories):
    response = client.get(f"{URL}/services.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    services = response.json()
    assert [s["service_code"] for s in services] == ["zwerfafval", "grofvuil", "overig"]
    assert services[0] == {
        "service_code": "zwerfafval",
        "service_name": "Zwerfafval",
        "description": "Losse rommel op straat of in het groen.",
        "metadata": True,
        "type": "realtime",
        "keywords": "Afval, Zwerfafval",
        "group": "Afval",
    }
    assert services[2]["group"] == "Overig"


def test_services_xml_has_the_spec_elements(client, area, categories):
    root = parse_xml(client.get(f"{URL}/services.xml"))

    assert root.tag == "services"
    assert [s.tag for s in root] == ["service"] * 3
    first = root[0]
    assert [child.tag for child in first] == [
        "service_code",
        "service_name",
        "description",
        "metadata",
        "type",
        "keywords",
        "group",
    ]
    assert first.findtext("service_code") == "zwerfafval"
    assert first.findtext("metadata") == "true"
    assert first.findtext("type") == "realtime"


def test_a_retired_group_hides_its_services(client, area, categories):
    categories["group"].is_active = False
    categories["group"].save()

    codes = [s["service_code"] for s in client.get(f"{URL}/services.json").json()]

    assert codes == ["overig"]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_service_definition_asks_for_the_neighbourhood(client, area, categories, fmt):
    response = client.get(f"{URL}/services/zwerfafval.{fmt}")

    assert response.status_code == 200
    if fmt == "json":
        definition = response.json()
        assert definition["service_code"] == "zwerfafval"
        (attribute,) = definition["attributes"]
        assert attribute["code"] == "neighbourhood"
        assert attribute["datatype"] == "singlevaluelist"
        assert attribute["required"] is True
        assert {v["key"] for v in attribute["values"]} == {"noordoost", "zuidwest"}
    else:
        root = parse_xml(response)
        assert root.tag == "service_definition"
        assert root.findtext("service_code") == "zwerfafval"
        attribute = root.find("attributes/attribute")
        assert attribute.findtext("code") == "neighbourhood"
        assert attribute.findtext("required") == "true"
        keys = {v.findtext("key") for v in attribute.findall("values/value")}
        assert keys == {"noordoost", "zuidwest"}


@pytest.mark.parametrize("code", ["bestaat-niet", "oud", "afval"])
def test_unknown_retired_or_group_service_code_is_404_in_spec_form(client, area, categories, code):
    response = client.get(f"{URL}/services/{code}.json")

    assert response.status_code == 404
    assert response.json() == [{"code": 404, "description": f"service_code '{code}' bestaat niet."}]


def test_unknown_service_code_in_xml(client, area, categories):
    response = client.get(f"{URL}/services/bestaat-niet.xml")

    assert response.status_code == 404
    root = parse_xml(response)
    assert root.tag == "errors"
    assert root.find("error/code").text == "404"
    assert "bestaat-niet" in root.find("error/description").text


def test_jurisdiction_id_picks_the_area_and_is_needed_with_several(client, area, categories):
    AreaFactory(name="Oostwijk", slug="oostwijk")

    missing = client.get(f"{URL}/services.json")
    chosen = client.get(f"{URL}/services.json", {"jurisdiction_id": "westwijk"})
    unknown = client.get(f"{URL}/services.xml", {"jurisdiction_id": "atlantis"})

    assert missing.status_code == 400
    assert "jurisdiction_id ontbreekt" in missing.json()[0]["description"]
    assert "oostwijk" in missing.json()[0]["description"]
    assert chosen.status_code == 200
    assert unknown.status_code == 404
    assert parse_xml(unknown).find("error/code").text == "404"


@pytest.mark.parametrize(
    "path",
    [
        "services.html",
        "services.JSON",
        "services/zwerfafval.yaml",
        "requests.csv",
        "requests/M-2026-00001.txt",
    ],
)
def test_unknown_format_suffix_is_404(client, area, categories, path):
    response = client.get(f"{URL}/{path}")

    assert response.status_code == 404
    assert response.json()[0]["code"] == 404
    assert "Formaat" in response.json()[0]["description"]


def test_other_methods_are_refused_in_spec_form(client, area, categories):
    response = client.post(f"{URL}/services.xml")

    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert parse_xml(response).find("error/code").text == "405"


def test_open311_is_not_in_the_openapi_schema(client):
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)

    assert not [path for path in schema["paths"] if "open311" in path]
