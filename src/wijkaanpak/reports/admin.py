"""Admin: the category tree is managed here. Reports are read-only and for superusers only:
the admin is not scoped per organisation (A1), and contact details are left out of it
altogether, because reading them must go through the handler page that logs it (P1).
"""

from django.contrib import admin

from wijkaanpak.admin_mixins import ReadOnlyAdminMixin

from .models import Category, DeadlineBreach, Report, ReportEvent


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["__str__", "slug", "handling_organisation", "resolution_term_days", "is_active"]
    list_filter = ["is_active", "handling_organisation", "parent"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["parent__position", "position", "name"]


class SuperuserReadOnly(ReadOnlyAdminMixin, admin.ModelAdmin):
    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser


class ReportEventInline(admin.TabularInline):
    model = ReportEvent
    fields = ["at", "kind", "from_status", "to_status", "actor_label", "public_text"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(SuperuserReadOnly):
    list_display = [
        "reference",
        "status",
        "category",
        "organisation",
        "neighbourhood",
        "received_at",
        "pickup_due_on",
        "picked_up_at",
    ]
    list_filter = ["status", "organisation", "category"]
    search_fields = ["reference"]
    date_hierarchy = "received_at"
    exclude = ["status_token"]
    inlines = [ReportEventInline]


@admin.register(DeadlineBreach)
class DeadlineBreachAdmin(SuperuserReadOnly):
    list_display = ["report", "kind", "due_on", "recorded_at"]
    list_filter = ["kind"]
    search_fields = ["report__reference"]
