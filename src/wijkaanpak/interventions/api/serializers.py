"""Serializers of interventions, with their partners and places ("vindplekken")."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from wijkaanpak.areas.models import Organisation, Place
from wijkaanpak.programme.api.serializers import LineSummarySerializer
from wijkaanpak.programme.models import Goal

from ..models import Evaluation, Intervention, StatusChange, Theme
from ..services.evaluation import needs_evaluation


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


# The history uses the intervention's own status enum rather than two more copies of it.
STATUS_SCHEMA = {"$ref": "#/components/schemas/InterventionStatusEnum"}


@extend_schema_field(STATUS_SCHEMA)
class StatusField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=Intervention.Status.choices, read_only=True, **kwargs)


class StatusChangeSerializer(serializers.ModelSerializer):
    from_status = StatusField(help_text="Status before the change.")
    to_status = StatusField(help_text="Status after the change.")

    class Meta:
        model = StatusChange
        fields = ["changed_on", "from_status", "to_status", "reason"]
        extra_kwargs = {
            "changed_on": {"help_text": "Date the status changed."},
            "reason": {"help_text": "Why the status changed."},
        }


class EvaluationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evaluation
        fields = [
            "evaluated_on",
            "method",
            "evaluator",
            "findings",
            "judgement",
            "evidence_level",
            "databank_reference",
        ]
        extra_kwargs = {
            "evaluated_on": {"help_text": "Date the evaluation was finished."},
            "method": {"help_text": "How it was evaluated, e.g. interviews with participants."},
            "evaluator": {"help_text": "Who evaluated: a person or an organisation."},
            "findings": {"help_text": "What the evaluation found."},
            "judgement": {"help_text": "The verdict: continue, adjust or stop."},
            "evidence_level": {
                "help_text": "Evidence level after the Dutch databanks of effective interventions."
            },
            "databank_reference": {
                "help_text": "Databank and where the intervention is found there; empty when none."
            },
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
    lead_partner = PartnerSerializer(
        read_only=True,
        allow_null=True,
        help_text="The organisation that leads the intervention; null when not recorded.",
    )
    themes = serializers.ListField(
        child=serializers.ChoiceField(choices=Theme.choices),
        read_only=True,
        help_text="Themes of the programme office the intervention works on.",
    )
    status_history = StatusChangeSerializer(
        source="status_changes",
        many=True,
        read_only=True,
        help_text="Every status change, oldest first; the history is never rewritten.",
    )
    evaluations = EvaluationSerializer(
        many=True, read_only=True, help_text="Evaluations, newest first."
    )
    needs_evaluation = serializers.SerializerMethodField(
        help_text="True when it has been running for more than a year without an evaluation "
        "in the last year."
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
            "status_history",
            "lead_partner",
            "themes",
            "starts_on",
            "ends_on",
            "recurrence",
            "planned_capacity",
            "budget_cents",
            "evidence_level",
            "databank_reference",
            "evaluations",
            "needs_evaluation",
            "previous",
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
            "starts_on": {"help_text": "Start date; null when unknown."},
            "ends_on": {"help_text": "End date; null when there is none or it is unknown."},
            "recurrence": {
                "help_text": "How often it happens, e.g. 'elke maand'; empty when not recorded."
            },
            "planned_capacity": {"help_text": "Planned number of places; null when unknown."},
            "budget_cents": {
                "help_text": "Budget of the intervention in euro cents; null when unknown."
            },
            "evidence_level": {
                "help_text": "Evidence level after the Dutch databanks, taken from the latest "
                "evaluation."
            },
            "databank_reference": {
                "help_text": "Databank and where the intervention is found there; empty when none."
            },
            "previous": {
                "help_text": "Id of the same intervention in the previous edition; null when new."
            },
            "source_reference": {
                "help_text": "Where in the source document it is found; empty when unknown."
            },
        }

    def get_needs_evaluation(self, intervention: Intervention) -> bool:
        return needs_evaluation(intervention, self.context.get("today") or timezone.localdate())
