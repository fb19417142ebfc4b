"""Serializers of the programme's structure: areas, programmes, horizons, lines and goals.

Decimals are strings (DRF's default) so no precision is lost in JSON; dates are ISO 8601.
"""

from rest_framework import serializers

from wijkaanpak.areas.models import Area

from ..models import Goal, Horizon, Programme, ProgrammeLine


class AreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = Area
        fields = [
            "id",
            "slug",
            "name",
            "municipality",
            "municipality_cbs_code",
            "cbs_code",
            "postcode_area",
        ]
        extra_kwargs = {
            "id": {"help_text": "Database id of the area."},
            "slug": {"help_text": "Stable key of the area, used in URLs (e.g. `westwijk`)."},
            "name": {"help_text": "Name of the area."},
            "municipality": {"help_text": "Municipality the area lies in."},
            "municipality_cbs_code": {
                "help_text": "CBS code of the municipality (e.g. `GM0622`); empty when unknown."
            },
            "cbs_code": {"help_text": "CBS district code of the area; empty when unknown."},
            "postcode_area": {"help_text": "Postcode area (e.g. `3132`); empty when unknown."},
        }


class HorizonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Horizon
        fields = ["id", "years", "label", "due_on", "meaning"]
        extra_kwargs = {
            "id": {"help_text": "Database id of the horizon."},
            "years": {"help_text": "Length of the horizon in years (1, 4 or 15)."},
            "label": {"help_text": "How the programme names the horizon."},
            "due_on": {"help_text": "Fixed date by which the horizon's targets are due."},
            "meaning": {"help_text": "What the programme wants to have reached by then."},
        }


class ProgrammeSerializer(serializers.ModelSerializer):
    area = AreaSerializer(read_only=True, help_text="The area this programme is for.")
    horizons = HorizonSerializer(
        many=True, read_only=True, help_text="The programme's fixed horizons, shortest first."
    )

    class Meta:
        model = Programme
        fields = [
            "id",
            "area",
            "edition_year",
            "title",
            "ambition",
            "ambition_summary",
            "starts_on",
            "source_document",
            "horizons",
            "state",
            "adopted_at",
            "previous_edition",
            "change_rationale",
        ]
        extra_kwargs = {
            "state": {
                "help_text": "`adopted`: agreed and read-only; `draft`: being prepared, only "
                "visible to staff with the right to read programmes."
            },
            "adopted_at": {"help_text": "When the edition was adopted; null for a draft."},
            "previous_edition": {"help_text": "Id of the edition this one was copied from."},
            "change_rationale": {"help_text": "What changes in this edition and why."},
            "id": {"help_text": "Database id of this programme edition."},
            "edition_year": {
                "help_text": "Year of this edition; the programme is re-calibrated every year."
            },
            "title": {"help_text": "Title of the programme document."},
            "ambition": {"help_text": "The long-term ambition, as the source states it."},
            "ambition_summary": {"help_text": "The ambition in one sentence."},
            "starts_on": {"help_text": "Date the programme started."},
            "source_document": {"help_text": "The document this edition was read from."},
        }


class LineSummarySerializer(serializers.ModelSerializer):
    """A programme line as a reference inside another object."""

    class Meta:
        model = ProgrammeLine
        fields = ["id", "number", "slug", "name"]
        extra_kwargs = {
            "id": {"help_text": "Database id of the line."},
            "number": {"help_text": "Number of the line within its programme."},
            "slug": {"help_text": "Stable key of the line within its programme."},
            "name": {"help_text": "Name of the line (the programme's 'tafel')."},
        }


class GoalSerializer(serializers.ModelSerializer):
    programme = serializers.IntegerField(
        source="line.programme_id",
        read_only=True,
        help_text="Id of the programme edition the goal belongs to.",
    )
    line = LineSummarySerializer(read_only=True, help_text="The line the goal belongs to.")

    class Meta:
        model = Goal
        fields = ["id", "programme", "line", "number", "text", "source_reference"]
        extra_kwargs = {
            "id": {"help_text": "Database id of the goal."},
            "number": {"help_text": "Number of the goal within its line, as in the source."},
            "text": {"help_text": "The goal, as the source states it."},
            "source_reference": {
                "help_text": "Where in the source document the goal is found; empty when unknown."
            },
        }


class LineSerializer(serializers.ModelSerializer):
    goals = serializers.SerializerMethodField(
        help_text="Ids of the line's goals, in order of their number."
    )

    class Meta:
        model = ProgrammeLine
        fields = [
            "id",
            "programme",
            "number",
            "slug",
            "name",
            "ambition",
            "description",
            "source_reference",
            "goals",
        ]
        extra_kwargs = {
            "id": {"help_text": "Database id of the line."},
            "programme": {"help_text": "Id of the programme edition the line belongs to."},
            "number": {"help_text": "Number of the line within its programme."},
            "slug": {"help_text": "Stable key of the line within its programme."},
            "name": {"help_text": "Name of the line (the programme's 'tafel')."},
            "ambition": {"help_text": "The line's own ambition; empty when the source gives none."},
            "description": {"help_text": "Description of the line."},
            "source_reference": {
                "help_text": "Where in the source document the line is found; empty when unknown."
            },
        }

    def get_goals(self, line) -> list[int]:
        # Read from the prefetch so a page of lines costs one query for all goals.
        return [goal.pk for goal in line.goals.all()]
