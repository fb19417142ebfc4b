"""Read-only viewsets of the programme. Anyone may read; no write method is offered."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from wijkaanpak.areas.access import areas_of

from ..models import Goal, Indicator, Measurement, Programme, ProgrammeLine, Target
from ..services.data_quality import run_checks
from ..services.editions import diff as edition_diff
from ..services.progress import programme_progress, progress_for
from . import filters
from .edition_serializers import EditionDiffSerializer
from .indicator_serializers import IndicatorSerializer
from .quality_serializers import FindingSerializer
from .rollup_serializers import ProgrammeProgressSerializer, programme_progress_data
from .serializers import GoalSerializer, LineSerializer, ProgrammeSerializer

# The programme's figures are public. Writes are refused with 405 because no viewset here
# has a write handler; AllowAny keeps reads public even if the project default tightens.
PUBLIC_READ = [permissions.AllowAny]


def visible(queryset, request, path: str = ""):
    """A draft edition is staff-only: it exists only for staff with the right to read
    programmes who work in its area (areas.access); for everyone else it does not exist."""
    user = request.user
    adopted = Q(**{f"{path}state": Programme.State.ADOPTED})
    if user.is_authenticated and user.has_perm("programme.view_programme"):
        return queryset.filter(adopted | Q(**{f"{path}area__in": areas_of(user)}))
    return queryset.filter(adopted)


class DiffFilter(serializers.Serializer):
    against = filters.id_field()


AGAINST = OpenApiParameter(
    "against",
    OpenApiTypes.INT,
    description="Id of the other edition of the same area; default: the previous edition.",
)


@extend_schema_view(
    list=extend_schema(
        summary="List programme editions",
        description="Programme editions with their area and horizons, newest edition first "
        "per area.",
        parameters=[filters.AREA],
    ),
    retrieve=extend_schema(
        summary="Get a programme edition", description="One edition with its area and horizons."
    ),
    progress=extend_schema(
        summary="Progress of a programme edition",
        description="Number of indicators per progress status, for the whole programme and "
        "per line, with the completeness of the figures behind them.",
        responses=ProgrammeProgressSerializer,
    ),
    diff=extend_schema(
        summary="What changed between two editions",
        description="Goals added, changed and removed; indicators added and removed; targets "
        "moved; interventions started, stopped, otherwise changed, added and removed. Items "
        "are matched through their links to the previous edition, not by name. A draft "
        "edition is only visible to staff.",
        parameters=[AGAINST],
        responses=EditionDiffSerializer,
    ),
    data_quality=extend_schema(
        summary="Data-quality findings of a programme edition",
        description="What is missing or wrong in the programme's data: errors first, then "
        "warnings, then information. Not paginated.",
        responses=FindingSerializer(many=True),
    ),
)
class ProgrammeViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProgrammeSerializer
    permission_classes = PUBLIC_READ
    queryset = Programme.objects.select_related("area").prefetch_related("horizons")

    def get_queryset(self):
        queryset = visible(super().get_queryset(), self.request)
        if self.action == "list":
            params = filters.validated(filters.ScopeFilter, self.request)
            if "area" in params:
                queryset = queryset.filter(area__slug=params["area"])
        return queryset.order_by("area__name", "-edition_year")

    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def diff(self, request, pk=None):
        programme = self.get_object()
        params = filters.validated(DiffFilter, request)
        if "against" in params:
            other = get_object_or_404(
                self.get_queryset().filter(area_id=programme.area_id), pk=params["against"]
            )
        else:
            other = programme.previous_edition or programme
        old, new = sorted((other, programme), key=lambda p: p.edition_year)
        return Response(EditionDiffSerializer(edition_diff(old, new)).data)

    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def progress(self, request, pk=None):
        programme = self.get_object()
        data = programme_progress_data(programme, programme_progress(programme))
        return Response(ProgrammeProgressSerializer(data).data)

    @action(
        detail=True,
        methods=["get"],
        url_path="data-quality",
        pagination_class=None,
        filter_backends=[],
    )
    def data_quality(self, request, pk=None):
        findings = run_checks(self.get_object())
        return Response(
            FindingSerializer(findings, many=True, context=self.get_serializer_context()).data
        )


@extend_schema_view(
    list=extend_schema(
        summary="List programme lines",
        description="The programme lines ('tafels') with the ids of their goals.",
        parameters=[filters.PROGRAMME, filters.AREA],
    ),
    retrieve=extend_schema(summary="Get a programme line"),
)
class LineViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = LineSerializer
    permission_classes = PUBLIC_READ
    queryset = ProgrammeLine.objects.prefetch_related(
        Prefetch("goals", queryset=Goal.objects.order_by("number"))
    )

    def get_queryset(self):
        queryset = visible(super().get_queryset(), self.request, "programme__")
        if self.action == "list":
            queryset = filters.by_scope(
                queryset, filters.validated(filters.ScopeFilter, self.request)
            )
        return queryset.order_by("programme_id", "number")


class GoalFilter(filters.ScopeFilter):
    line = serializers.SlugField(required=False)


@extend_schema_view(
    list=extend_schema(
        summary="List goals",
        description="The numbered goals of the programme lines.",
        parameters=[filters.PROGRAMME, filters.AREA, filters.LINE],
    ),
    retrieve=extend_schema(summary="Get a goal"),
)
class GoalViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = GoalSerializer
    permission_classes = PUBLIC_READ
    queryset = Goal.objects.select_related("line")

    def get_queryset(self):
        queryset = visible(super().get_queryset(), self.request, "line__programme__")
        if self.action == "list":
            params = filters.validated(GoalFilter, self.request)
            queryset = filters.by_scope(queryset, params, "line__programme")
            if "line" in params:
                queryset = queryset.filter(line__slug=params["line"])
        return queryset.order_by("line__programme_id", "line__number", "number")


class IndicatorFilter(filters.ScopeFilter):
    line = serializers.SlugField(required=False)
    goal = filters.id_field()
    kind = serializers.ChoiceField(choices=Indicator.Kind.choices, required=False)


INDICATOR_KIND = OpenApiParameter(
    "kind",
    OpenApiTypes.STR,
    enum=Indicator.Kind.values,
    description="Only indicators of this kind: `outcome` or `effort`.",
)


@extend_schema_view(
    list=extend_schema(
        summary="List indicators with their progress",
        description="Indicators with reference values, targets, current measurements and "
        "computed progress. Decimal values are strings with four decimals; a missing value "
        "is null, never 0.",
        parameters=[
            filters.PROGRAMME,
            filters.AREA,
            filters.LINE,
            filters.GOAL,
            INDICATOR_KIND,
        ],
    ),
    retrieve=extend_schema(
        summary="Get an indicator with its progress",
        description="One indicator with reference values, targets, current measurements and "
        "computed progress.",
    ),
)
class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = IndicatorSerializer
    permission_classes = PUBLIC_READ
    queryset = Indicator.objects.select_related("line", "story").prefetch_related(
        "goals",
        "reference_values",
        Prefetch(
            "targets",
            queryset=Target.objects.select_related("horizon").order_by("horizon__years"),
        ),
        Prefetch(
            "measurements",
            queryset=Measurement.objects.current().order_by("period_end", "scope"),
            to_attr="current_measurements",
        ),
    )

    def get_queryset(self):
        queryset = visible(super().get_queryset(), self.request, "programme__")
        if self.action == "list":
            params = filters.validated(IndicatorFilter, self.request)
            queryset = filters.by_scope(queryset, params)
            if "line" in params:
                queryset = queryset.filter(line__slug=params["line"])
            if "goal" in params:
                queryset = queryset.filter(goals=params["goal"])
            if "kind" in params:
                queryset = queryset.filter(kind=params["kind"])
        return queryset.order_by("programme_id", "line__number", "position", "name")

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        indicators = list(page if page is not None else queryset)
        serializer = self._serializer(indicators, many=True)
        if page is not None:
            return self.get_paginated_response(serializer.data)
        return Response(serializer.data)

    def retrieve(self, request, *args, **kwargs):
        return Response(self._serializer(self.get_object()).data)

    def _serializer(self, instance, many=False):
        # Progress for the whole page at once: a fixed number of queries, however long.
        indicators = instance if many else [instance]
        context = {**self.get_serializer_context(), "progress": progress_for(indicators)}
        return self.get_serializer(instance, many=many, context=context)
