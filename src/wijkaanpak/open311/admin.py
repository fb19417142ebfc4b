from django.contrib import admin, messages
from django.utils.translation import gettext as _

from .models import ApiClient


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "key_prefix", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "contact", "key_prefix"]
    readonly_fields = ["key_prefix", "created_at"]
    fields = ["name", "organisation", "contact", "is_active", "key_prefix", "created_at"]

    def save_model(self, request, obj, form, change):
        key = None if change else obj.set_new_key()
        super().save_model(request, obj, form, change)
        if key:
            # Shown once: only its hash is stored.
            messages.warning(
                request,
                _("De sleutel is: %(key)s. Bewaar hem nu; hij wordt niet meer getoond.")
                % {"key": key},
            )
