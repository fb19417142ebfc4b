"""Serializers of a programme's progress roll-up: counts of indicators per status."""

from rest_framework import serializers

from ..domain.progress import STATUS_ORDER


class StatusCountsSerializer(serializers.Serializer):
    """How many indicators have each status."""

    def to_representation(self, counts):
        return {status.value: counts.get(status, 0) for status in STATUS_ORDER}

    def get_fields(self):
        # Declared per status so the schema lists every key the object has.
        return {
            status.value: serializers.IntegerField(
                read_only=True, help_text=f"Number of indicators with status `{status.value}`."
            )
            for status in STATUS_ORDER
        }


class CompletenessSerializer(serializers.Serializer):
    indicators = serializers.IntegerField(read_only=True, help_text="Number of indicators.")
    with_baseline = serializers.IntegerField(
        read_only=True, help_text="Indicators with a baseline (the area's reference value)."
    )
    with_agreed_target = serializers.IntegerField(
        read_only=True, help_text="Indicators with at least one agreed target."
    )
    with_recent_measurement = serializers.IntegerField(
        read_only=True, help_text="Indicators with a measurement of the past year."
    )
    score = serializers.DecimalField(
        max_digits=None,
        decimal_places=0,
        read_only=True,
        allow_null=True,
        help_text="Share of these three checks met over all indicators, in percent, as a "
        "decimal string; null when there are no indicators.",
    )


class RollUpSerializer(serializers.Serializer):
    counts = StatusCountsSerializer(read_only=True, help_text="Indicators per status.")
    total = serializers.IntegerField(read_only=True, help_text="Number of indicators counted.")
    completeness = CompletenessSerializer(
        read_only=True, help_text="How complete the figures behind these indicators are."
    )


class LineRollUpSerializer(RollUpSerializer):
    line = serializers.IntegerField(read_only=True, help_text="Id of the programme line.")
    slug = serializers.SlugField(read_only=True, help_text="Slug of the programme line.")
    name = serializers.CharField(read_only=True, help_text="Name of the programme line.")


class ProgrammeProgressSerializer(serializers.Serializer):
    programme = serializers.IntegerField(read_only=True, help_text="Id of the programme.")
    ambition = RollUpSerializer(
        read_only=True, help_text="All indicators of the programme together."
    )
    lines = LineRollUpSerializer(
        many=True, read_only=True, help_text="The indicators of each line, in line order."
    )


def programme_progress_data(programme, progress) -> dict:
    """The shape ProgrammeProgressSerializer reads, from services.progress.programme_progress."""
    lines = []
    for line in programme.lines.order_by("number"):
        roll_up = progress.by_line[line.pk]
        lines.append(
            {
                "line": line.pk,
                "slug": line.slug,
                "name": line.name,
                "counts": roll_up.counts,
                "total": roll_up.total,
                "completeness": roll_up.completeness,
            }
        )
    ambition = progress.ambition
    return {
        "programme": programme.pk,
        "ambition": {
            "counts": ambition.counts,
            "total": ambition.total,
            "completeness": ambition.completeness,
        },
        "lines": lines,
    }
