"""Handler API shapes. Contact details (e-mail, phone) are left out on purpose: staff read
them on the report page, where each read is written to the processing log (P1). Internal
notes are left out too; they may quote the reporter.
"""

from rest_framework import serializers

from wijkaanpak.reports.domain import deadlines
from wijkaanpak.reports.models import Report, ReportEvent, Status


class ReportEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportEvent
        fields = ["at", "kind", "from_status", "to_status", "actor_label", "public_text"]


class ReportSerializer(serializers.ModelSerializer):
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    neighbourhood = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    category_name = serializers.CharField(source="category.name", read_only=True)
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    duplicate_of = serializers.SlugRelatedField(
        slug_field="reference", read_only=True, allow_null=True
    )
    next_due_on = serializers.SerializerMethodField(
        help_text="Pickup date while not picked up, resolution date after."
    )
    overdue = serializers.SerializerMethodField(
        help_text="True when the report is open and its next due date has passed."
    )
    has_contact = serializers.SerializerMethodField(
        help_text="Whether the reporter left contact details (shown on the staff page only)."
    )

    class Meta:
        model = Report
        fields = [
            "reference",
            "status",
            "status_display",
            "area",
            "neighbourhood",
            "category",
            "category_name",
            "organisation",
            "address",
            "location_description",
            "latitude",
            "longitude",
            "description",
            "source",
            "received_at",
            "pickup_due_on",
            "resolution_due_on",
            "next_due_on",
            "overdue",
            "picked_up_at",
            "closed_at",
            "public_reason",
            "duplicate_of",
            "has_contact",
        ]
        read_only_fields = fields

    def get_next_due_on(self, report) -> str:
        return (
            report.resolution_due_on if report.picked_up_at else report.pickup_due_on
        ).isoformat()

    def get_overdue(self, report) -> bool:
        from wijkaanpak.reports.domain.workflow import is_open

        due = report.resolution_due_on if report.picked_up_at else report.pickup_due_on
        return is_open(report.status) and due < deadlines.today()

    def get_has_contact(self, report) -> bool:
        return bool(getattr(report, "contact_count", 0))


class ReportDetailSerializer(ReportSerializer):
    events = ReportEventSerializer(many=True, read_only=True)

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "events"]
        read_only_fields = fields


class ReportFilter(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices, required=False)
    category = serializers.SlugField(required=False)
    neighbourhood = serializers.SlugField(required=False)
    overdue = serializers.BooleanField(required=False, allow_null=True, default=None)


class NoteInput(serializers.Serializer):
    internal_note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class ReasonInput(serializers.Serializer):
    reason = serializers.CharField(
        max_length=2000, help_text="The text the reporter reads; required."
    )
    internal_note = serializers.CharField(required=False, allow_blank=True, max_length=2000)
