"""OpenAPI descriptions of the HSDS responses, generated from the bundled HSDS schemas.

The responses are plain dicts built by wijkaanpak.socialmap.hsds; the serializers here only
describe them. Each HSDS object becomes one component carrying HSDS's own field
descriptions. A field we do not know is absent from a response (docs/hsds.md).
"""

import json
from functools import cache
from pathlib import Path

from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.plumbing import ResolvedComponent, build_array_type
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

SCHEMAS = Path(__file__).resolve().parent.parent / "hsds" / "schemas"
KEYWORDS = ("type", "format", "enum", "description")
# HSDS states dates and times only as tabular ("datapackage") types.
FORMATS = {"date": "date", "time": "time", "datetime": "date-time"}


@cache
def hsds_schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))


class HSDSObject(serializers.Serializer):
    """An HSDS object, for the API schema only.

    `brief`: only the one-to-one fields, as in the HSDS list responses. `nested`: property
    name -> (class, many) for related objects that differ from the HSDS object schema.
    """

    hsds_name = ""
    brief = False
    nested: dict = {}


def _camel(name: str) -> str:
    return "".join(word.capitalize() for word in name.split("_"))


@cache
def component(name: str) -> type[HSDSObject]:
    """The component of an HSDS object schema ("service_at_location" -> HSDSServiceAtLocation)."""
    return type(f"HSDS{_camel(name)}", (HSDSObject,), {"hsds_name": name})


class HSDSOrganizationListItem(HSDSObject):
    hsds_name = "organization"
    brief = True


class HSDSLocationListItem(HSDSObject):
    hsds_name = "location"
    brief = True


class HSDSServiceListItem(HSDSObject):
    hsds_name = "service"
    brief = True
    nested = {"organization": (HSDSOrganizationListItem, False)}


class HSDSOrganizationDetail(HSDSObject):
    hsds_name = "organization"
    nested = {"services": (HSDSServiceListItem, True)}


class HSDSServiceAtLocationListItem(HSDSObject):
    hsds_name = "service_at_location"
    brief = True
    nested = {
        "location": (HSDSLocationListItem, False),
        "service": (HSDSServiceListItem, False),
    }


class HSDSServiceAtLocationDetail(HSDSObject):
    hsds_name = "service_at_location"
    nested = {"service": (HSDSServiceListItem, False)}


def _scalar(prop: dict, auto_schema) -> dict:
    schema = {key: prop[key] for key in KEYWORDS if key in prop}
    if prop.get("datapackage_type") in FORMATS:
        schema["format"] = FORMATS[prop["datapackage_type"]]
    if "enum" in schema:
        # Our own enum component: spectacular's enum naming would see "status" and
        # "location_type" of other apps as collisions.
        enum = ResolvedComponent(
            name=f"HSDS{_camel(prop['name'])}Enum",
            type=ResolvedComponent.SCHEMA,
            object=f"hsds-enum-{prop['name']}",
            schema={"type": schema.pop("type"), "enum": schema.pop("enum")},
        )
        auto_schema.registry.register_on_missing(enum)
        schema = {**enum.ref, **schema}
    return schema


class HSDSObjectExtension(OpenApiSerializerExtension):
    target_class = HSDSObject
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        cls = self.target if isinstance(self.target, type) else type(self.target)
        source = hsds_schema(cls.hsds_name)

        def ref(target):
            return auto_schema.resolve_serializer(target, direction).ref

        properties = {}
        for name, prop in source["properties"].items():
            linked = prop.get("$ref") or prop.get("items", {}).get("$ref")
            if name in cls.nested or (linked and cls.brief):
                continue
            if not linked:
                properties[name] = _scalar(prop, auto_schema)
                continue
            target = ref(component(linked.removesuffix(".json")))
            properties[name] = build_array_type(target) if prop.get("type") == "array" else target
        for name, (target, many) in cls.nested.items():
            properties[name] = build_array_type(ref(target)) if many else ref(target)
        return {
            "type": "object",
            "description": source["description"],
            "properties": properties,
            "required": source["required"],
        }


class HSDSPage(serializers.Serializer):
    total_items = serializers.IntegerField(help_text="The number of objects in the whole result.")
    total_pages = serializers.IntegerField(help_text="The number of pages.")
    page_number = serializers.IntegerField(help_text="This page's number, from 1.")
    size = serializers.IntegerField(help_text="The number of objects on this page.")
    first_page = serializers.BooleanField(help_text="Whether this is the first page.")
    last_page = serializers.BooleanField(help_text="Whether this is the last page (or past it).")
    empty = serializers.BooleanField(help_text="Whether this page has no objects.")


@cache
def page_of(item: type[HSDSObject]) -> type[HSDSPage]:
    """The HSDS list shape with `item` objects as its contents."""
    name = item.__name__.removesuffix("ListItem")
    page = type(f"{name}Page", (HSDSPage,), {"contents": item(many=True)})
    # The page is the whole response of a list action, not an item of it.
    return extend_schema_serializer(many=False)(page)


class HSDSRoot(serializers.Serializer):
    version = serializers.CharField(help_text="The HSDS version of this API.")
    openapi_url = serializers.URLField(help_text="The OpenAPI description of this API.")
