"""Query-parameter filters shared by the read API.

Parameters are validated by a serializer so a bad value gives a 400 that names the
parameter, never a 500 or a silently ignored filter.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

PROGRAMME = OpenApiParameter(
    "programme",
    OpenApiTypes.INT,
    description="Only objects of this programme edition (its id).",
)
AREA = OpenApiParameter(
    "area",
    OpenApiTypes.STR,
    description="Only objects of the programmes of this area (its slug, e.g. `westwijk`).",
)
LINE = OpenApiParameter(
    "line",
    OpenApiTypes.STR,
    description="Only objects of the programme line with this slug (e.g. `kind`). "
    "Line slugs are unique within a programme; combine with `programme` to pick one edition.",
)
GOAL = OpenApiParameter(
    "goal",
    OpenApiTypes.INT,
    description="Only objects linked to the goal with this id.",
)


# The largest id a BigAutoField can hold; a larger number would overflow the database driver.
MAX_ID = 2**63 - 1


def id_field() -> serializers.IntegerField:
    return serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID)


class ScopeFilter(serializers.Serializer):
    programme = id_field()
    area = serializers.SlugField(required=False)


def validated(filter_class, request) -> dict:
    """The validated query parameters; raises a 400 naming each bad parameter."""
    params = filter_class(data=request.query_params)
    params.is_valid(raise_exception=True)
    return params.validated_data


def by_scope(queryset, params: dict, programme_path: str = "programme"):
    """Filter on ?programme=<id> and ?area=<slug>, given the path from the model to Programme."""
    if "programme" in params:
        queryset = queryset.filter(**{f"{programme_path}_id": params["programme"]})
    if "area" in params:
        queryset = queryset.filter(**{f"{programme_path}__area__slug": params["area"]})
    return queryset
