"""Read-only viewset of interventions. Anyone may read; no write method is offered."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from wijkaanpak.programme.api import filters
from wijkaanpak.programme.api.views import PUBLIC_READ

from ..models import Intervention
from ..services import filter_interventions
from .serializers import InterventionSerializer


class InterventionFilter(filters.ScopeFilter):
    line = serializers.SlugField(required=False)
    age = serializers.IntegerField(required=False, min_value=0, max_value=150)
    goal = filters.id_field()
    status = serializers.ChoiceField(choices=Intervention.Status.choices, required=False)


AGE = OpenApiParameter(
    "age",
    OpenApiTypes.INT,
    description="Only interventions whose target group includes this age. An open end "
    "(null `age_min` or `age_max`) counts as open; an intervention without any age range "
    "is left out, as it is unknown whether it fits.",
)
STATUS = OpenApiParameter(
    "status",
    OpenApiTypes.STR,
    enum=Intervention.Status.values,
    description="Only interventions with this status.",
)


@extend_schema_view(
    list=extend_schema(
        summary="List interventions",
        description="Interventions and measures with their line, goals, partners and places.",
        parameters=[filters.PROGRAMME, filters.AREA, filters.LINE, AGE, filters.GOAL, STATUS],
    ),
    retrieve=extend_schema(summary="Get an intervention"),
)
class InterventionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = InterventionSerializer
    permission_classes = PUBLIC_READ
    queryset = Intervention.objects.select_related("line").prefetch_related(
        "goals", "partners", "places"
    )

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action == "list":
            params = filters.validated(InterventionFilter, self.request)
            queryset = filters.by_scope(queryset, params)
            queryset = filter_interventions(
                queryset,
                line_slug=params.get("line", ""),
                age=params.get("age"),
                goal_id=params.get("goal"),
                status=params.get("status", ""),
            )
        return queryset.order_by("programme_id", "line__number", "position", "number", "name")
