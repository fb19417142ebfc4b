"""Read-only money and reach summaries of one intervention, computed by the services."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import AgeBand


class MoneySerializer(serializers.Serializer):
    budget_cents = serializers.IntegerField(
        source="budget", allow_null=True, help_text="Budget in euro cents; null when unknown."
    )
    committed_cents = serializers.IntegerField(
        source="committed", help_text="Sum of committed entries in euro cents."
    )
    spent_cents = serializers.IntegerField(
        source="spent", help_text="Sum of spent entries in euro cents."
    )
    remaining_cents = serializers.IntegerField(
        source="remaining",
        allow_null=True,
        help_text="Budget minus the larger of committed and spent; null without a budget.",
    )
    overspent = serializers.BooleanField(
        allow_null=True, help_text="Spent more than the budget; null without a budget."
    )


class AgeBandCountSerializer(serializers.Serializer):
    age_band = serializers.ChoiceField(choices=AgeBand.choices, help_text="Age band.")
    participants = serializers.IntegerField(help_text="Participants reached in this age band.")


class NeighbourhoodCountSerializer(serializers.Serializer):
    neighbourhood = serializers.CharField(
        allow_null=True, help_text="Name of the neighbourhood; null when it is not known."
    )
    participants = serializers.IntegerField(help_text="Participants from this neighbourhood.")


class YearReachSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text="Year in which the reported periods end.")
    participants = serializers.IntegerField(help_text="Participants reached (counts only).")
    activities = serializers.IntegerField(
        allow_null=True, help_text="Activities held; null when no record says."
    )
    by_age_band = serializers.SerializerMethodField(help_text="Participants per age band.")
    by_neighbourhood = serializers.SerializerMethodField(
        help_text="Participants per neighbourhood; null neighbourhood when unknown."
    )

    @extend_schema_field(AgeBandCountSerializer(many=True))
    def get_by_age_band(self, year) -> list:
        return [
            {"age_band": band, "participants": year.by_age_band[band]}
            for band in AgeBand.values
            if band in year.by_age_band
        ]

    @extend_schema_field(NeighbourhoodCountSerializer(many=True))
    def get_by_neighbourhood(self, year) -> list:
        return [
            {"neighbourhood": name or None, "participants": count}
            for name, count in sorted(
                year.by_neighbourhood.items(), key=lambda kv: (not kv[0], kv[0])
            )
        ]
