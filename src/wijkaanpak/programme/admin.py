from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from .models import (
    Goal,
    Horizon,
    Indicator,
    Measurement,
    Programme,
    ProgrammeLine,
    ReferenceValue,
    SourceNote,
    Target,
)
from .services.progress import confirm_target


class HorizonInline(admin.TabularInline):
    model = Horizon
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "area", "edition_year"]
    list_filter = ["area"]
    inlines = [HorizonInline]


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0


@admin.register(ProgrammeLine)
class ProgrammeLineAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "programme"]
    list_filter = ["programme"]
    inlines = [GoalInline]


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["__str__", "line"]
    list_filter = ["line__programme", "line"]
    search_fields = ["text"]


@admin.register(Horizon)
class HorizonAdmin(admin.ModelAdmin):
    list_display = ["label", "years", "due_on", "programme"]


class ReferenceValueInline(admin.TabularInline):
    model = ReferenceValue
    extra = 0


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    readonly_fields = ["confirmed_by", "confirmed_at"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "line", "kind", "unit", "polarity"]
    list_filter = ["programme", "line", "kind", "unit"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["goals"]
    inlines = [ReferenceValueInline, TargetInline]


@admin.register(ReferenceValue)
class ReferenceValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "scope", "value", "reference_date", "source"]
    list_filter = ["scope", "indicator__line"]


@admin.action(description=_("Bevestig de gekozen streefwaarden (voorstel wordt afspraak)"))
def confirm_targets(modeladmin, request, queryset):
    for target in queryset.filter(state=Target.State.PROPOSED):
        confirm_target(target, request.user)
    modeladmin.message_user(request, _("Streefwaarden bevestigd."), messages.SUCCESS)


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["indicator", "horizon", "value", "state", "confirmed_by", "confirmed_at"]
    list_filter = ["state", "horizon__years", "indicator__line"]
    readonly_fields = ["confirmed_by", "confirmed_at"]
    actions = [confirm_targets]


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    """Measurements are added and corrected through the service, so history is never lost."""

    list_display = ["indicator", "scope", "value", "period_end", "source", "superseded_at"]
    list_filter = ["scope", "indicator__line", ("superseded_at", admin.EmptyFieldListFilter)]
    search_fields = ["indicator__name", "source"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SourceNote)
class SourceNoteAdmin(admin.ModelAdmin):
    list_display = ["subject", "kind", "source_reference"]
    list_filter = ["kind", "programme"]
    search_fields = ["subject", "description"]
