"""The address shown in public, and XML that any parser reads."""

import xml.etree.ElementTree as ET

import pytest

from wijkaanpak.open311.rendering import to_json, to_xml
from wijkaanpak.open311.serialise import street_only


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("Korfmakerstraat 12", "Korfmakerstraat"),
        ("Korfmakerstraat 12a, Vlaardingen", "Korfmakerstraat"),
        ("Van Hogendorplaan 1015-3", "Van Hogendorplaan"),
        ("Westlandseweg 40/2 3131 AA Vlaardingen", "Westlandseweg"),
        ("2e Industrieweg 5", "2e Industrieweg"),
        ("Marathonweg", "Marathonweg"),
        ("", None),
        ("   ", None),
    ],
)
def test_street_only(address, shown):
    assert street_only(address) == shown


def test_xml_escapes_markup_and_drops_what_xml_cannot_carry():
    body = to_xml("errors", [{"code": 400, "description": "<a href='x'>&\x0b</a> é"}])

    root = ET.fromstring(body)
    assert root.findtext("error/description") == "<a href='x'>&</a> é"
    assert "é".encode() in body  # UTF-8, not character references


def test_xml_writes_booleans_and_empty_values_as_the_spec_does():
    root = ET.fromstring(to_xml("services", [{"metadata": False, "group": None}]))

    assert root.findtext("service/metadata") == "false"
    assert root.find("service/group").text is None


def test_json_is_utf8_with_null():
    assert to_json([{"account_id": None, "naam": "Café"}]) == (
        '[{"account_id": null, "naam": "Café"}]'.encode()
    )
