from django.contrib import admin

from wijkaanpak.admin_mixins import ReadOnlyAdminMixin

from .models import (
    Evaluation,
    Intervention,
    LineBudget,
    ReachRecord,
    SpendingEntry,
    StatusChange,
)


class StatusChangeInline(ReadOnlyAdminMixin, admin.TabularInline):
    """The history is append-only: it is shown here, and changed only through change_status."""

    model = StatusChange
    extra = 0
    fields = ["changed_on", "from_status", "to_status", "reason", "changed_by", "recorded_at"]
    readonly_fields = fields


class EvaluationInline(admin.StackedInline):
    model = Evaluation
    extra = 0
    fields = [
        "evaluated_on",
        "method",
        "evaluator",
        "findings",
        "judgement",
        "evidence_level",
        "databank_reference",
        "entered_by",
    ]
    readonly_fields = ["entered_by"]


class SpendingInline(admin.TabularInline):
    """Corrections are new entries, so existing ones are not edited or deleted here."""

    model = SpendingEntry
    extra = 0
    can_delete = False
    fields = ["on", "kind", "amount_cents", "note", "entered_by"]
    readonly_fields = ["entered_by"]

    def has_change_permission(self, request, obj=None):
        return False


class ReachInline(admin.TabularInline):
    model = ReachRecord
    extra = 0
    fields = [
        "period_start",
        "period_end",
        "age_band",
        "neighbourhood",
        "participants",
        "activities_held",
        "source",
    ]


@admin.register(Intervention)
class InterventionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "line", "kind", "age_min", "age_max", "status", "evidence_level"]
    list_filter = ["programme", "line", "kind", "status", "evidence_level"]
    search_fields = ["name", "description"]
    filter_horizontal = ["goals", "partners", "places"]
    raw_id_fields = ["previous"]
    # Status changes only through the lifecycle (staff page), so the history stays complete.
    readonly_fields = ["status"]
    inlines = [StatusChangeInline, EvaluationInline, SpendingInline, ReachInline]

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if hasattr(instance, "entered_by_id") and instance.pk is None:
                instance.entered_by = request.user
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()
        if formset.model is Evaluation:
            _take_latest_evidence(form.instance)


def _take_latest_evidence(intervention: Intervention) -> None:
    # Same rule as services.evaluation.add_evaluation: the latest evaluation decides.
    latest = intervention.evaluations.order_by("-evaluated_on", "-entered_at", "-pk").first()
    if latest is not None:
        intervention.evidence_level = latest.evidence_level
        intervention.databank_reference = latest.databank_reference
        intervention.save(update_fields=["evidence_level", "databank_reference"])


@admin.register(LineBudget)
class LineBudgetAdmin(admin.ModelAdmin):
    list_display = ["line", "year", "amount_cents"]
    list_filter = ["year", "line__programme"]


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["intervention", "changed_on", "from_status", "to_status", "changed_by"]
    list_filter = ["to_status"]
    search_fields = ["intervention__name", "reason"]
