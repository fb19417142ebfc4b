"""The national comparison as open data: the same figures as the page at /vergelijken/."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from ..domain.comparison import Kind, Movement, Position, Reason
from ..services.comparison import national_comparison
from .serializers import AreaSerializer
from .views import PUBLIC_READ


def _decimal(**kwargs):
    return serializers.DecimalField(max_digits=18, decimal_places=4, **kwargs)


class ComparisonFigureSerializer(serializers.Serializer):
    value = _decimal()
    date = serializers.DateField(
        source="on", help_text="End of the measured period, or the reference date."
    )
    period_start = serializers.DateField(
        allow_null=True, help_text="Start of the measured period; null for a reference value."
    )
    kind = serializers.ChoiceField(
        choices=[k.value for k in Kind],
        help_text="measurement, or reference: the reference value in the programme.",
    )
    source = serializers.CharField()


class ComparisonBaselineSerializer(serializers.Serializer):
    area = ComparisonFigureSerializer()
    netherlands = ComparisonFigureSerializer()


class ComparisonIndicatorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.CharField(
        source="get_absolute_url", help_text="The indicator's page: the source of every figure."
    )


class AreaComparisonSerializer(serializers.Serializer):
    area = AreaSerializer()
    indicator = ComparisonIndicatorSerializer()
    latest = ComparisonFigureSerializer(
        source="comparison.latest", allow_null=True, help_text="Latest area measurement."
    )
    netherlands = ComparisonFigureSerializer(
        source="comparison.netherlands",
        allow_null=True,
        help_text="Latest NL measurement of the series, else the NL reference value.",
    )
    gap = _decimal(
        source="comparison.gap", allow_null=True, help_text="Area minus NL, in the unit."
    )
    baseline = ComparisonBaselineSerializer(
        source="comparison.baseline",
        allow_null=True,
        help_text="The earlier of: the earliest area measurement with an NL value at or "
        "before it (with that NL value), and the area and NL reference values.",
    )
    baseline_gap = _decimal(source="comparison.baseline_gap", allow_null=True)
    position = serializers.ChoiceField(
        source="comparison.position",
        choices=[p.value for p in Position],
        help_text="Where the area stands against NL now, polarity respected.",
    )
    movement = serializers.ChoiceField(
        source="comparison.movement",
        choices=[m.value for m in Movement],
        help_text="How the lag behind NL moved since the baseline, polarity respected.",
    )
    reason = serializers.ChoiceField(
        source="comparison.reason",
        choices=[r.value for r in Reason],
        help_text="compared, or why the movement is unknown.",
    )


class NationalIndicatorSerializer(serializers.Serializer):
    key = serializers.SlugField()
    name = serializers.CharField()
    unit = serializers.CharField()
    polarity = serializers.CharField()
    decimals = serializers.IntegerField()
    definition = serializers.CharField()


class NationalComparisonSerializer(serializers.Serializer):
    national = NationalIndicatorSerializer()
    areas = AreaComparisonSerializer(many=True)


class NationalComparisonView(APIView):
    permission_classes = PUBLIC_READ

    @extend_schema(
        summary="National comparison of the areas",
        description="Per national indicator that an area's current programme edition links: "
        "each such area's latest value, the NL value, the gap to NL and how the gap moved "
        "since the area's baseline. Missing values are null, never 0. Not paginated.",
        responses=NationalComparisonSerializer(many=True),
    )
    def get(self, request):
        return Response(NationalComparisonSerializer(national_comparison(), many=True).data)
