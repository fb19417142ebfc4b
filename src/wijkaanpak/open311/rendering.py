"""JSON and XML output as GeoReport v2 shapes it.

XML is built with xml.etree, so user text is escaped by the library and never pasted into
markup. Characters that XML 1.0 cannot carry at all (most control characters) are dropped.
JSON follows the spec's "Spark convention": the same names, lists as arrays.
"""

import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

from django.http import HttpResponse

FORMATS = {
    "json": "application/json; charset=utf-8",
    "xml": "text/xml; charset=utf-8",
}

# Names of list elements in XML: the list's own element holds one of these per item.
_ITEM_NAMES = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
}
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return xml_safe(str(value))


def _append(parent: ET.Element, name: str, value) -> None:
    element = ET.SubElement(parent, name)
    if isinstance(value, list):
        _fill_list(element, name, value)
    elif isinstance(value, dict):
        _fill(element, value)
    else:
        element.text = _text(value)


def _fill(element: ET.Element, mapping: dict) -> None:
    for name, value in mapping.items():
        _append(element, name, value)


def _fill_list(element: ET.Element, name: str, items: list) -> None:
    for item in items:
        _append(element, _ITEM_NAMES[name], item)


def to_xml(root: str, payload: list | dict) -> bytes:
    element = ET.Element(root)
    if isinstance(payload, list):
        _fill_list(element, root, payload)
    else:
        _fill(element, payload)
    return _DECLARATION + ET.tostring(element, encoding="unicode").encode("utf-8")


def _json_default(value):
    if isinstance(value, Decimal):
        # Coordinates are numbers in the spec's JSON; six decimals survive the conversion.
        return float(value)
    raise TypeError(f"not serialisable: {type(value).__name__}")


def to_json(payload: list | dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, default=_json_default).encode("utf-8")


def render(fmt: str, root: str, payload: list | dict, *, status: int = 200) -> HttpResponse:
    body = to_xml(root, payload) if fmt == "xml" else to_json(payload)
    return HttpResponse(body, status=status, content_type=FORMATS[fmt])
