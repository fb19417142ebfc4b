"""The processing log in the admin: read-only for everyone, superusers included (P1, P2).

Filters answer the questions a privacy officer asks: what happened to this person's data
(subject), what did this colleague do (actor), under which activity, and when. Exact
lookups such as `?subject_id=M-2026-00001` or `?actor_id=12` work on the list too.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from wijkaanpak.admin_mixins import ReadOnlyAdminMixin

from .models import ProcessingRecord


@admin.register(ProcessingRecord)
class ProcessingRecordAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = (
        "occurred_at",
        "actor_name",
        "actor_organisation",
        "action",
        "activity_name",
        "subject_type",
        "subject_id",
        "object_type",
        "object_id",
    )
    list_filter = (
        "activity_code",
        "action",
        "subject_type",
        "actor_organisation",
        ("occurred_at", admin.DateFieldListFilter),
    )
    search_fields = ("=subject_id", "=object_id", "=actor_id", "actor_name")
    search_help_text = _("Zoek op kenmerk van de betrokkene of het object, of op de actor.")
    date_hierarchy = "occurred_at"
    ordering = ("-occurred_at", "-id")
    list_per_page = 100
    show_full_result_count = False  # counting a large log on every page is slow

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]
