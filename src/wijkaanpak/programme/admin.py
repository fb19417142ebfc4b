from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from wijkaanpak.admin_mixins import ReadOnlyAdminMixin

from .models import (
    CurveStory,
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
from .services.editions import is_editable, may_edit_story
from .services.progress import confirm_target


class EditionLock:
    """An adopted edition's content is read-only here too; only a draft changes.

    `programme_of(obj)` names the edition an object belongs to; a list page (obj None)
    keeps the normal rights, so a draft's objects stay reachable.
    """

    @staticmethod
    def programme_of(obj):
        raise NotImplementedError

    def _locked(self, obj) -> bool:
        return obj is not None and not is_editable(self.programme_of(obj))

    def has_change_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_delete_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        # Inlines get the parent object; a model admin's add page gets no object.
        if obj is not None and self._locked(obj):
            return False
        if isinstance(self, admin.options.InlineModelAdmin):
            return super().has_add_permission(request, obj)
        return super().has_add_permission(request)


def _programme(obj):
    return obj


def _of_line(obj):
    return obj.programme if isinstance(obj, ProgrammeLine) else obj.line.programme


def _of_indicator(obj):
    return obj.programme if isinstance(obj, Indicator) else obj.indicator.programme


class HorizonInline(EditionLock, admin.TabularInline):
    programme_of = staticmethod(_programme)
    model = Horizon
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(EditionLock, admin.ModelAdmin):
    programme_of = staticmethod(_programme)
    list_display = ["title", "area", "edition_year", "state", "adopted_at"]
    list_filter = ["area"]
    inlines = [HorizonInline]


class GoalInline(EditionLock, admin.TabularInline):
    programme_of = staticmethod(_of_line)
    model = Goal
    extra = 0


@admin.register(ProgrammeLine)
class ProgrammeLineAdmin(EditionLock, admin.ModelAdmin):
    programme_of = staticmethod(_of_line)
    list_display = ["number", "name", "programme"]
    list_filter = ["programme"]
    inlines = [GoalInline]


@admin.register(Goal)
class GoalAdmin(EditionLock, admin.ModelAdmin):
    programme_of = staticmethod(_of_line)
    list_display = ["__str__", "line"]
    list_filter = ["line__programme", "line"]
    search_fields = ["text"]


@admin.register(Horizon)
class HorizonAdmin(EditionLock, admin.ModelAdmin):
    programme_of = staticmethod(lambda obj: obj.programme)
    list_display = ["label", "years", "due_on", "programme"]


class ReferenceValueInline(EditionLock, admin.TabularInline):
    programme_of = staticmethod(_of_indicator)
    model = ReferenceValue
    extra = 0


class TargetInline(EditionLock, admin.TabularInline):
    programme_of = staticmethod(_of_indicator)
    model = Target
    extra = 0
    readonly_fields = ["confirmed_by", "confirmed_at"]


@admin.register(Indicator)
class IndicatorAdmin(EditionLock, admin.ModelAdmin):
    programme_of = staticmethod(_of_indicator)
    list_display = ["name", "line", "kind", "unit", "polarity"]
    list_filter = ["programme", "line", "kind", "unit"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["goals"]
    inlines = [ReferenceValueInline, TargetInline]


@admin.register(ReferenceValue)
class ReferenceValueAdmin(EditionLock, admin.ModelAdmin):
    programme_of = staticmethod(_of_indicator)
    list_display = ["indicator", "scope", "value", "reference_date", "source"]
    list_filter = ["scope", "indicator__line"]


@admin.action(description=_("Bevestig de gekozen streefwaarden (voorstel wordt afspraak)"))
def confirm_targets(modeladmin, request, queryset):
    # Confirming changes a target, so it only happens in a draft edition.
    proposals = queryset.filter(state=Target.State.PROPOSED)
    in_draft = list(proposals.filter(indicator__programme__state=Programme.State.DRAFT))
    skipped = proposals.count() - len(in_draft)
    for target in in_draft:
        confirm_target(target, request.user)
    if skipped:
        modeladmin.message_user(
            request,
            _(
                "%(n)s streefwaarden horen bij een vastgestelde editie en zijn niet veranderd. "
                "Bevestig ze in een nieuwe editie."
            )
            % {"n": skipped},
            messages.WARNING,
        )
    else:
        modeladmin.message_user(request, _("Streefwaarden bevestigd."), messages.SUCCESS)


@admin.register(Target)
class TargetAdmin(EditionLock, admin.ModelAdmin):
    programme_of = staticmethod(_of_indicator)
    list_display = ["indicator", "horizon", "value", "state", "confirmed_by", "confirmed_at"]
    list_filter = ["state", "horizon__years", "indicator__line"]
    readonly_fields = ["confirmed_by", "confirmed_at"]
    actions = [confirm_targets]


@admin.register(Measurement)
class MeasurementAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Measurements are added and corrected through the service, so history is never lost."""

    list_display = ["indicator", "scope", "value", "period_end", "source", "superseded_at"]
    list_filter = ["scope", "indicator__line", ("superseded_at", admin.EmptyFieldListFilter)]
    search_fields = ["indicator__name", "source"]


@admin.register(SourceNote)
class SourceNoteAdmin(admin.ModelAdmin):
    list_display = ["subject", "kind", "source_reference"]
    list_filter = ["kind", "programme"]
    search_fields = ["subject", "description"]


@admin.register(CurveStory)
class CurveStoryAdmin(admin.ModelAdmin):
    """Curve stories stay editable in a draft and in the current adopted edition."""

    list_display = ["indicator", "updated_at"]
    list_filter = ["indicator__programme"]
    readonly_fields = ["updated_by", "updated_at"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and not may_edit_story(obj.indicator.programme):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj) and super().has_delete_permission(
            request, obj
        )

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
