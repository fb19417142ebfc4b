"""Serializers of interventions, with their partners and places ("vindplekken")."""

from rest_framework import serializers

from wijkaanpak.areas.models import Organisation, Place
from wijkaanpak.programme.api.serializers import LineSummarySerializer
from wijkaanpak.programme.models import Goal

from ..models import Intervention


class PartnerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "slug", "name", "kind"]
        extra_kwargs = {
            "id": {"help_text": "Database id of the organisation."},
            "slug": {"help_text": "Stable key of the organisation."},
            "name": {"help_text": "Name of the organisation."},
            "kind": {"help_text": "Kind of organisation."},
        }


class PlaceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Place
        fields = ["id", "slug", "name", "address"]
        extra_kwargs = {
            "id": {"help_text": "Database id of the place."},
            "slug": {"help_text": "Stable key of the place within its area."},
            "name": {"help_text": "Name of the place, e.g. a school or community centre."},
            "address": {"help_text": "Address; empty when unknown."},
        }


class GoalSummarySerializer(serializers.ModelSerializer):
    line = serializers.IntegerField(
        source="line_id", read_only=True, help_text="Id of the line the goal belongs to."
    )

    class Meta:
        model = Goal
        fields = ["id", "line", "number"]
        extra_kwargs = {
            "id": {"help_text": "Database id of the goal."},
            "number": {"help_text": "Number of the goal within its line."},
        }


class InterventionSerializer(serializers.ModelSerializer):
    line = LineSummarySerializer(
        read_only=True, help_text="The programme line the intervention belongs to."
    )
    goals = GoalSummarySerializer(
        many=True,
        read_only=True,
        help_text="The existing goals the intervention contributes to. Compare with "
        "`claimed_goal_numbers`: a number the source claims but that has no goal is absent here.",
    )
    claimed_goal_numbers = serializers.ListField(
        child=serializers.IntegerField(),
        read_only=True,
        help_text="The goal numbers as the source names them, even when such a goal does not "
        "exist (a data error to surface, not to hide).",
    )
    partners = PartnerSerializer(
        many=True, read_only=True, help_text="Partner organisations that carry it out."
    )
    places = PlaceSerializer(
        many=True, read_only=True, help_text="Places where the intervention reaches people."
    )

    class Meta:
        model = Intervention
        fields = [
            "id",
            "programme",
            "line",
            "kind",
            "number",
            "slug",
            "name",
            "description",
            "theme",
            "age_min",
            "age_max",
            "age_in_text",
            "age_min_in_text",
            "age_max_in_text",
            "goals",
            "claimed_goal_numbers",
            "partners",
            "places",
            "status",
            "source_reference",
        ]
        extra_kwargs = {
            "id": {"help_text": "Database id of the intervention."},
            "programme": {"help_text": "Id of the programme edition it belongs to."},
            "kind": {
                "help_text": "`intervention`: a numbered intervention; "
                "`measure`: a measure the source describes in prose."
            },
            "number": {
                "help_text": "Number in the source within its line; null when the source "
                "gives none."
            },
            "slug": {"help_text": "Stable key of the intervention within its programme."},
            "name": {"help_text": "Name of the intervention."},
            "description": {"help_text": "Description of the intervention."},
            "theme": {"help_text": "Theme or route, e.g. 'Van huis naar werk'; may be empty."},
            "age_min": {
                "help_text": "Youngest age of the target group; null when open or unknown."
            },
            "age_max": {
                "help_text": "Oldest age (inclusive) of the target group; null when open or "
                "unknown."
            },
            "age_in_text": {
                "help_text": "The age as the running text states it, only when it differs "
                "from the target group."
            },
            "age_min_in_text": {
                "help_text": "Youngest age according to the running text; null when the text "
                "agrees with the target group or says nothing."
            },
            "age_max_in_text": {
                "help_text": "Oldest age according to the running text; null when the text "
                "agrees with the target group or says nothing."
            },
            "status": {"help_text": "Where the intervention stands."},
            "source_reference": {
                "help_text": "Where in the source document it is found; empty when unknown."
            },
        }
