"""Query parameters of the HSDS list endpoints, validated: a bad value is a 400 naming it."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100


class ListParams(serializers.Serializer):
    search = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Text in a name or description (case does not matter).",
    )
    page = serializers.IntegerField(
        required=False,
        default=1,
        min_value=1,
        help_text="Page number, from 1.",
        error_messages={
            "invalid": _("page moet een heel getal zijn, bijvoorbeeld 2."),
            "min_value": _("page begint bij 1."),
        },
    )
    per_page = serializers.IntegerField(
        required=False,
        default=DEFAULT_PER_PAGE,
        min_value=1,
        max_value=MAX_PER_PAGE,
        help_text=f"Objects per page, 1 to {MAX_PER_PAGE}; {DEFAULT_PER_PAGE} when not given.",
        error_messages={
            "invalid": _("per_page moet een heel getal zijn, bijvoorbeeld 20."),
            "min_value": _("per_page moet 1 of meer zijn."),
            "max_value": _("per_page mag hoogstens {max_value} zijn."),
        },
    )


class AreaParams(ListParams):
    area = serializers.SlugField(
        required=False,
        help_text="Only the social map of this area (its slug, e.g. `westwijk`).",
        error_messages={"invalid": _("area moet de korte naam van een gebied zijn.")},
    )


def _id_field(message, help_text: str) -> serializers.UUIDField:
    return serializers.UUIDField(
        required=False, help_text=help_text, error_messages={"invalid": message}
    )


class ServiceParams(AreaParams):
    search = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Words, as in the social map's search box: every word must match the name, "
        "summary, description or organisation; Dutch word forms count (`zwemmen` finds "
        "`zwemles`).",
    )
    taxonomy_term_id = _id_field(
        _("taxonomy_term_id moet een UUID zijn."),
        "Only services with this taxonomy term (a theme).",
    )
    organization_id = _id_field(
        _("organization_id moet een UUID zijn."), "Only services of this organization."
    )
