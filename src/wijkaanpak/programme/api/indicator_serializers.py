"""Serializers of indicators with their reference values, targets, measurements and progress.

Progress is computed once per page by the view (`progress_for`) and handed over in the
serializer context under "progress", so serialising a page costs no query per indicator.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..domain.progress import Status
from ..models import Indicator, Measurement, ReferenceValue, Target
from .edition_serializers import CurveStorySerializer
from .serializers import LineSummarySerializer

# Exact values as strings; four decimal places, as stored.
DECIMAL = {"max_digits": None, "decimal_places": 4, "read_only": True, "allow_null": True}

STATUSES = [
    (Status.ACHIEVED.value, "The next target is reached."),
    (Status.ON_TRACK.value, "On or ahead of the straight line from baseline to target."),
    (Status.BEHIND.value, "Behind the straight line from baseline to target."),
    (Status.NO_DATA.value, "No measurement, no baseline, or a qualitative indicator."),
    (Status.NO_TARGET.value, "There is no target to judge by."),
]

REASONS = [
    ("qualitative", "The indicator is qualitative: there is no number to judge."),
    ("no_measurement", "There is no current measurement for the area yet."),
    ("no_target", "There is no target to judge the latest value against."),
    ("target_reached", "The latest value reaches the next target."),
    ("no_baseline", "There is no baseline, so there is no line to be on or behind."),
    ("on_or_above_line", "On or ahead of the straight line from baseline to target."),
    ("below_line", "Behind the straight line from baseline to target."),
]


class ReferenceValueSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReferenceValue
        fields = ["scope", "value", "reference_date", "source", "source_reference", "note"]
        extra_kwargs = {
            "scope": {
                "help_text": "Whose value it is: `netherlands`, `city` or `area`. "
                "The area's value is the baseline."
            },
            "value": {"help_text": "The value, as a decimal string (e.g. `15.5000`)."},
            "reference_date": {"help_text": "Date the value refers to."},
            "source": {"help_text": "Where the value comes from."},
            "source_reference": {
                "help_text": "Where in the source document the value is found; empty when unknown."
            },
            "note": {"help_text": "Explanation, e.g. of a correction of a scanning error."},
        }


class TargetSerializer(serializers.ModelSerializer):
    horizon_years = serializers.IntegerField(
        source="horizon.years", read_only=True, help_text="Length of the horizon in years."
    )
    due_on = serializers.DateField(
        source="horizon.due_on", read_only=True, help_text="Date the target is due."
    )

    class Meta:
        model = Target
        fields = [
            "horizon",
            "horizon_years",
            "due_on",
            "value",
            "state",
            "source",
            "source_reference",
            "rule",
        ]
        extra_kwargs = {
            "horizon": {"help_text": "Id of the horizon the target is for."},
            "value": {"help_text": "The target value, as a decimal string."},
            "state": {
                "help_text": "`agreed`: agreed by the programme; `proposed`: proposed by the "
                "system by the source's rule and not yet confirmed by a person."
            },
            "source": {"help_text": "Where the target comes from."},
            "source_reference": {
                "help_text": "Where in the source document the target is found; empty when unknown."
            },
            "rule": {"help_text": "For a proposal: the rule it was derived by; empty otherwise."},
        }


class MeasurementSerializer(serializers.ModelSerializer):
    """A current measurement; who entered it is left out, as that is personal data."""

    class Meta:
        model = Measurement
        fields = [
            "id",
            "scope",
            "value",
            "period_start",
            "period_end",
            "source",
            "note",
            "entered_at",
        ]
        extra_kwargs = {
            "id": {"help_text": "Database id of the measurement."},
            "scope": {"help_text": "Whose value it is: `netherlands`, `city` or `area`."},
            "value": {"help_text": "The measured value, as a decimal string."},
            "period_start": {"help_text": "First day of the period the value covers."},
            "period_end": {"help_text": "Last day of the period the value covers."},
            "source": {"help_text": "Where the value comes from."},
            "note": {"help_text": "Explanation given when the value was entered."},
            "entered_at": {"help_text": "When the value was entered."},
        }


class DatedValueSerializer(serializers.Serializer):
    value = serializers.DecimalField(**DECIMAL, help_text="The value, as a decimal string.")
    date = serializers.DateField(
        source="on",
        read_only=True,
        help_text="Date of the value: the end of its measurement period.",
    )


class NextTargetSerializer(serializers.Serializer):
    horizon_years = serializers.IntegerField(
        read_only=True, help_text="Length of the horizon in years."
    )
    due_on = serializers.DateField(read_only=True, help_text="Date the target is due.")
    value = serializers.DecimalField(**DECIMAL, help_text="The target value, as a decimal string.")
    agreed = serializers.BooleanField(
        read_only=True, help_text="True for an agreed target, false for a proposal."
    )


class ProgressSerializer(serializers.Serializer):
    """The engine's judgement of an indicator; every missing figure is null, never 0."""

    status = serializers.ChoiceField(
        choices=STATUSES,
        read_only=True,
        help_text="How the indicator is doing against its next target.",
    )
    reason = serializers.ChoiceField(
        choices=REASONS,
        read_only=True,
        help_text="Why the status is what it is.",
    )
    latest = DatedValueSerializer(
        read_only=True,
        allow_null=True,
        help_text="The latest current measurement of the area; null when there is none.",
    )
    next_target = NextTargetSerializer(
        read_only=True,
        allow_null=True,
        help_text="The target of the first horizon not yet passed at the latest measurement "
        "(an agreed target wins over a proposal); null when there is none.",
    )
    expected_now = serializers.DecimalField(
        **DECIMAL,
        help_text="Where the value should be at the latest measurement's date on the straight "
        "line from baseline to next target; null when that cannot be computed.",
    )
    change_since_baseline = serializers.DecimalField(
        **DECIMAL,
        help_text="Latest value minus baseline (a plain difference, sign not adjusted for "
        "polarity); null without a measurement or baseline.",
    )
    to_go_to_target = serializers.DecimalField(
        **DECIMAL,
        help_text="How far the latest value still is from the next target in the good "
        "direction; zero or less means reached; null without a measurement or target.",
    )
    to_go_to_netherlands = serializers.DecimalField(
        **DECIMAL,
        help_text="How far the latest value still is from the national value in the good "
        "direction; zero or less means reached; null without a measurement or national value.",
    )


class IndicatorSerializer(serializers.ModelSerializer):
    line = LineSummarySerializer(read_only=True, help_text="The line the indicator belongs to.")
    goals = serializers.SerializerMethodField(help_text="Ids of the goals the indicator measures.")
    reference_values = ReferenceValueSerializer(
        many=True,
        read_only=True,
        help_text="Baseline figures per scope. A scope without a value is absent.",
    )
    targets = TargetSerializer(
        many=True, read_only=True, help_text="Targets per horizon, shortest horizon first."
    )
    measurements = MeasurementSerializer(
        source="current_measurements",
        many=True,
        read_only=True,
        help_text="The current measurements (corrected values replaced by their correction), "
        "oldest period first.",
    )
    progress = serializers.SerializerMethodField(
        help_text="Progress towards the next target, computed from the current area measurements."
    )
    curve_story = serializers.SerializerMethodField(
        help_text="'Turning the curve' for an outcome indicator in this edition; null for an "
        "effort indicator. An outcome indicator without a story has empty fields."
    )

    class Meta:
        model = Indicator
        fields = [
            "id",
            "programme",
            "line",
            "slug",
            "name",
            "kind",
            "unit",
            "polarity",
            "decimals",
            "source_description",
            "source_reference",
            "goals",
            "reference_values",
            "targets",
            "measurements",
            "progress",
            "curve_story",
        ]
        extra_kwargs = {
            "id": {"help_text": "Database id of the indicator."},
            "programme": {"help_text": "Id of the programme edition the indicator belongs to."},
            "slug": {"help_text": "Stable key of the indicator within its programme."},
            "name": {"help_text": "Name of the indicator."},
            "kind": {
                "help_text": "`outcome`: a population-level main indicator; "
                "`effort`: an agreed count of work done."
            },
            "unit": {"help_text": "Unit of every value of this indicator."},
            "polarity": {"help_text": "Which direction is better."},
            "decimals": {
                "help_text": "Number of decimals to show. Values are given with four decimals."
            },
            "source_description": {"help_text": "Where the figures come from."},
            "source_reference": {
                "help_text": "Where in the source document the indicator is found; "
                "empty when unknown."
            },
        }

    def get_goals(self, indicator) -> list[int]:
        return [goal.pk for goal in indicator.goals.all()]

    @extend_schema_field(ProgressSerializer)
    def get_progress(self, indicator):
        item = self.context["progress"][indicator.pk]
        return ProgressSerializer(item.progress).data

    @extend_schema_field(CurveStorySerializer(allow_null=True))
    def get_curve_story(self, indicator):
        if indicator.kind != Indicator.Kind.OUTCOME:
            return None
        story = getattr(indicator, "story", None)
        if story is None:
            return {
                "story_behind_the_curve": "",
                "partners": "",
                "what_works": "",
                "action_plan": "",
                "updated_at": None,
            }
        return CurveStorySerializer(story).data
