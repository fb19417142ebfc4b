"""The HSDS export: valid against the HSDS schemas, stable, only what is published, honest."""

import io
import json
import uuid

import pytest
from django.core.management import CommandError, call_command

from wijkaanpak.socialmap.hsds.export import export_document
from wijkaanpak.socialmap.hsds.ids import model_id

pytestmark = pytest.mark.django_db
pytest_plugins = ["wijkaanpak.socialmap.tests.hsds_fixtures"]


def export(hsds_map) -> dict:
    return export_document(hsds_map.area)


def by_name(objects: list[dict]) -> dict[str, dict]:
    return {obj["name"]: obj for obj in objects}


def test_the_export_validates_against_the_hsds_schemas(hsds_map, hsds_validator):
    document = export(hsds_map)

    assert hsds_validator.export_errors(document) == []
    assert len(document["services"]) == 3 and len(document["taxonomy_terms"]) == 10


def test_an_empty_map_is_a_valid_export(westwijk, hsds_validator):
    document = export_document(westwijk.area)

    assert hsds_validator.export_errors(document) == []
    assert document["services"] == document["organizations"] == document["locations"] == []


def test_ids_are_stable_between_exports_and_derived_from_site_and_row(hsds_map, settings):
    first = export(hsds_map)
    second = export(hsds_map)

    assert first == second
    expected = uuid.uuid5(
        uuid.NAMESPACE_URL, f"http://testserver/socialmap.offer/{hsds_map.swim.pk}"
    )
    assert by_name(first["services"])["Zwemles"]["id"] == str(expected)
    settings.SITE_URL = "https://kaart.example.nl"
    assert by_name(export(hsds_map)["services"])["Zwemles"]["id"] != str(expected)


def _ids_by_kind(node, kind, found):
    """Every object id in the document, by the kind of object its key says it is."""
    if isinstance(node, dict):
        if "id" in node:
            found.setdefault(node["id"], set()).add(kind)
        for key, value in node.items():
            _ids_by_kind(value, key.removesuffix("s").replace("taxonomie", "taxonomy"), found)
    elif isinstance(node, list):
        for value in node:
            _ids_by_kind(value, kind, found)
    return found


def test_ids_are_unique(hsds_map):
    document = export(hsds_map)

    for key in ("organizations", "services", "locations", "service_at_locations", "taxonomy_terms"):
        ids = [obj["id"] for obj in document[key]]
        assert len(ids) == len(set(ids)), key
    # An id may appear in several places (a schedule in its service and its location), but
    # always as the same kind of object.
    kinds = _ids_by_kind(document, "document", {})
    assert {id_: kind for id_, kind in kinds.items() if len(kind) > 1} == {}
    assert len(kinds) > 30


def test_unpublished_offers_and_what_only_they_have_are_absent(hsds_map):
    text = json.dumps(export(hsds_map))

    for absent in (hsds_map.hidden, hsds_map.hidden_org, hsds_map.hidden_place):
        assert model_id(absent) not in text
    assert "Verborgen" not in text and "Geheime plek" not in text


def test_the_service_maps_what_we_know(hsds_map):
    swim = by_name(export(hsds_map)["services"])["Zwemles"]

    assert swim["status"] == "active"
    assert swim["url"] == "http://testserver/westwijk/sociale-kaart/aanbod/zwemles/"
    assert swim["description"] == (
        "Leren zwemmen met andere kinderen.\n\nIn kleine groepen, met een diploma aan het eind."
    )
    assert (swim["minimum_age"], swim["maximum_age"]) == (4, 12)
    assert swim["eligibility_description"] == (
        "Leeftijd: 4 tot en met 12 jaar. Ook of juist voor ouders en opvoeders."
    )
    assert swim["application_process"] == "Meld je aan bij de balie."
    assert swim["email"] == "zwemles@example.org"
    assert [p["number"] for p in swim["phones"]] == ["010 123 45 67"]
    assert [c["name"] for c in swim["contacts"]] == ["Fatima"]
    assert [(lang["code"], lang["name"]) for lang in swim["languages"]] == [
        ("nl", "Nederlands"),
        ("ar", "Arabisch"),
    ]
    assert swim["organization_id"] == swim["organization"]["id"] == model_id(hsds_map.welfare)
    assert swim["last_modified"].endswith("Z")
    assert "alert" not in swim


def test_themes_are_attributes_with_terms_of_the_wijkaanpak_taxonomy(hsds_map):
    document = export(hsds_map)
    swim = by_name(document["services"])["Zwemles"]
    terms = {term["id"]: term for term in document["taxonomy_terms"]}

    codes = [attribute["taxonomy_term"]["code"] for attribute in swim["attributes"]]
    assert codes == ["leisure", "care"]
    for attribute in swim["attributes"]:
        assert attribute["link_id"] == swim["id"] and attribute["link_entity"] == "service"
        assert terms[attribute["taxonomy_term_id"]] == attribute["taxonomy_term"]
    assert terms[swim["attributes"][0]["taxonomy_term_id"]]["name"] == "vrije tijd"
    [taxonomy] = document["taxonomies"]
    assert taxonomy["name"] == "wijkaanpak-thema"
    assert {term["taxonomy_id"] for term in terms.values()} == {taxonomy["id"]}


def test_costs_free_is_zero_euro_a_price_in_words_stays_words_unknown_stays_absent(hsds_map):
    services = by_name(export(hsds_map)["services"])

    free, paid, unknown = services["Zwemles"], services["Sport op zaterdag"], services["Taalcafé"]
    assert free["fees_description"] == "Gratis."
    assert [(c["amount"], c["currency"]) for c in free["cost_options"]] == [(0, "EUR")]
    assert paid["fees_description"] == "€ 2,50 per keer"
    assert "cost_options" not in paid
    assert "fees_description" not in unknown and "cost_options" not in unknown


def test_a_theme_or_language_listed_twice_is_one_object(hsds_map, hsds_validator):
    hsds_map.swim.themes = ["care", "care", "unknown-code"]
    hsds_map.swim.languages = ["nl", "nl", "xx"]
    hsds_map.swim.save()

    document = export(hsds_map)
    swim = by_name(document["services"])["Zwemles"]

    assert [a["taxonomy_term"]["code"] for a in swim["attributes"]] == ["care"]
    # An unknown code is passed on as given, without a made-up name.
    assert [(lang["code"], lang.get("name")) for lang in swim["languages"]] == [
        ("nl", "Nederlands"),
        ("xx", None),
    ]
    assert hsds_validator.export_errors(document) == []


def test_missing_values_are_absent_never_guessed(hsds_map):
    services = by_name(export(hsds_map)["services"])

    cafe = services["Taalcafé"]
    for field in (
        "organization_id",
        "organization",
        "email",
        "phones",
        "contacts",
        "languages",
        "minimum_age",
        "maximum_age",
        "eligibility_description",
        "schedules",
    ):
        assert field not in cafe, field
    # HSDS requires an organisation's description: ours has none, so it is empty.
    organizations = by_name(export(hsds_map)["organizations"])
    assert organizations["Zwemclub Westwijk"]["description"] == ""


def test_locations_have_addresses_and_opening_hours_where_known(hsds_map):
    locations = by_name(export(hsds_map)["locations"])

    ikc = locations["IKC De Wereldwijzer"]
    [address] = ikc["addresses"]
    assert address | {"id": "x"} == {
        "id": "x",
        "location_id": ikc["id"],
        "address_1": "Wetering 1",
        "city": "Vlaardingen",
        "postal_code": "3132 AA",
        "state_province": "Zuid-Holland",
        "country": "NL",
        "address_type": "physical",
    }
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in ikc["schedules"]] == [
        ("MO", "08:30", "17:00"),
        ("WE", "08:30", "12:30"),
    ]
    assert ikc["organization_id"] == model_id(hsds_map.ikc.organisation)
    # A place where only an event is, without an address or opening hours.
    assert locations["Buurthuis De Wetering"] == {
        "id": model_id(hsds_map.buurthuis),
        "location_type": "physical",
        "url": "http://testserver/westwijk/sociale-kaart/plek/buurthuis/",
        "name": "Buurthuis De Wetering",
    }


def test_events_are_schedules_of_the_service_and_of_its_service_at_location(hsds_map):
    document = export(hsds_map)
    swim = by_name(document["services"])["Zwemles"]

    weekly, open_day = swim["schedules"]
    assert (weekly["freq"], weekly["byday"], weekly["opens_at"]) == ("WEEKLY", "WE", "14:00")
    assert open_day["description"] == "Open dag" and "freq" not in open_day
    at_ikc = next(
        sal
        for sal in swim["service_at_locations"]
        if sal["location"]["name"] == "IKC De Wereldwijzer"
    )
    assert at_ikc["schedules"] == [weekly]
    assert weekly["service_at_location_id"] == at_ikc["id"]
    flat = {sal["id"]: sal for sal in document["service_at_locations"]}
    assert flat[at_ikc["id"]] == {k: v for k, v in at_ikc.items() if k != "location"}


def test_the_command_writes_the_document(hsds_map, tmp_path, hsds_validator):
    target = tmp_path / "westwijk.json"
    out = io.StringIO()

    call_command("export_hsds", area="westwijk", output=str(target), stdout=out)

    assert out.getvalue() == f"westwijk: 3 services written to {target}\n"

    written = json.loads(target.read_text(encoding="utf-8"))
    assert written == export(hsds_map)
    assert hsds_validator.export_errors(written) == []


def test_the_command_prints_to_stdout_without_output(hsds_map, capsys):
    call_command("export_hsds", area="westwijk")

    assert json.loads(capsys.readouterr().out)["area"] == "westwijk"


def test_the_command_refuses_an_unknown_area(db):
    with pytest.raises(CommandError, match="Unknown area 'nergens'"):
        call_command("export_hsds", area="nergens")
