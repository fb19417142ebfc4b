"""The coverage matrices ("sluitend aanbod") of a programme edition, read-only."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from wijkaanpak.programme.api.views import PUBLIC_READ, visible
from wijkaanpak.programme.models import Programme

from ..models import AgeBand, Theme
from ..services import coverage

STATE_HELP = (
    "covered: a running or permanent intervention; only_preparing: a gap with interventions "
    "in preparation only; empty: a gap."
)


class CellSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=coverage.CellState.choices, help_text=STATE_HELP)
    running = serializers.ListField(
        child=serializers.IntegerField(), help_text="Ids of running or permanent interventions."
    )
    preparing = serializers.ListField(
        child=serializers.IntegerField(),
        help_text="Ids of interventions in preparation (counted only with scope with_preparation).",
    )


class GoalCellSerializer(CellSerializer):
    line = serializers.IntegerField(help_text="Number of the programme line.")
    goal = serializers.IntegerField(help_text="Number of the goal within its line.")
    goal_id = serializers.IntegerField()


class AgeThemeCellSerializer(CellSerializer):
    age_band = serializers.ChoiceField(
        choices=AgeBand.choices, help_text="`unknown`: interventions whose age is not known."
    )
    theme = serializers.ChoiceField(choices=Theme.choices)


class CoverageSerializer(serializers.Serializer):
    programme = serializers.IntegerField()
    scope = serializers.ChoiceField(choices=coverage.Scope.choices)
    goals = GoalCellSerializer(many=True)
    age_theme = AgeThemeCellSerializer(many=True)


class ScopeFilter(serializers.Serializer):
    scope = serializers.ChoiceField(
        choices=coverage.Scope.choices, required=False, default=coverage.Scope.RUNNING
    )


def _cell(cell) -> dict:
    return {
        "state": cell.state,
        "running": [i.pk for i in cell.running],
        "preparing": [i.pk for i in cell.preparing],
    }


def coverage_data(programme, scope: str) -> dict:
    goals = coverage.programme_goal_matrix(programme, scope)
    ages = coverage.programme_age_theme_matrix(programme, scope)
    age_theme = [
        {"age_band": row.band, "theme": theme, **_cell(cell)}
        for row in [*ages.rows, ages.unknown_age]
        for theme, cell in zip(ages.themes, row.cells, strict=True)
    ]
    return {
        "programme": programme.pk,
        "scope": scope,
        "goals": [
            {
                "line": block.line.number,
                "goal": row.goal.number,
                "goal_id": row.goal.pk,
                **_cell(row.cell),
            }
            for block in goals.lines
            for row in block.rows
        ],
        "age_theme": age_theme,
    }


class CoverageView(APIView):
    permission_classes = PUBLIC_READ

    @extend_schema(
        summary="Coverage of a programme edition",
        description="Which goals, and which age bands x themes, have a running intervention; "
        "the gaps are what the programme calls a not yet closed offer ('sluitend aanbod').",
        parameters=[
            OpenApiParameter(
                "scope",
                str,
                enum=coverage.Scope.values,
                description="running (default): only running or permanent interventions "
                "cover a cell; with_preparation: also list interventions in preparation.",
            )
        ],
        responses=CoverageSerializer,
    )
    def get(self, request, pk):
        programme = get_object_or_404(visible(Programme.objects.all(), request), pk=pk)
        params = ScopeFilter(data=request.query_params)
        params.is_valid(raise_exception=True)
        return Response(coverage_data(programme, params.validated_data["scope"]))
