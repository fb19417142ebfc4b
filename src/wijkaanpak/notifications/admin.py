from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wijkaanpak.audit import log
from wijkaanpak.audit.activities import REPORT_HANDLING

from . import services
from .models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only: the row is the record of what was sent to whom. Failed ones stand out."""

    list_display = [
        "id",
        "kind",
        "topic_type",
        "topic_id",
        "state",
        "attempts",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]
    list_filter = ["state", "kind", "topic_type"]
    search_fields = ["=topic_id", "=id"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    actions = ["retry", "withdraw"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        # The detail page shows the recipient's address: a read of personal data (P1).
        if request.method == "GET" and response.status_code == 200:
            message = self.get_object(request, object_id)
            if message is not None and message.topic_type == "reports.report":
                log.record(
                    user=request.user,
                    action="read",
                    activity=REPORT_HANDLING,
                    subject_type="mail-recipient",
                    subject_id=f"outbox:{message.pk}",
                    object_type="report",
                    object_id=message.topic_id,
                    data_kinds=["e-mailadres"],
                    request_path=request.path,
                )
        return response

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Opnieuw versturen"), permissions=["change"])
    def retry(self, request, queryset):
        count = services.retry(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d bericht wordt opnieuw verstuurd.",
                "%(count)d berichten worden opnieuw verstuurd.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Intrekken (niet meer versturen)"), permissions=["change"])
    def withdraw(self, request, queryset):
        count = services.withdraw(queryset)
        self.message_user(
            request,
            ngettext("%(count)d bericht ingetrokken.", "%(count)d berichten ingetrokken.", count)
            % {"count": count},
            messages.SUCCESS,
        )
