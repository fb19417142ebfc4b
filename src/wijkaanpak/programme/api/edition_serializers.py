"""Serializers of editions: the diff between two editions and the curve story."""

from rest_framework import serializers

from ..models import CurveStory


class CurveStorySerializer(serializers.ModelSerializer):
    class Meta:
        model = CurveStory
        fields = ["story_behind_the_curve", "partners", "what_works", "action_plan", "updated_at"]
        extra_kwargs = {
            "story_behind_the_curve": {
                "help_text": "Why the figure moves as it does; empty when not filled in yet."
            },
            "partners": {"help_text": "Partners who can help; empty when not filled in yet."},
            "what_works": {"help_text": "What is known to work; empty when not filled in yet."},
            "action_plan": {"help_text": "What the table will do; empty when not filled in yet."},
            "updated_at": {
                "allow_null": True,
                "help_text": "When the story was last changed; null when never written.",
            },
        }


class GoalChangeSerializer(serializers.Serializer):
    line = serializers.CharField(help_text="Name of the line of the goal.")
    number = serializers.IntegerField(help_text="Number of the goal within its line.")
    old_text = serializers.CharField(allow_null=True, help_text="Text before; null when added.")
    new_text = serializers.CharField(allow_null=True, help_text="Text after; null when removed.")


class IndicatorChangeSerializer(serializers.Serializer):
    line = serializers.CharField(help_text="Name of the line of the indicator.")
    name = serializers.CharField(help_text="Name of the indicator.")


DECIMAL = {"max_digits": None, "decimal_places": 4, "allow_null": True}


class TargetMoveSerializer(serializers.Serializer):
    indicator = serializers.CharField(
        source="indicator.slug", help_text="Slug of the indicator in the newer edition."
    )
    horizon_years = serializers.IntegerField(help_text="Length of the horizon in years.")
    old_value = serializers.DecimalField(**DECIMAL, help_text="Target before; null when none.")
    new_value = serializers.DecimalField(**DECIMAL, help_text="Target after; null when none.")
    old_state = serializers.CharField(allow_null=True, help_text="`agreed` or `proposed` before.")
    new_state = serializers.CharField(allow_null=True, help_text="`agreed` or `proposed` after.")


class InterventionChangeSerializer(serializers.Serializer):
    line = serializers.CharField(help_text="Name of the line of the intervention.")
    name = serializers.CharField(help_text="Name of the intervention, with its number.")
    old_status = serializers.CharField(allow_null=True, help_text="Status before; null if new.")
    new_status = serializers.CharField(allow_null=True, help_text="Status after; null if removed.")
    reason = serializers.CharField(help_text="Reason of the latest status change, if recorded.")


class EditionDiffSerializer(serializers.Serializer):
    old = serializers.IntegerField(source="old.pk", help_text="Id of the older edition.")
    new = serializers.IntegerField(source="new.pk", help_text="Id of the newer edition.")
    change_rationale = serializers.CharField(
        source="new.change_rationale", help_text="What changes and why, for the steering group."
    )
    goals_added = GoalChangeSerializer(many=True)
    goals_changed = GoalChangeSerializer(many=True)
    goals_removed = GoalChangeSerializer(many=True)
    indicators_added = IndicatorChangeSerializer(many=True)
    indicators_removed = IndicatorChangeSerializer(many=True)
    targets_moved = TargetMoveSerializer(many=True)
    interventions_started = InterventionChangeSerializer(
        many=True, help_text="New and running, or moved into running."
    )
    interventions_stopped = InterventionChangeSerializer(many=True)
    interventions_status_changed = InterventionChangeSerializer(many=True)
    interventions_added = InterventionChangeSerializer(
        many=True, help_text="New in the newer edition and not running."
    )
    interventions_removed = InterventionChangeSerializer(many=True)
