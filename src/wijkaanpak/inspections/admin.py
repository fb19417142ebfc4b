from django.contrib import admin

from .models import Action, Finding, InspectionRound, Participant


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0


@admin.register(InspectionRound)
class InspectionRoundAdmin(admin.ModelAdmin):
    list_display = ["neighbourhood", "year", "quarter", "planned_on", "held_on", "state"]
    list_filter = ["state", "year", "neighbourhood__area", "neighbourhood"]
    date_hierarchy = "planned_on"
    inlines = [ParticipantInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["inspection_round", "kind", "display_name", "organisation"]
    list_filter = ["kind"]
    list_select_related = ["inspection_round__neighbourhood", "organisation"]


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0
    raw_id_fields = ["owner"]


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ["inspection_round", "place", "category", "report", "created_at"]
    list_filter = ["category", "inspection_round__neighbourhood"]
    search_fields = ["place", "description"]
    raw_id_fields = ["report"]
    list_select_related = ["inspection_round__neighbourhood", "category", "report"]
    inlines = [ActionInline]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["description", "owner_organisation", "due_on", "state", "resolved_at"]
    list_filter = ["state", "owner_organisation"]
    search_fields = ["description", "resolution_note"]
    raw_id_fields = ["owner", "finding"]
    list_select_related = ["owner_organisation"]
