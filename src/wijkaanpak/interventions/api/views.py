"""Read-only viewset of interventions. Anyone may read; no write method is offered."""

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from wijkaanpak.programme.api import filters
from wijkaanpak.programme.api.views import PUBLIC_READ, visible

from ..models import Intervention
from ..services import filter_interventions
from ..services.money import intervention_money
from ..services.reach import reach_summary
from .serializers import InterventionSerializer
from .summaries import MoneySerializer, YearReachSerializer


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
        description="Interventions and measures with their line, goals, partners, places, status "
        "history and evaluations.",
        parameters=[filters.PROGRAMME, filters.AREA, filters.LINE, AGE, filters.GOAL, STATUS],
    ),
    retrieve=extend_schema(
        summary="Get an intervention",
        description="One intervention with its status history, evaluations, and read-only "
        "summaries of its money and reach at their own addresses.",
    ),
)
class InterventionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = InterventionSerializer
    permission_classes = PUBLIC_READ
    queryset = Intervention.objects.select_related("line", "lead_partner").prefetch_related(
        "goals", "partners", "places", "status_changes", "evaluations"
    )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": timezone.localdate()}

    def get_queryset(self):
        queryset = visible(super().get_queryset(), self.request, "programme__")
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

    # Money and reach are summed per intervention: offered for one, never for a whole list.
    @extend_schema(
        summary="Money of an intervention",
        description="Budget, committed and spent in euro cents, all years together. "
        "Computed from the spending entries; read-only.",
        responses=MoneySerializer,
    )
    @action(detail=True, methods=["get"])
    def money(self, request, pk=None):
        return Response(MoneySerializer(intervention_money(self.get_object())).data)

    @extend_schema(
        summary="Reach of an intervention",
        description="Participants and activities per year, by age band and neighbourhood. "
        "Counts only, never persons; read-only.",
        responses=YearReachSerializer(many=True),
    )
    @action(detail=True, methods=["get"], pagination_class=None)  # one list, never paged
    def reach(self, request, pk=None):
        return Response(YearReachSerializer(reach_summary(self.get_object()), many=True).data)
