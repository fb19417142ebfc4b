"""Admin: referrals, consents and erasure records are read-only and for superusers only.

The admin is not scoped per organisation (A1), and the encrypted personal fields are left
out of it altogether - list and detail - because reading them must go through the referral
page, which writes the processing-log record (P1). Only the services write these rows.
"""

from django.contrib import admin

from wijkaanpak.admin_mixins import ReadOnlyAdminMixin
from wijkaanpak.crypto import EncryptedTextField

from .models import Consent, ErasureRecord, Referral, ReferralEvent


def without_personal_fields(model) -> list[str]:
    return [
        field.name
        for field in model._meta.fields
        if not isinstance(field, EncryptedTextField) and field.name != "id"
    ]


class SuperuserReadOnly(ReadOnlyAdminMixin):
    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_fields(self, request, obj=None):
        return without_personal_fields(self.model)

    def get_readonly_fields(self, request, obj=None):
        return without_personal_fields(self.model)


class ReferralEventInline(SuperuserReadOnly, admin.TabularInline):
    model = ReferralEvent
    extra = 0


@admin.register(Referral)
class ReferralAdmin(SuperuserReadOnly, admin.ModelAdmin):
    list_display = [
        "reference",
        "state",
        "offer",
        "referring_organisation",
        "receiving_organisation",
        "urgency",
        "sent_at",
        "receive_due_on",
        "escalated_at",
        "erased_at",
    ]
    list_filter = ["state", "area", "urgency", "receiving_organisation"]
    search_fields = ["=reference"]
    date_hierarchy = "sent_at"
    inlines = [ReferralEventInline]


@admin.register(Consent)
class ConsentAdmin(SuperuserReadOnly, admin.ModelAdmin):
    list_display = ["pk", "offer", "relation", "given_on", "method", "recorded_at", "withdrawn_at"]
    list_filter = ["relation", "method"]
    search_fields = ["=referral__reference"]


@admin.register(ErasureRecord)
class ErasureRecordAdmin(SuperuserReadOnly, admin.ModelAdmin):
    list_display = ["referral", "ground", "erased_at", "erased_by"]
    list_filter = ["ground"]
    search_fields = ["=referral__reference"]
